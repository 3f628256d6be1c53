import PlacementAnalysis
import PlacementModel
import PlacementPlanning

/// What one scenario (a sampled path, or one of the study's own) gives a held plan
/// (docs/design.md §8, evaluation): its NPV, and the fleet's utilization, stranded and
/// at-risk value per year, all as `optimize` and `stress` report them for that scenario.
///
/// ```swift
/// let result = try pipeline.evaluate(paths, builds: builds)
/// let figures = try ScenarioFigures.all(of: result)
/// print(figures[0].npv, figures[0].fleet.last?.stranded ?? 0, figures[0].belowBreakevenFinalYear ?? false)
/// ```
public struct ScenarioFigures: Sendable, Hashable {
    /// The fleet in one year of the scenario.
    public struct Year: Sendable, Hashable {
        public var year: Int
        /// Fleet utilization; nil when nothing is installed that year.
        public var utilization: Double?
        public var stranded: Double
        public var atRisk: Double

        public init(year: Int, utilization: Double?, stranded: Double, atRisk: Double) {
            self.year = year
            self.utilization = utilization
            self.stranded = stranded
            self.atRisk = atRisk
        }
    }

    public var scenario: ScenarioID
    /// The scenario's probability in the study evaluated.
    public var probability: Double
    /// Revenue less all costs, capital charges included, discounted as the objective is (USD).
    public var npv: Double
    /// One entry per horizon year.
    public var fleet: [Year]
    /// Final-year fleet utilization below the study's breakeven; nil when nothing is installed then.
    public var belowBreakevenFinalYear: Bool?

    /// The fleet's stranded value in the final year (USD; 0 with no years).
    public var finalYearStranded: Double { fleet.last?.stranded ?? 0 }

    public init(
        scenario: ScenarioID, probability: Double, npv: Double, fleet: [Year], belowBreakevenFinalYear: Bool?
    ) {
        self.scenario = scenario
        self.probability = probability
        self.npv = npv
        self.fleet = fleet
        self.belowBreakevenFinalYear = belowBreakevenFinalYear
    }

    /// The figures of every scenario of a planning result with its analysis, in its order.
    ///
    /// - Throws: ``SamplingError`` when the result has no plan or no analysis.
    public static func all(of result: PlanningResult) throws(SamplingError) -> [ScenarioFigures] {
        guard let plan = result.plan, let analysis = result.analysis else {
            throw SamplingError("the plan could not be evaluated: \(result.investment.termination.rawValue)")
        }
        let breakeven = analysis.stranded.breakevenUtilization
        return plan.scenarios.enumerated().map { s, scenario in
            let fleet = analysis.stranded.fleet.map { row in
                Year(
                    year: row.year, utilization: analysis.utilization.fleet(year: row.year, scenario: scenario),
                    stranded: row.stranded.byScenario[s], atRisk: row.atRisk.byScenario[s])
            }
            return ScenarioFigures(
                scenario: scenario, probability: plan.scenarioWeights[s], npv: plan.npvByScenario[s], fleet: fleet,
                belowBreakevenFinalYear: fleet.last?.utilization.map { $0 < breakeven })
        }
    }
}
