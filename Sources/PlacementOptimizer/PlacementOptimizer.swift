import Foundation
import LinearProgramming
import PlacementModel

/// Study -> linear program -> solve -> ``Plan``, with the time each step took.
///
/// The solver is chosen by the caller (the command-line tool picks GLPK), so this
/// module never touches a solver library.
///
/// ```swift
/// let optimizer = PlacementOptimizer(solver: GLPKSolver())
/// let result = try optimizer.optimize(study)
/// if let plan = result.plan { print(plan.expectedNPV) }
/// ```
public struct PlacementOptimizer<Solver: LinearProgramSolver>: Sendable {
    public var solver: Solver

    public init(solver: Solver) {
        self.solver = solver
    }

    public func optimize(_ study: Study, options: ProgramOptions = ProgramOptions()) throws -> OptimizationResult {
        let clock = ContinuousClock()
        var start = clock.now
        let program = try PlacementProgramBuilder(study: study, options: options).build()
        let buildTime = clock.now - start
        start = clock.now
        let solution = try solver.solve(program.model)
        let solveTime = clock.now - start
        start = clock.now
        let plan = PlanReader.read(program, solution, study: study)
        return OptimizationResult(program: program, solution: solution, plan: plan,
                                  buildSeconds: buildTime.seconds, solveSeconds: solveTime.seconds,
                                  resultSeconds: (clock.now - start).seconds)
    }

    /// Reads a plan from a solution of `program` obtained elsewhere (e.g. a warm session).
    public static func plan(from solution: Solution, of program: PlacementProgram, study: Study) -> Plan? {
        PlanReader.read(program, solution, study: study)
    }
}

/// What ``PlacementOptimizer/optimize(_:options:)`` produced.
public struct OptimizationResult: Sendable {
    public var program: PlacementProgram
    public var solution: Solution
    /// nil when the solver has no feasible point.
    public var plan: Plan?
    public var buildSeconds: Double
    public var solveSeconds: Double
    public var resultSeconds: Double
}
