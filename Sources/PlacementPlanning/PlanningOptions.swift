import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// How the planning pipeline solves and what it computes.
///
/// ```swift
/// var options = PlanningOptions()
/// options.method = .decomposed
/// options.threads = 2
/// options.relativeGap = 1e-7
/// let result = try PlanningPipeline(solver: GLPKSolver(), options: options).run(study)
/// ```
public struct PlanningOptions: Sendable {
    /// How the investment LP is solved.
    public enum Method: String, Sendable, CaseIterable {
        /// The decomposed solve above ``PlanningOptions/autoThreshold`` block nonzeros (25,000), else the primal simplex.
        case auto
        /// Regularized Benders decomposition over (year, scenario) blocks.
        case decomposed
        /// The whole LP at once, primal simplex (the solver's own method choice decides; see the CLI).
        case primal
        /// The whole LP at once, dual simplex.
        case dual
    }

    public var method: Method = .auto
    /// Worker threads for the blocks (default: the machine's cores). Results do not depend on it.
    public var threads: Int = WorkerPool.machineCores
    /// Run the stress re-solves and the stranded write-off.
    public var analyse: Bool = true
    /// The decomposition stops when `(upper - lower) / max(1, |upper|)` is at most this.
    public var relativeGap: Double = 1e-7
    /// The gap the decomposed solve and the near-optimal and break-even searches work to:
    /// ``relativeGap``, but no tighter than 1e-9, since an evaluated objective is a sum of block
    /// optima that round-off moves by about that much (with a gap of 0 the bounds might never
    /// meet, and a search's point never reach the master's objective).
    public var attainableGap: Double { max(relativeGap, 1e-9) }
    /// Wall-clock limit of the whole investment solve; reaching it reports the best plan found
    /// with a non-optimal status.
    public var timeLimit: Duration?
    /// Largest number of decomposition (Benders) iterations. Each simplex solve inside has a
    /// limit of its own (`LinearProgramSession.solve(using:simplexIterationLimit:)`), set from the
    /// program's size.
    public var decompositionIterationLimit: Int = 500
    /// The former name of ``decompositionIterationLimit``.
    @available(*, deprecated, renamed: "decompositionIterationLimit")
    public var iterationLimit: Int {
        get { decompositionIterationLimit }
        set { decompositionIterationLimit = newValue }
    }
    /// Where the decomposition's level is set between the best value found and the master's
    /// bound (0: at the bound; 1: at the best value). 0.5 as in Pecci and Jenkins (measured:
    /// bench/README.md, "Measurements behind the defaults").
    public var levelFraction: Double = 0.5
    /// The relative gap below which the decomposition's iterates are the master's vertices,
    /// unregularised (Kelley steps): near the optimum a vertex closes the gap at once, since
    /// each block's value is polyhedral.
    public var kelleyGap: Double = 1e-4
    /// A block's cut is added when the master's model of its value at the candidate exceeds the
    /// block's value by more than this, relative to the value: far below the gap asked for,
    /// summed over all blocks.
    public var cutTolerance: Double = 1e-10
    /// Nonzeros of the dispatch blocks together above which `.auto` decomposes; deciding on the
    /// blocks spares building the whole LP. The decomposition overtakes the primal simplex
    /// between these sizes (measured: bench/README.md, "Measurements behind the defaults").
    public var autoThreshold: Int = 25_000
    /// Nonzeros from which a dispatch block is solved as independent parts (its slices, when no
    /// category share row ties them) rather than as one LP. The figures are the same either way.
    /// Splitting pays when the parts are large enough for the simplex's superlinear cost to
    /// outweigh the overhead of many small solves (measured: bench/README.md, "Measurements behind
    /// the defaults"). 0 splits every block, `Int.max` none (for comparisons).
    public var blockSplitThreshold = 10_000
    /// Nonzeros of all dispatch blocks together above which their parts are not kept in memory
    /// between solves. A split block then keeps one session for all its slices, set to a slice's
    /// demand and started from the basis that slice's last solve ended with (1 byte per row and
    /// column); a block that cannot share one (whole, or slices of different structure) is
    /// rebuilt for each solve. A resident part costs about 200 bytes per nonzero, so the default
    /// keeps resident studies under about 5 GiB (measured: bench/README.md, "Measurements behind
    /// the defaults"). 0 keeps nothing resident.
    public var residentNonzeroLimit = 25_000_000
    /// Where the value stage of a held evaluation (``PlanningPipeline/evaluate(_:builds:stress:)``)
    /// starts each block from when the block's session is reused.
    public var heldValueStart = ValueStageStart.continuing

    /// Where a block's value stage starts from.
    public enum ValueStageStart: Sendable, Hashable {
        /// From the basis the session holds (after a held evaluation, the write-off's optimum).
        case continuing
        /// From the basis the block's last value stage ended with: a stream of paths (only their
        /// numbers differ) re-solves from the previous path's value optimum, not from a basis
        /// optimal for another objective.
        case lastValueBasis
        /// From the basis the block's first value stage after a cold start ended with: every
        /// path of a stream re-solves from the optimum of the same anchor (its central path),
        /// which is nearer to a path than another path is.
        case firstValueBasis
    }
    /// Called once per decomposition iteration (from the calling thread).
    public var progress: (@Sendable (DecompositionProgress) -> Void)?
    /// Builds to start the decomposed solve from, such as a saved plan of the same study before
    /// an edit: they are evaluated first, and the plan keeps them unless a plan better by more
    /// than the gap is found, so parts an edit does not touch keep their values instead
    /// of moving within the gap. Builds of fleets or years the study cannot build are ignored.
    /// The monolithic methods do not use them.
    public var startingBuilds: [StartingBuild] = []

    /// Units built at the start of a year at a facility, of one accelerator.
    public struct StartingBuild: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        public var units: Double
        /// The scenario whose node makes the build (an adaptive plan's, docs/design.md §9); nil for a
        /// build every scenario makes.
        public var scenario: ScenarioID?

        public init(facility: FacilityID, hardware: HardwareID, year: Int, units: Double, scenario: ScenarioID? = nil) {
            self.facility = facility
            self.hardware = hardware
            self.year = year
            self.units = units
            self.scenario = scenario
        }

        /// The builds of `plan` (every fleet-year with units built), to hold or start from.
        ///
        /// ```swift
        /// let builds = PlanningOptions.StartingBuild.builds(of: result.plan!)
        /// ```
        public static func builds(of plan: Plan) -> [StartingBuild] {
            plan.fleetYears.filter { $0.built > 0 }.map {
                StartingBuild(
                    facility: $0.facility, hardware: $0.hardware, year: $0.year, units: $0.built, scenario: $0.scenario)
            }
        }
    }

    public init() {}
}

/// One line of the decomposition's progress.
public struct DecompositionProgress: Sendable, Hashable {
    public var iteration: Int
    /// Best objective of an evaluated plan (USD).
    public var lowerBound: Double
    /// The master's optimum (USD): no plan can do better.
    public var upperBound: Double
    public var relativeGap: Double
    public var seconds: Double
    /// Block re-solves so far.
    public var blockSolves: Int
    /// Seconds this iteration spent in the master and the level problem (the rest of the
    /// iteration is the blocks').
    public var masterSeconds: Double

    public init(
        iteration: Int, lowerBound: Double, upperBound: Double, relativeGap: Double, seconds: Double,
        blockSolves: Int, masterSeconds: Double = 0
    ) {
        self.iteration = iteration
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.relativeGap = relativeGap
        self.seconds = seconds
        self.blockSolves = blockSolves
        self.masterSeconds = masterSeconds
    }

    /// `iteration 12  lower 29.350301 B USD  upper 29.350304 B USD  gap 1.02e-07  3.2 s  (master 0.1 s)`
    public var line: String {
        let lower = String(format: "%.6f", lowerBound / 1e9)
        let upper = String(format: "%.6f", upperBound / 1e9)
        return "iteration \(iteration)  lower \(lower) B USD  upper \(upper) B USD  gap "
            + String(format: "%.2e", relativeGap) + "  " + String(format: "%.1f s", seconds)
            + String(format: "  (master %.1f s)", masterSeconds)
    }
}
