/// Which simplex method solves, or re-solves, a linear program.
///
/// From a stored optimal basis, choose the method whose feasibility the change kept. After
/// changing bounds or right-hand sides, or adding rows, the basis stays dual feasible, so the
/// dual simplex continues from it. After changing only the objective, or tightening a row
/// that the current point still satisfies, it stays primal feasible, so the primal simplex does.
///
/// ```swift
/// try session.setObjectiveCoefficients(newCosts)
/// let solution = try session.solve(using: .primal)   // warm: the old point is still feasible
/// ```
public enum SimplexMethod: String, Sendable, Hashable, CaseIterable {
    /// The dual simplex (GLPK falls back to the primal if it fails).
    case dual
    case primal
}
