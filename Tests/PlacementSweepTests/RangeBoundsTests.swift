import Foundation
import GLPKSolver
import PlacementLoader
import PlacementModel
import PlacementPlanning
import PlacementSweep
import Testing

/// Every number field at either end of its documented range (``NumberRule+Fields``) gives an LP
/// that GLPK solves: the ranges keep coefficients finite and well scaled, so input that passes
/// the loader never fails inside the solver (as discount_rate 1e300 or power_kw 1e-300 did).
@Suite struct RangeBoundsTests {
    static let fields: [(path: String, rule: NumberRule)] = [
        ("discount_rate", .discountRate), ("budget_usd", .budgetUSD), ("latency.route_factor", .routeFactor),
        ("latency.base_ms", .baseMs), ("facilities.abu-dhabi-campus.power_mw.2027", .powerMW),
        ("facilities.abu-dhabi-campus.pue", .pue),
        ("facilities.abu-dhabi-campus.electricity_usd_per_mwh", .electricityUSDPerMWh),
        ("facilities.abu-dhabi-campus.shell_capex_usd_per_mw", .shellCapexUSDPerMW),
        ("facilities.abu-dhabi-campus.fixed_om_usd_per_mw_year", .fixedOMUSDPerMWYear),
        ("facilities.riyadh-hexagon.existing.gpu-b200", .existingUnits),
        ("hardware.gpu-h200.memory_gb", .memoryGB), ("hardware.gpu-h200.power_kw", .powerKW),
        ("hardware.gpu-h200.capex_usd", .capexUSD), ("hardware.gpu-h200.lifetime_years", .lifetimeYears),
        ("hardware.gpu-h200.throughput.video", .throughput), ("workloads.video.latency_slo_ms", .latencySLOMs),
        ("workloads.video.daily_profile.0", .dailyProfileEntry),
        ("tenants.agent-labs.price_usd_per_unit", .priceUSDPerUnit),
        ("tenants.agent-labs.shortfall_penalty_usd_per_unit", .priceUSDPerUnit),
        ("tenants.agent-labs.demand.annual_units.2027", .annualUnits),
        ("scenarios.video-boom.demand.video.2028", .multiplier), ("scenarios.video-boom.price.video.2028", .multiplier),
        ("scenarios.video-boom.efficiency.video.2028", .efficiency),
        ("scenarios.efficiency-shock.electricity.gulf.2028", .multiplier),
    ]

    /// Both ways of solving: the whole LP, and the decomposition, whose warm dual simplex in a block
    /// once cycled without end on one of these extremes.
    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func everyFieldAtEitherEndOfItsRangeSolves(method: PlanningOptions.Method) throws {
        var planning = PlanningOptions()
        planning.method = method
        let loaded = try StudyLoader().loadSweep(at: SweepTests.fixture)
        let dimensions = Self.fields.map { field -> SweepDimension in
            switch field.rule {
            case .between(let low, let high), .wholeBetween(let low, let high):
                // A zero at the low end is ordinary data; a positive low end is an extreme worth solving.
                return SweepDimension(path: field.path, values: low > 0 ? [low, high] : [high])
            default:
                Issue.record("\(field.path) has no two-sided range")
                return SweepDimension(path: field.path, values: [])
            }
        }
        let results = SynchronizedList<VariantResult>()
        for dimension in dimensions {
            let sweep = Sweep(base: loaded.sweep.base, mode: .grid, dimensions: [dimension])
            var options = GLPKOptions()
            options.method = .primal
            SweepRunner(
                base: loaded.base.study, sweep: sweep, solver: GLPKSolver(options: options), workers: 2, analyse: false,
                cold: true, planning: planning
            )
            .run(batches: dimension.values.indices.map { [$0] }) { result in
                var named = result
                named.message =
                    "\(dimension.path) = \(dimension.values[result.id])" + (result.message.map { ": \($0)" } ?? "")
                results.append(named)
            }
        }
        #expect(results.items.count == dimensions.reduce(0) { $0 + $1.values.count })
        for result in results.items {
            let expected: VariantStatus = .finished(.optimal)
            #expect(result.status == expected, "\(result.message ?? "")")
            #expect(
                [result.expectedNPV, result.cvarNPV].allSatisfy { $0?.isFinite == true }, "\(result.message ?? "")")
        }
    }
}
