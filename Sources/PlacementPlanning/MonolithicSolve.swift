import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// The investment LP solved whole (primal or dual simplex, as the solver is set up), kept in a
/// session so that a study of the same structure re-solves warm.
final class MonolithicSolve<Solver: IncrementalSolver> {
    private var session: Solver.Session?

    func run(program: PlacementProgram, solver: Solver, method: PlanningOptions.Method) throws -> InvestmentOutcome {
        var warm = false
        if let session, try session.update(to: program.model) {
            warm = true
        } else {
            session = try solver.makeSession(program.model)
        }
        guard let session else { throw PlanningError.internalState("no investment session") }
        let solution: Solution
        // Warm (a sweep's next variant): the session picks the simplex after the changes made.
        do { solution = try warm ? session.solve() : session.solve(using: method == .dual ? .dual : .primal) } catch {
            self.session = nil
            throw error
        }
        var outcome = InvestmentOutcome(
            method: method, termination: solution.termination, primalStatus: solution.primalStatus,
            dualStatus: solution.dualStatus, message: solution.message, objective: solution.primal?.objective,
            built: solution.primal.map(program.builtUnits), iterations: solution.statistics.iterations,
            warmStarted: warm && solution.statistics.warmStarted, mipGap: solution.relativeGap,
            size: ProgramSize(program.model))
        outcome.shadowPrices = PlanAssembler.shadowPrices(
            solution: solution, model: program.model, powerRows: program.powerRows,
            budgetRows: program.budgetRows, index: program.index)
        return outcome
    }

    func reset() { session = nil }
}
