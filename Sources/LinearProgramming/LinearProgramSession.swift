/// A solver that keeps a model loaded between solves, so that a change of numbers is
/// re-solved from the previous optimal basis (a warm start) instead of from scratch.
///
/// ```swift
/// func stressed(_ session: some LinearProgramSession, row: Constraint, rate: Double) throws -> Double? {
///     try session.setBounds([(row, .equal(rate * 0.3))])
///     return try session.solve().objectiveValue
/// }
/// ```
public protocol LinearProgramSession: AnyObject, Sendable {
    /// The model as the session holds it now, changes included.
    var model: LinearProgram { get }
    func setBounds(_ changes: [(Constraint, RowBound)]) throws
    func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws
    func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws
    /// Turns the session's model into `model` by changing numbers only, keeping the basis;
    /// false (and nothing changed) when the structure differs.
    func update(to model: LinearProgram) throws -> Bool
    /// Solves from the stored basis (cold the first time).
    func solve() throws -> Solution
    /// Solves from the stored basis with the given simplex method.
    func solve(using method: SimplexMethod) throws -> Solution
}

/// A solver that can open sessions for warm re-solves.
public protocol IncrementalSolver: LinearProgramSolver {
    associatedtype Session: LinearProgramSession
    func makeSession(_ model: LinearProgram) throws -> Session
}
