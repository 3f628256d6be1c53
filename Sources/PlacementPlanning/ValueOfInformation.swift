import PlacementModel
import PlacementOptimizer

/// The value of information and of adaptivity of a study (docs/design.md §9): each figure is the
/// study's own objective (risk-weighted NPV, maximised, USD), so differences are in USD.
///
/// ```swift
/// let value = try PlanningPipeline(solver: GLPKSolver()).valueOfInformation(study)
/// print(value.evpi, value.vss, value.valueOfAdaptivity)
/// ```
public struct ValueOfInformation: Sendable {
    /// The study's own decision mode: the RP that EVPI and VSS start from.
    public var decisions: DecisionMode
    /// RP with every build fixed at the start.
    public var hereAndNow: Double
    /// RP with builds decided each year on what has been observed (the scenario tree).
    public var adaptive: Double
    /// WS: every scenario its own node from the first year (as if the future were known).
    public var waitAndSee: Double
    /// EV: the expected-value study's own optimum (one scenario of mean multipliers).
    public var expectedValue: Double
    /// EEV: the expected-value study's builds, held, evaluated under the study's scenarios.
    public var expectedResultOfExpectedValue: Double
    /// Whether every solve behind the figures ended optimal (within the solve's gap).
    public var allOptimal: Bool

    public init(
        decisions: DecisionMode, hereAndNow: Double, adaptive: Double, waitAndSee: Double, expectedValue: Double,
        expectedResultOfExpectedValue: Double, allOptimal: Bool
    ) {
        self.decisions = decisions
        self.hereAndNow = hereAndNow
        self.adaptive = adaptive
        self.waitAndSee = waitAndSee
        self.expectedValue = expectedValue
        self.expectedResultOfExpectedValue = expectedResultOfExpectedValue
        self.allOptimal = allOptimal
    }

    /// RP in the study's own mode.
    public var recourse: Double { decisions == .adaptive ? adaptive : hereAndNow }
    /// EVPI = WS - RP: what knowing the future before the first build would be worth.
    public var evpi: Double { waitAndSee - recourse }
    /// VSS = RP - EEV: what planning for the scenarios gains over planning for their mean.
    public var vss: Double { recourse - expectedResultOfExpectedValue }
    /// RP(adaptive) - RP(here-and-now): what the option to decide each year's builds later is worth.
    public var valueOfAdaptivity: Double { adaptive - hereAndNow }
}

extension PlanningPipeline {
    /// RP in both modes, WS and EEV of `study` (docs/design.md §9), with this pipeline's options
    /// (its method, gap and threads; the analysis is skipped, only objectives are needed). A mode
    /// whose tree is the here-and-now one (one node a year) is not solved twice.
    ///
    /// ```swift
    /// let value = try pipeline.valueOfInformation(study)
    /// ```
    /// - Throws: ``PlanningError`` when a solve fails or ends without a plan.
    public func valueOfInformation(_ study: Study) throws -> ValueOfInformation {
        let saved = options
        defer { options = saved }
        var quiet = saved
        quiet.analyse = false
        quiet.startingBuilds = []
        options = quiet
        var optimal = true
        func objective(_ result: PlanningResult, _ what: String) throws -> Double {
            guard let plan = result.plan else {
                throw PlanningError.stageFailed(
                    stage: what, block: "all", termination: result.investment.termination,
                    message: result.investment.message)
            }
            optimal = optimal && result.isOptimal
            return plan.objectiveUSD
        }
        let hereAndNowStudy = study.withDecisions(.hereAndNow)
        let hereAndNow = try objective(run(hereAndNowStudy), "here-and-now solve")
        func solve(_ mode: DecisionMode, _ what: String) throws -> Double {
            let variant = study.withDecisions(mode)
            return variant.scenarioTree.isSingleNodePerYear ? hereAndNow : try objective(run(variant), what)
        }
        let adaptive = try solve(.adaptive, "adaptive solve")
        let waitAndSee = try solve(.waitAndSee, "wait-and-see solve")
        let meanStudy = try study.expectedValueStudy()
        let mean = try run(meanStudy)
        let expectedValue = try objective(mean, "expected-value solve")
        let held = try evaluate(
            hereAndNowStudy, builds: mean.plan.map(PlanningOptions.StartingBuild.builds(of:)) ?? [])
        let expectedResult = try objective(held, "expected-value plan held")
        return ValueOfInformation(
            decisions: study.decisions, hereAndNow: hereAndNow, adaptive: adaptive, waitAndSee: waitAndSee,
            expectedValue: expectedValue, expectedResultOfExpectedValue: expectedResult, allOptimal: optimal)
    }
}
