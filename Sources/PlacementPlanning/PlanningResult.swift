import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer

/// One run of the ``PlanningPipeline``: how the investment solve ended, the plan with its
/// canonical dispatch, the analysis, and what each phase cost.
///
/// ```swift
/// let result = try PlanningPipeline(solver: GLPKSolver()).run(study)
/// print(result.investment.termination, result.plan?.expectedNPV ?? .nan)
/// print(result.analysis?.finalResilience ?? .nan, result.timings.solve)
/// ```
public struct PlanningResult: Sendable {
    /// Wall-clock seconds of each phase.
    public struct Timings: Sendable, Hashable {
        public var build = 0.0
        /// The investment solve (monolithic simplex or the whole decomposition).
        public var solve = 0.0
        /// The blocks' value and canonical stages at the plan's builds.
        public var canonical = 0.0
        /// Stress re-solves, write-offs and the figures computed from them.
        public var analysis = 0.0

        /// Solver seconds of the held block stages, summed over the blocks (and threads).
        public var stages = StageSeconds()

        public init() {}
    }

    /// Seconds spent in the three held stages of the blocks (docs/design.md §4): value,
    /// canonical dispatch and the stranded write-off.
    public struct StageSeconds: Sendable, Hashable {
        public var value = 0.0
        public var canonical = 0.0
        public var writeOff = 0.0

        public init(value: Double = 0, canonical: Double = 0, writeOff: Double = 0) {
            self.value = value
            self.canonical = canonical
            self.writeOff = writeOff
        }

        /// The sum of two, stage by stage.
        public static func + (lhs: StageSeconds, rhs: StageSeconds) -> StageSeconds {
            StageSeconds(
                value: lhs.value + rhs.value, canonical: lhs.canonical + rhs.canonical,
                writeOff: lhs.writeOff + rhs.writeOff)
        }
    }

    public var study: Study
    public var investment: InvestmentOutcome
    /// nil when the solve found no feasible point.
    public var plan: Plan?
    public var analysis: PlanAnalysis?
    public var timings: Timings
    /// Simplex iterations of the block stages (canonical, write-off, stress).
    public var stageIterations: Int
    /// The dispatch blocks together (value rows and write-off columns included): the size
    /// ``PlanningOptions/autoThreshold`` is compared with.
    public var blocksSize: ProgramSize

    /// Whether the investment solve started from the previous study's basis.
    public var warmStarted: Bool { investment.warmStarted }

    /// Simplex iterations of everything.
    public var iterations: Int { investment.iterations + stageIterations }

    /// The plan is proven optimal (within the decomposition's gap).
    public var isOptimal: Bool { investment.isOptimal && plan != nil }
}
