/// Which simplex method a warm re-solve uses.
///
/// After bound changes that cut the stored basis off (new right-hand sides) the dual simplex
/// is right; after changes that keep it primal feasible (a new objective, a row the current
/// point still satisfies) the primal simplex continues from it.
///
/// ```swift
/// try session.setObjectiveCoefficients(newObjective)
/// let solution = try session.solve(using: .primal)
/// ```
public enum SimplexMethod: String, Sendable, Hashable {
    case primal
    case dual
}
