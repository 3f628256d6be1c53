/// Why the solver stopped (MathOptInterface's `TerminationStatus`, reduced to what matters here).
///
/// Read it together with ``Solution/primalStatus``: a time limit may still leave a feasible point.
public enum TerminationStatus: String, Hashable, Sendable {
    /// Proven optimal (for a MIP: within the requested relative gap).
    case optimal
    /// Proven to have no feasible point.
    case infeasible
    /// Feasible, and the objective improves without limit.
    case unbounded
    /// The solver proved one of the two without telling which (e.g. a MIP relaxation with no dual bound).
    case infeasibleOrUnbounded
    case timeLimit
    case iterationLimit
    /// The solver gave up on numerical grounds (singular or ill-conditioned basis, failed factorization).
    case numericalFailure
    /// Anything else the solver reported; see ``Solution/message``.
    case otherError
}

/// What kind of point a solution carries (MathOptInterface's `ResultStatus`).
public enum ResultStatus: String, Hashable, Sendable {
    case feasiblePoint
    case infeasiblePoint
    case noSolution
}
