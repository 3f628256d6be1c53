import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer

/// Optimizes one study after another, re-solving warm whenever the new study's LP has the
/// same structure as the previous one (only numbers changed): the engine of sweeps and of
/// what-if loops in scripts.
///
/// ```swift
/// let planner = IncrementalPlanner(solver: GLPKSolver())
/// var study = base
/// for price in [30.0, 45, 60] {
///     try study.setNumber(at: "facilities.riyadh-hexagon.electricity_usd_per_mwh", to: price)
///     let result = try planner.optimize(study)   // warm after the first
///     print(price, result.plan?.expectedNPV ?? .nan)
/// }
/// ```
public final class IncrementalPlanner<Solver: IncrementalSolver> {
    public let solver: Solver
    /// Run the stress re-solves and stranded-asset risk after each optimization.
    public var analyse: Bool
    private var main: Solver.Session?
    private var dispatch: Solver.Session?

    public init(solver: Solver, analyse: Bool = true) {
        self.solver = solver
        self.analyse = analyse
    }

    /// Forgets the sessions: the next optimization starts cold.
    public func reset() {
        main = nil
        dispatch = nil
    }

    public func optimize(_ study: Study) throws -> PlanningResult {
        let program = try PlacementProgramBuilder(study: study).build()
        var warm = false
        do {
            if let session = main, try session.update(to: program.model) {
                warm = true
            } else {
                main = try solver.makeSession(program.model)
            }
            guard let session = main else { throw SweepError("no solver session") }
            let solution = try session.solve()
            let plan = PlacementOptimizer<Solver>.plan(from: solution, of: program, study: study)
            var analysis: PlanAnalysis?
            if analyse, let plan {
                analysis = try PlanAnalysis.run(study: study, plan: plan, solver: solver, reusing: &dispatch)
            }
            return PlanningResult(program: program, solution: solution, plan: plan, analysis: analysis,
                                  warmStarted: warm && solution.statistics.warmStarted)
        } catch {
            // After a failure the sessions may hold anything: start afresh next time.
            reset()
            throw error
        }
    }
}

/// One optimization of an ``IncrementalPlanner``.
public struct PlanningResult: Sendable {
    public var program: PlacementProgram
    public var solution: Solution
    /// nil when the solver found no feasible point.
    public var plan: Plan?
    public var analysis: PlanAnalysis?
    /// Whether the main solve started from the previous study's basis.
    public var warmStarted: Bool

    /// Simplex iterations of the main solve and of the stress re-solves.
    public var iterations: Int {
        solution.statistics.iterations + (analysis?.stress.map { $0.referenceIterations + $0.cases.reduce(0) { $0 + $1.iterations } } ?? 0)
    }
}
