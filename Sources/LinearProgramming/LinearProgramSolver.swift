/// A solver that takes a ``LinearProgram`` and returns a ``Solution``.
///
/// Model-building code depends on this protocol only; the command-line tool picks
/// the implementation (GLPK).
///
/// ```swift
/// func plan(with solver: some LinearProgramSolver, _ lp: LinearProgram) throws -> Double? {
///     try solver.solve(lp).objectiveValue
/// }
/// ```
public protocol LinearProgramSolver: Sendable {
    func solve(_ model: LinearProgram) throws -> Solution
}
