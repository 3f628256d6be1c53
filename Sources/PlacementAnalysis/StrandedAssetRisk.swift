import PlacementModel
import PlacementOptimizer

/// Stranded-asset risk (docs/design.md §4, revision 2) under each scenario and each stress case.
///
/// Book value in year y of a unit installed in year y' is `unit_capex x max(0, 1 - (y - y') / lifetime)`
/// (existing units: y' = start - 1); the plan carries it per fleet (`Plan.FleetYear.bookValueUSD`).
/// - *stranded*: the write-off the case allows — in each (case, year) block, the largest book
///   value of installed units that could be retired without lowering the block's optimal value
///   (the write-off LP; `Plan.Dispatch.retiredUnits`). Fleet q strands `bv_q * retired_q / cap_q`.
/// - *at risk*: per facility, `book value x max(0, 1 - facility utilization / breakeven)` on the
///   canonical dispatch (all its accelerators together); the fleet figure sums the facilities.
///   A fleet row's at-risk value is its facility's, shared in proportion to book value.
///
/// ```swift
/// let risk = StrandedAssetRisk(study: study, plan: plan, utilization: utilization, stress: stress)
/// let final = risk.fleet.last!
/// print(final.stranded.expected, final.atRisk.cvar, risk.probabilityBelowBreakeven ?? .nan)
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
    /// Sum of the probabilities of the scenarios whose fleet utilization in the final year is
    /// below the breakeven utilization; scenarios with nothing installed add nothing, and it is
    /// nil when no scenario has an installed fleet in the final year.
    public var probabilityBelowBreakeven: Double?

    private struct FacilityYear: Hashable {
        var facility: FacilityID?
        var year: Int
    }

    public init(study: Study, plan: Plan, utilization: Utilization, stress: StressTest?) {
        let breakeven = study.breakevenUtilization
        breakevenUtilization = breakeven
        alpha = study.risk.alpha
        scenarios = plan.scenarios
        let stressWorkloads = stress?.cases.map(\.workload) ?? []
        self.stressWorkloads = stressWorkloads
        let reference = study.referenceScenario.id

        // The cases: each scenario's dispatch, then each stress case's.
        var cases: [(dispatch: [Plan.Dispatch], utilization: Utilization, scenario: ScenarioID)] = plan.scenarios.map {
            id in
            (plan.dispatch.filter { $0.scenario == id }, utilization, id)
        }
        cases += (stress?.cases ?? []).map { ($0.dispatch, $0.utilization, reference) }
        // Book value per facility and year, in each scenario (capacity may depend on it, docs/design.md §9).
        var books: [ScenarioID: [FacilityYear: Double]] = [:]
        func facilityBooks(_ scenario: ScenarioID) -> [FacilityYear: Double] {
            if let book = books[scenario] { return book }
            let book = Dictionary(
                plan.fleetYears.filter { $0.scenario == nil || $0.scenario == scenario }.map {
                    (FacilityYear(facility: $0.facility, year: $0.year), $0.bookValueUSD)
                },
                uniquingKeysWith: +)
            books[scenario] = book
            return book
        }
        var stranded: [FacilityYear: [Double]] = [:]
        var atRisk: [FacilityYear: [Double]] = [:]
        var perFleet: [FleetScenarioValue] = []
        let zeros = Array(repeating: 0.0, count: cases.count)
        for (position, item) in cases.enumerated() {
            var facilityRisk: [FacilityYear: Double] = [:]
            let facilityBook = facilityBooks(item.scenario)
            for entry in item.dispatch {
                guard let row = plan.fleetYear(entry.key, scenario: item.scenario), row.capacity > 0,
                    row.bookValueUSD > 0
                else { continue }
                let key = FacilityYear(facility: entry.facility, year: entry.year)
                let facilityRiskValue =
                    facilityRisk[key]
                    ?? {
                        let use =
                            item.utilization.facility(entry.facility, year: entry.year, scenario: item.scenario)?
                            .utilization ?? 0
                        let value = (facilityBook[key] ?? 0) * max(0, 1 - use / breakeven)
                        facilityRisk[key] = value
                        for total in [key, FacilityYear(facility: nil, year: entry.year)] {
                            atRisk[total, default: zeros][position] += value
                        }
                        return value
                    }()
                let idle = row.bookValueUSD * min(1, entry.retiredUnits / row.capacity)
                for total in [key, FacilityYear(facility: nil, year: entry.year)] {
                    stranded[total, default: zeros][position] += idle
                }
                if position < plan.scenarios.count, let book = facilityBook[key], book > 0 {
                    perFleet.append(
                        FleetScenarioValue(
                            facility: entry.facility, hardware: entry.hardware, year: entry.year,
                            scenario: entry.scenario,
                            bookValue: row.bookValueUSD, stranded: idle,
                            atRisk: facilityRiskValue * row.bookValueUSD / book))
                }
            }
        }
        fleetScenarioValues = perFleet
        let scenarioCount = plan.scenarios.count
        func figures(_ values: [Double]?) -> Figures {
            let values = values ?? zeros
            let byScenario = Array(values[0..<scenarioCount])
            let byStress = Array(values[scenarioCount...])
            let worst = byScenario.indices.max { byScenario[$0] < byScenario[$1] }
            let worstStress = byStress.indices.max { byStress[$0] < byStress[$1] }
            return Figures(
                byScenario: byScenario, byStress: byStress,
                expected: zip(byScenario, plan.scenarioWeights).reduce(0) { $0 + $1.0 * $1.1 },
                worstScenario: worst.map { byScenario[$0] } ?? 0, worstScenarioID: worst.map { plan.scenarios[$0] },
                cvar: TailRisk.conditionalValueAtRisk(
                    losses: byScenario, probabilities: plan.scenarioWeights, alpha: study.risk.alpha),
                worstStress: worstStress.map { byStress[$0] },
                worstStressWorkload: worstStress.map { stressWorkloads[$0] })
        }
        func row(_ facility: FacilityID?, _ year: Int) -> Row {
            let key = FacilityYear(facility: facility, year: year)
            // Summed in plan order: a dictionary's order changes from run to run, and so would the last digit.
            // Expected over the scenarios when capacity depends on the scenario.
            let book = plan.fleetYears.filter { (facility == nil || $0.facility == facility) && $0.year == year }
                .reduce(0) { $0 + $1.bookValueUSD * plan.weight(of: $1.scenario) }
            return Row(
                facility: facility, year: year, bookValue: book, stranded: figures(stranded[key]),
                atRisk: figures(atRisk[key]))
        }
        facilities = study.facilities.flatMap { facility in plan.years.map { row(facility.id, $0) } }
        fleet = plan.years.map { row(nil, $0) }
        let final = plan.years.last ?? study.horizon.end
        var probability: Double?
        for (scenario, weight) in zip(plan.scenarios, plan.scenarioWeights) {
            guard let value = utilization.fleet(year: final, scenario: scenario) else { continue }
            probability = (probability ?? 0) + (value < breakeven ? weight : 0)
        }
        probabilityBelowBreakeven = probability
    }
}
