import LinearProgramming

extension LinearProgramSession {
    /// Solves from the stored basis with `method`; when that does not end optimal, solves again from
    /// a fresh basis, with the primal simplex and then the dual. Each attempt stops after
    /// `iterationLimit` iterations.
    ///
    /// The decomposition's programs are feasible and bounded by construction (blocks absorb any
    /// lack of capacity in unserved demand and shortfall; the master is bounded by its value
    /// bounds), so a report of infeasible, unbounded or numerical trouble is a stale basis
    /// misleading the simplex (seen after a sweep's numeric update), and an iteration limit is a
    /// cycle: on coefficients near the ends of their ranges (a throughput of 1e9, capacity
    /// coefficients of 1e-9) GLPK's primal simplex was seen to cycle for millions of iterations
    /// where the dual simplex from a fresh basis solved the same block. A solve that ends
    /// without an optimum leaves no basis, so each retry starts anew.
    func solveRecovering(using method: SimplexMethod, simplexIterationLimit iterationLimit: Int) throws -> Solution {
        var solution = try solve(using: method, simplexIterationLimit: iterationLimit)
        guard Self.isRecoverable(solution.termination) else { return solution }
        let first = solution
        var iterations = solution.statistics.iterations
        var seconds = solution.statistics.seconds
        // A fresh primal start repeats a first attempt that was one already (cycle included): skip it.
        let retries = [SimplexMethod.primal, .dual].filter { !(first.statistics.warmStarted == false && $0 == method) }
        for retry in retries where Self.isRecoverable(solution.termination) {
            solution = try solve(using: retry, simplexIterationLimit: iterationLimit)
            iterations += solution.statistics.iterations
            seconds += solution.statistics.seconds
        }
        // Every attempt's work counts; a failure keeps the first attempt's account of what went wrong.
        solution.statistics.iterations = iterations
        solution.statistics.seconds = seconds
        solution.statistics.warmStarted = first.statistics.warmStarted
        if solution.termination != .optimal, let message = first.message {
            solution.message =
                "\(message); again from a fresh basis: \(solution.message ?? solution.termination.rawValue)"
        }
        return solution
    }

    /// Terminations a fresh start may cure; `.optimal` and a time limit are final (an iteration
    /// limit is this function's own guard against cycling, so it is retried).
    static func isRecoverable(_ termination: TerminationStatus) -> Bool {
        switch termination {
        case .infeasible, .unbounded, .infeasibleOrUnbounded, .numericalFailure, .otherError, .iterationLimit:
            return true
        case .optimal, .timeLimit:
            return false
        }
    }
}

/// Simplex iterations one attempt at a program of `size` may take: far more than a solve needs
/// (a cold solve takes a small multiple of the rows), far fewer than a cycle runs.
func simplexIterationLimit(_ size: ProgramSize) -> Int {
    max(20_000, 20 * (size.rows + size.columns))
}
