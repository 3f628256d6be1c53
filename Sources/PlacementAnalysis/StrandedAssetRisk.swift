import PlacementModel
import PlacementOptimizer

/// Stranded-asset risk (docs/design.md §4): book value left idle under each scenario and
/// each stress case.
///
/// Book value in year y of a unit installed in year y' is `unit_capex x max(0, 1 - (y - y') / lifetime)`
/// (existing units: y' = start - 1). For a fleet (facility, hardware) with `cap` units and
/// `used_k` busy in slice k:
/// - *stranded* = book value x `(cap - max_k used_k) / cap` (idle all day),
/// - *at risk* = book value x `max(0, 1 - utilization / breakeven)`.
///
/// ```swift
/// let risk = StrandedAssetRisk(study: study, plan: plan, stress: stress)
/// let final = risk.fleet.last!
/// print(final.stranded.expected, final.stranded.cvar, risk.probabilityBelowBreakeven)
/// ```
public struct StrandedAssetRisk: Sendable {
    /// One measure (stranded or at-risk value, USD) summarised over the cases.
    public struct Figures: Sendable, Hashable {
        /// Value under each scenario, in plan order.
        public var byScenario: [Double]
        /// Value under each stress case, in stress-case order.
        public var byStress: [Double]
        /// Probability-weighted over scenarios.
        public var expected: Double
        public var worstScenario: Double
        public var worstScenarioID: ScenarioID?
        /// CVaR at the study's alpha over scenarios (mean of the worst 1 - alpha).
        public var cvar: Double
        public var worstStress: Double?
        public var worstStressWorkload: WorkloadID?
    }

    /// Book, stranded and at-risk value of one fleet in one year and scenario.
    public struct FleetScenarioValue: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        public var scenario: ScenarioID
        public var bookValue: Double
        public var stranded: Double
        public var atRisk: Double
    }

    /// A facility's (or the fleet's, `facility == nil`) figures in one year.
    public struct Row: Sendable, Hashable {
        public var facility: FacilityID?
        public var year: Int
        public var bookValue: Double
        public var stranded: Figures
        public var atRisk: Figures
    }

    public var breakevenUtilization: Double
    public var alpha: Double
    public var scenarios: [ScenarioID]
    public var stressWorkloads: [WorkloadID]
    /// Per facility and year (facilities in study order).
    public var facilities: [Row]
    /// The fleet per year.
    public var fleet: [Row]
    /// Per (facility, hardware, year, scenario): book value, stranded and at-risk value.
    public var fleetScenarioValues: [FleetScenarioValue]
    /// Sum of the probabilities of the scenarios whose fleet utilization in the final year
    /// is below the breakeven utilization.
    public var probabilityBelowBreakeven: Double

    public init(study: Study, plan: Plan, stress: StressTest?) {
        breakevenUtilization = study.breakevenUtilization
        alpha = study.risk.alpha
        scenarios = plan.scenarios
        let stressWorkloads = stress?.cases.map(\.workload) ?? []
        self.stressWorkloads = stressWorkloads
        let lifetime = Dictionary(uniqueKeysWithValues: study.hardware.map { ($0.id, $0.lifetimeYears) })
        let bookValue = Self.bookValues(plan: plan, lifetime: lifetime, start: study.horizon.start)

        // Stranded and at-risk value per (facility, year, case): cases are the scenarios, then the stresses.
        let caseDispatch: [[Plan.Dispatch]] = plan.scenarios.map { id in plan.dispatch.filter { $0.scenario == id } }
            + (stress?.cases.map(\.plan.dispatch) ?? [])
        let capacity = Dictionary(plan.fleetYears.map { (FleetYearKey($0.facility, $0.hardware, $0.year), $0.capacity) },
                                  uniquingKeysWith: +)
        var stranded = [FacilityYearKey: [Double]](), atRisk = [FacilityYearKey: [Double]]()
        var perFleet = [FleetScenarioValue]()
        for (position, dispatch) in caseDispatch.enumerated() {
            for entry in dispatch {
                let fleetKey = FleetYearKey(entry.facility, entry.hardware, entry.year)
                let cap = capacity[fleetKey] ?? 0, value = bookValue[fleetKey] ?? 0
                guard cap > 0, value > 0 else { continue }
                let peak = entry.busyBySlice.max() ?? 0
                let utilization = entry.acceleratorHours / (Horizon.hoursPerYear * cap)
                let idle = value * max(0, cap - peak) / cap
                let risky = value * max(0, 1 - utilization / study.breakevenUtilization)
                if position < plan.scenarios.count {
                    perFleet.append(FleetScenarioValue(facility: entry.facility, hardware: entry.hardware, year: entry.year,
                                                       scenario: entry.scenario, bookValue: value, stranded: idle, atRisk: risky))
                }
                for key in [FacilityYearKey(entry.facility, entry.year), FacilityYearKey(nil, entry.year)] {
                    stranded[key, default: Array(repeating: 0, count: caseDispatch.count)][position] += idle
                    atRisk[key, default: Array(repeating: 0, count: caseDispatch.count)][position] += risky
                }
            }
        }
        fleetScenarioValues = perFleet
        let scenarioCount = plan.scenarios.count
        func figures(_ values: [Double]?) -> Figures {
            let values = values ?? Array(repeating: 0, count: caseDispatch.count)
            let byScenario = Array(values[0..<scenarioCount]), byStress = Array(values[scenarioCount...])
            let worst = byScenario.indices.max { byScenario[$0] < byScenario[$1] }
            let worstStress = byStress.indices.max { byStress[$0] < byStress[$1] }
            return Figures(
                byScenario: byScenario, byStress: byStress,
                expected: zip(byScenario, plan.scenarioWeights).reduce(0) { $0 + $1.0 * $1.1 },
                worstScenario: worst.map { byScenario[$0] } ?? 0, worstScenarioID: worst.map { plan.scenarios[$0] },
                cvar: TailRisk.conditionalValueAtRisk(losses: byScenario, probabilities: plan.scenarioWeights, alpha: study.risk.alpha),
                worstStress: worstStress.map { byStress[$0] }, worstStressWorkload: worstStress.map { stressWorkloads[$0] })
        }
        func row(_ facility: FacilityID?, _ year: Int) -> Row {
            let key = FacilityYearKey(facility, year)
            // Summed in plan order: a dictionary's order changes from run to run, and so would the last digit.
            let value = plan.fleetYears.filter { (facility == nil || $0.facility == facility) && $0.year == year }
                .reduce(0) { $0 + (bookValue[FleetYearKey($1.facility, $1.hardware, $1.year)] ?? 0) }
            return Row(facility: facility, year: year, bookValue: value, stranded: figures(stranded[key]), atRisk: figures(atRisk[key]))
        }
        facilities = study.facilities.flatMap { facility in plan.years.map { row(facility.id, $0) } }
        fleet = plan.years.map { row(nil, $0) }
        let final = plan.years.last ?? study.horizon.end
        let utilization = Utilization(plan: plan)
        probabilityBelowBreakeven = zip(plan.scenarios, plan.scenarioWeights).reduce(0) { total, pair in
            let value = utilization.fleet(year: final, scenario: pair.0) ?? 0
            return total + (value < study.breakevenUtilization ? pair.1 : 0)
        }
    }

    /// Book value of each (facility, hardware, year): straight-line depreciation per vintage.
    static func bookValues(plan: Plan, lifetime: [HardwareID: Int], start: Int) -> [FleetYearKey: Double] {
        var values = [FleetYearKey: Double]()
        let byFleet = Dictionary(grouping: plan.fleetYears) { "\($0.facility)|\($0.hardware)" }
        for rows in byFleet.values {
            guard let first = rows.first, let life = lifetime[first.hardware] else { continue }
            let years = rows.sorted { $0.year < $1.year }
            // Vintages: existing units (installed start - 1), then each year's builds.
            var vintages = [(year: start - 1, units: first.existing)]
            for row in years { vintages.append((row.year, row.built)) }
            for row in years {
                var value = 0.0
                for vintage in vintages where vintage.year <= row.year && vintage.units > 0 {
                    let age = Double(row.year - vintage.year)
                    guard age < Double(life) else { continue }
                    value += vintage.units * row.unitCapexUSD * max(0, 1 - age / Double(life))
                }
                values[FleetYearKey(row.facility, row.hardware, row.year)] = value
            }
        }
        return values
    }

    struct FleetYearKey: Hashable {
        var facility: FacilityID, hardware: HardwareID, year: Int
        init(_ facility: FacilityID, _ hardware: HardwareID, _ year: Int) {
            self.facility = facility
            self.hardware = hardware
            self.year = year
        }
    }

    struct FacilityYearKey: Hashable {
        var facility: FacilityID?, year: Int
        init(_ facility: FacilityID?, _ year: Int) {
            self.facility = facility
            self.year = year
        }
    }
}
