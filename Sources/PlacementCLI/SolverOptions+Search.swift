import GLPKSolver
import PlacementPlanning

extension SolverOptions {
    /// Runs `search` on a decomposed pipeline with these flags (no analysis), mapping its failures
    /// to exit statuses: the re-solves of `alternatives` and `explain`, and of `report`'s sections.
    ///
    /// ```swift
    /// let prices = try solver.decomposedSearch { try $0.explain(study) }
    /// ```
    func decomposedSearch<Result>(_ search: (PlanningPipeline<GLPKSolver>) throws -> Result) throws -> Result {
        var options = planningOptions(analyse: false)
        options.method = .decomposed
        let pipeline = PlanningPipeline(solver: GLPKSolver(options: glpkOptions), options: options)
        do { return try search(pipeline) } catch {
            printError("error: \(error)")
            // A combination not computed exactly yet is a usage matter, not a solver failure.
            if case PlanningError.unsupported = error { throw ExitStatus.usage }
            throw ExitStatus.solverFailure
        }
    }
}
