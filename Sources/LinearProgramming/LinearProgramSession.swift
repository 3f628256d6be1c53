/// A solver that keeps a model loaded between solves, so that a change of numbers, or rows
/// added to it, is re-solved from the previous optimal basis (a warm start) instead of from
/// scratch.
///
/// ```swift
/// func stressed(_ session: some LinearProgramSession, row: Constraint, rate: Double) throws -> Double? {
///     try session.setBounds([(row, .equal(rate * 0.3))])
///     return try session.solve().objectiveValue
/// }
/// ```
///
/// A cutting-plane loop adds rows to a live session and re-solves warm:
///
/// ```swift
/// var solution = try session.solve()
/// while let cut = separate(solution) {            // a row the current point violates
///     _ = try session.addConstraints([cut])
///     solution = try session.solve()               // dual simplex from the stored basis
/// }
/// ```
public protocol LinearProgramSession: AnyObject, Sendable {
    /// The model as the session holds it now, changes and added rows included. A session may
    /// keep it without its matrix (``LinearProgram/isMatrixDropped``) to save memory.
    var model: LinearProgram { get }
    func setBounds(_ changes: [(Constraint, RowBound)]) throws
    func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws
    func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws
    /// Appends rows, checked first with ``LinearProgram/checkNewConstraints(_:)``, and returns
    /// their handles. The stored basis is kept with the new rows basic, so the next solve starts
    /// warm (the dual simplex when the new rows cut off the current point).
    @discardableResult
    func addConstraints(_ constraints: [LinearConstraint]) throws -> [Constraint]
    /// Turns the session's model into `model` by changing numbers only, keeping the basis;
    /// false (and nothing changed) when the structure differs.
    func update(to model: LinearProgram) throws -> Bool
    /// Solves from the stored basis (cold the first time), choosing the simplex method from
    /// what changed since the last solve.
    func solve() throws -> Solution
    /// Solves from the stored basis (cold the first time) with the given simplex method: for
    /// callers that know which feasibility their changes kept (see ``SimplexMethod``).
    func solve(using method: SimplexMethod) throws -> Solution
    /// Like ``solve(using:)``, but stops after `iterationLimit` simplex iterations with
    /// ``TerminationStatus/iterationLimit``: for callers with a fallback when a simplex stalls
    /// or cycles (a solve that ends without an optimum leaves no basis, so the next starts afresh).
    func solve(using method: SimplexMethod, simplexIterationLimit iterationLimit: Int) throws -> Solution
    /// The basis the last solve ended with, when it ended optimal (nil otherwise).
    func basis() throws -> Basis?
    /// Installs `basis` (one status per row and column of ``model``; a non-basic status the
    /// bounds do not allow is moved to a bound they do): the next solve starts from it. A basis
    /// that cannot be factorized makes that solve start afresh instead.
    func setBasis(_ basis: Basis) throws
}

/// A solver that can open sessions for warm re-solves.
public protocol IncrementalSolver: LinearProgramSolver {
    associatedtype Session: LinearProgramSession
    func makeSession(_ model: LinearProgram) throws -> Session
}
