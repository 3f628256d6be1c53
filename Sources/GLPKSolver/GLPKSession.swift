import Foundation
import LinearProgramming

/// A GLPK problem kept alive between solves, for warm re-solves, added rows and sensitivity analysis.
///
/// The session owns a thread of its own on which its GLPK problem is created, solved
/// and deleted, so it can be used from any thread or task (calls are served one at a
/// time). Change numbers or add rows, then call ``solve()``: the simplex starts from the
/// previous optimal basis, with the dual simplex after bound changes and added rows and the
/// primal after objective changes (``solve(using:)`` picks the method), and presolve off so
/// the basis is kept.
///
/// ```swift
/// let session = try GLPKSession(model: lp)
/// let first = try session.solve()
/// try session.setBound(demandRow, .equal(120))
/// let second = try session.solve()   // warm: a few dual simplex iterations
/// print(second.statistics.iterations, second.statistics.warmStarted)
/// ```
///
/// A model with integer columns is solved as a MIP every time: its LP relaxation from the
/// stored basis, then branch and cut from that relaxation. GLPK's MIP presolver would discard
/// the basis, so a session does not use it (``GLPKOptions/mipPresolve`` applies to
/// ``GLPKSolver/solve(_:)`` only).
///
/// After GLPK raises a fatal error (which the guard turns into ``GLPKError/glpkFailure(call:message:)``)
/// the session's problem is gone and every further call throws ``GLPKError/sessionInvalidated``.
public final class GLPKSession: LinearProgramSession, @unchecked Sendable {
    /// Whether the session keeps a Swift copy of the constraint matrix besides GLPK's;
    /// see ``init(model:options:retainsMatrix:)``.
    public let retainsMatrix: Bool
    private let thread: SolverThread
    /// The shared thread this session runs on, kept alive by it; nil for a thread of its own.
    private let shared: SharedSolverThread?
    /// Everything that changes; read and written only inside `thread.run`, which serves
    /// one call at a time, so no two threads ever touch it at once.
    private let state: SessionState

    /// Loads `model` into a new GLPK problem on the session's own thread.
    ///
    /// With `retainsMatrix` false, the session keeps only the model's sizes, bounds,
    /// objective, integrality and names (``LinearProgram/droppingMatrix()``, O(rows + columns))
    /// and GLPK holds the only copy of the matrix: this saves 12 bytes per nonzero, for callers
    /// that keep many sessions, e.g. one per block of a decomposition. What costs more then:
    /// ``model`` has no matrix (``LinearProgram/isMatrixDropped``) and ``fullModel()`` reads it
    /// back from GLPK; ``update(to:)`` compares the new matrix with GLPK's row by row, O(nonzeros)
    /// GLPK calls instead of array comparisons, with the same answer except that an explicit
    /// zero coefficient that becomes nonzero (or the reverse) counts as a change of structure,
    /// since GLPK stores no zeros; ``export(to:format:)`` reads the matrix back first. Most of
    /// a session's memory is GLPK's own (about 165 bytes per nonzero, measured on a
    /// transportation LP), so dropping the Swift copy saves under a tenth of it.
    ///
    /// ```swift
    /// let blocks = try blockModels.map { try GLPKSession(model: $0, retainsMatrix: false) }
    /// ```
    ///
    /// - Parameters:
    ///   - model: the program to load; validated before GLPK sees it.
    ///   - options: solver settings for every solve of the session.
    ///   - retainsMatrix: whether the session keeps a Swift copy of the matrix (see above;
    ///     false saves memory but makes updates slower).
    /// - Throws: ``GLPKError/invalidModel(_:)`` when the model fails validation, or the error of
    ///   loading it into GLPK.
    public convenience init(model: LinearProgram, options: GLPKOptions = GLPKOptions(), retainsMatrix: Bool = true)
        throws
    {
        try self.init(model: model, options: options, retainsMatrix: retainsMatrix, shared: nil)
    }

    /// Loads `model` on `shared`'s thread, or on a thread of its own when `shared` is nil.
    init(model: LinearProgram, options: GLPKOptions, retainsMatrix: Bool, shared: SharedSolverThread?) throws {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        let state = SessionState(model: retainsMatrix ? model : model.droppingMatrix(), options: options)
        self.retainsMatrix = retainsMatrix
        self.shared = shared
        thread = shared?.thread ?? SolverThread(name: "glpk-session")
        self.state = state
        try thread.run { () throws(GLPKError) in state.problem = try GLPKProblem(model: model) }
    }

    deinit {
        if shared != nil {
            thread.run { [state] in state.problem = nil }
        } else {
            thread.shutdown { [state] in state.problem = nil }
        }
    }

    /// The model as the session currently holds it, changes and added rows included; without
    /// its matrix when the session does not retain it (then see ``fullModel()``).
    public var model: LinearProgram { thread.run { state.model } }

    /// The model with its matrix: ``model``, or, when the session does not retain its matrix,
    /// ``model`` with the matrix read back from GLPK (O(nonzeros); rows' terms in column order).
    ///
    /// ```swift
    /// let block = try GLPKSession(model: lp, retainsMatrix: false)
    /// block.model.nonzeroCount              // 0: the session keeps no copy
    /// try block.fullModel().nonzeroCount    // lp.nonzeroCount, read from GLPK
    /// ```
    public func fullModel() throws -> LinearProgram {
        try onThread { state, problem in
            guard state.model.isMatrixDropped else { return state.model }
            var rows: [[(Variable, Double)]] = []
            rows.reserveCapacity(problem.rowCount)
            try problem.readRows { _, columns, values in
                rows.append(zip(columns, values).map { (Variable(index: Int($0) - 1), $1) }.sorted { $0.0 < $1.0 })
                return true
            }
            return state.model.restoringMatrix(rows)
        }
    }

    /// How the next solves run; a change applies from the next call on.
    public var options: GLPKOptions {
        get { thread.run { state.options } }
        set { thread.run { state.options = newValue } }
    }

    /// Solves from the stored basis (cold the first time): the dual simplex after bound changes
    /// and added rows, the primal after objective changes only, ``GLPKOptions/method`` when cold.
    public func solve() throws -> Solution {
        try onThread { state, problem in
            let method: SimplexMethod = state.objectiveChanged && !state.boundsChanged ? .primal : .dual
            let warm = state.solvedOnce
            return try state.recordSolve(
                problem.solve(options: state.sessionOptions, warm: warm, method: warm ? method : state.options.method))
        }
    }

    /// Solves from the stored basis with `method` (cold the first time, or when the last solve
    /// left no optimal basis; ``SolveStatistics/warmStarted`` tells).
    ///
    /// ```swift
    /// // The current point still satisfies the tightened row, and only costs change:
    /// // the stored basis stays primal feasible, so the primal simplex continues from it.
    /// try session.setBound(capacityRow, .lessOrEqual(tighter))
    /// try session.setObjectiveCoefficients(newCosts)
    /// let solution = try session.solve(using: .primal)
    /// ```
    public func solve(using method: SimplexMethod) throws -> Solution {
        try onThread { state, problem in
            try state.recordSolve(problem.solve(options: state.sessionOptions, warm: state.solvedOnce, method: method))
        }
    }

    /// Solves like ``solve(using:)`` with at most `iterationLimit` simplex iterations (and
    /// ``GLPKOptions/iterationLimit`` when that is smaller). Reaching it reports
    /// ``TerminationStatus/iterationLimit`` and keeps no basis: the next solve starts from a fresh one.
    ///
    /// ```swift
    /// var solution = try session.solve(using: .dual, simplexIterationLimit: 10_000)
    /// if solution.termination == .iterationLimit { solution = try session.solve(using: .primal) }
    /// ```
    public func solve(using method: SimplexMethod, simplexIterationLimit iterationLimit: Int) throws -> Solution {
        try onThread { state, problem in
            var options = state.sessionOptions
            options.simplexIterationLimit = min(options.simplexIterationLimit ?? .max, iterationLimit)
            return try state.recordSolve(problem.solve(options: options, warm: state.solvedOnce, method: method))
        }
    }

    /// Solves from a fresh basis, ignoring the stored one (for comparisons and recovery).
    public func solveCold() throws -> Solution {
        try onThread { state, problem in
            try state.recordSolve(
                problem.solve(
                    options: state.sessionOptions, warm: false,
                    method: state.options.method))
        }
    }

    // MARK: Bases

    /// The basis the last solve ended with, when it ended optimal (nil otherwise), one status
    /// per row and column: store it, and install it later with ``setBasis(_:)``.
    ///
    /// ```swift
    /// _ = try session.solve()
    /// let stored = try session.basis()      // 1 byte per row and column
    /// ```
    public func basis() throws -> Basis? {
        // The problem knows whether its last solve (or an installed basis) left one.
        try onThread { _, problem in try problem.basis() }
    }

    /// Installs `basis`, which must have one status per row and column of ``model``: the next
    /// solve (any method) starts from it. GLPK moves a non-basic status the bounds do not allow
    /// to one they do; a basis that cannot be factorized (wrong number of basic rows and
    /// columns, or singular) makes that solve start from the standard basis instead.
    ///
    /// ```swift
    /// let fresh = try GLPKSession(model: lp)
    /// try fresh.setBasis(stored)
    /// let again = try fresh.solve(using: .primal)   // 0 iterations from an optimal basis
    /// ```
    public func setBasis(_ basis: Basis) throws {
        try onThread { state, problem in
            guard basis.rows.count == state.model.constraintCount, basis.columns.count == state.model.variableCount
            else {
                throw GLPKError.invalidModel(
                    .basisShape(
                        rows: basis.rows.count, columns: basis.columns.count,
                        modelRows: state.model.constraintCount, modelColumns: state.model.variableCount))
            }
            try problem.setBasis(basis)
            state.solvedOnce = true
        }
    }

    // MARK: Adding rows

    /// Appends rows to the live problem and returns their handles; ``model`` gains them too.
    ///
    /// Everything is checked first (``LinearProgram/checkNewConstraints(_:)``: finite numbers,
    /// existing columns, no column twice in a row, ordered bounds, valid names), so a bad row
    /// throws ``GLPKError/invalidModel(_:)`` and changes nothing. GLPK makes the new rows basic:
    /// the stored basis stays a basis and stays dual feasible, so the next ``solve()`` runs
    /// the dual simplex from it, typically a few iterations for a few cuts. In a MIP session
    /// the next solve re-solves the relaxation warm and branches again.
    ///
    /// ```swift
    /// let first = try session.solve()                   // max 3x + 5y at (2, 6)
    /// let cut = LinearConstraint(name: "cut", terms: [(x, 1), (y, 1)], .lessOrEqual(7))
    /// let rows = try session.addConstraints([cut])
    /// let second = try session.solve()                  // warm: (1, 6), objective 33
    /// second.dual?[rows[0]]                             // 3
    /// ```
    @discardableResult
    public func addConstraints(_ constraints: [LinearConstraint]) throws -> [Constraint] {
        try onThread { state, problem in
            try validated { try state.model.checkNewConstraints(constraints) }
            guard !constraints.isEmpty else { return [] }
            var block = LinearProgram()
            block.addConstraints(constraints)
            try problem.addRows(block)
            // A model without its matrix keeps the rows' bounds and names only.
            let added = state.model.addConstraints(constraints)
            state.boundsChanged = true
            return added
        }
    }

    // MARK: Changing numbers

    public func setBound(_ constraint: Constraint, _ bound: RowBound) throws {
        try setBounds([(constraint, bound)])
    }

    public func setBounds(_ changes: [(Constraint, RowBound)]) throws {
        try onThread { state, problem in
            try check { model in
                for (constraint, bound) in changes { try validated { try model.checkBound(constraint, bound) } }
            }
            try problem.setRowBounds(changes.map { ($0.0.index, $0.1.lower, $0.1.upper) })
            for (constraint, bound) in changes { state.model.setBound(constraint, bound) }
            state.boundsChanged = true
        }
    }

    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        try setVariableBounds([(variable, lower, upper)])
    }

    public func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws {
        try onThread { state, problem in
            try check { model in
                for change in changes {
                    try validated { try model.checkBounds(change.0, lower: change.lower, upper: change.upper) }
                }
            }
            try problem.setColumnBounds(changes.map { ($0.0.index, $0.lower, $0.upper) })
            for change in changes { state.model.setBounds(change.0, lower: change.lower, upper: change.upper) }
            state.boundsChanged = true
        }
    }

    public func setObjectiveCoefficient(_ variable: Variable, _ coefficient: Double) throws {
        try setObjectiveCoefficients([(variable, coefficient)])
    }

    public func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws {
        try onThread { state, problem in
            try check { model in
                for (variable, coefficient) in changes {
                    try validated { try model.check(variable) }
                    guard coefficient.isFinite else {
                        throw GLPKError.invalidModel(
                            .nonFiniteObjective(column: model.displayName(of: variable), value: coefficient))
                    }
                }
            }
            try problem.setObjective(changes.map { ($0.0.index, $0.1) })
            for (variable, coefficient) in changes { state.model.setObjectiveCoefficient(variable, coefficient) }
            state.objectiveChanged = true
        }
    }

    public func setObjectiveConstant(_ constant: Double) throws {
        guard constant.isFinite else { throw GLPKError.invalidModel(.nonFiniteObjectiveConstant(constant)) }
        try onThread { state, problem in
            try problem.setObjective([(-1, constant)])
            state.model.objectiveConstant = constant
        }
    }

    /// Turns the session's model into `model` by changing numbers only (bounds, objective,
    /// matrix coefficients), keeping the basis for a warm re-solve. Returns false, changing
    /// nothing, when the structure differs (sizes, sparsity pattern, integrality, sense).
    /// Without a retained matrix the matrix is compared with GLPK's copy (see
    /// ``init(model:options:retainsMatrix:)``).
    public func update(to newModel: LinearProgram) throws -> Bool {
        try onThread { state, problem in
            guard var changes = state.model.numericChanges(to: newModel, comparingMatrix: !state.model.isMatrixDropped)
            else { return false }
            try validated { try newModel.validate() }
            if state.model.isMatrixDropped {
                guard let rows = try problem.rowsDiffering(from: newModel) else { return false }
                changes.matrixRows = rows.map { (Constraint(index: $0), newModel.terms(of: Constraint(index: $0))) }
            }
            try problem.setColumnBounds(changes.variableBounds.map { ($0.0.index, $0.lower, $0.upper) })
            try problem.setRowBounds(changes.rowBounds.map { ($0.0.index, $0.1.lower, $0.1.upper) })
            try problem.setObjective(
                changes.objective.map { ($0.0.index, $0.1) }
                    + (changes.objectiveConstant.map { [(-1, $0)] } ?? []))
            try problem.setRows(changes.matrixRows.map { row in (row.0.index, row.1.map { ($0.0.index, $0.1) }) })
            state.boundsChanged = state.boundsChanged || !changes.variableBounds.isEmpty || !changes.rowBounds.isEmpty
            state.objectiveChanged =
                state.objectiveChanged || !changes.objective.isEmpty
                || !changes.matrixRows.isEmpty
            state.model = state.model.isMatrixDropped ? newModel.droppingMatrix() : newModel
            return true
        }
    }

    // MARK: Sensitivity (LP, after an optimal solve)

    /// The interval of `variable`'s objective coefficient over which the current basis stays optimal.
    public func objectiveRange(of variable: Variable) throws -> SensitivityRange {
        try onThread { state, problem in
            try validated { try state.model.check(variable) }
            return try problem.objectiveRange(column: variable.index)
        }
    }

    /// The interval of the constraint's active bound (its right-hand side) over which the
    /// current basis stays primal feasible, so its dual stays valid.
    public func rightHandSideRange(of constraint: Constraint) throws -> SensitivityRange {
        try onThread { state, problem in
            try validated { try state.model.check(constraint) }
            let bound = state.model.bound(of: constraint)
            return try problem.boundRange(row: constraint.index, lower: bound.lower, upper: bound.upper)
        }
    }

    // MARK: Export

    /// Writes the model as the session holds it now (changes and added rows included); see
    /// ``GLPKSolver/export(_:to:format:)``.
    public func export(to url: URL, format: ModelFileFormat) throws {
        try GLPKSolver.export(fullModel(), to: url, format: format)
    }

    // MARK: Plumbing

    /// Runs `body` on the session's thread with its state and live problem; a GLPK failure
    /// drops the problem (GLPK freed it with the thread's environment).
    private func onThread<T>(_ body: (SessionState, GLPKProblem) throws -> T) throws -> T {
        try thread.run {
            guard let problem = state.problem else { throw GLPKError.sessionInvalidated }
            do { return try body(state, problem) } catch {
                if case GLPKError.glpkFailure = error { state.problem = nil }
                throw error
            }
        }
    }

    /// Runs `body` with the live problem on the session's thread (tests provoke GLPK failures with it).
    func withProblemForTesting(_ body: (GLPKProblem) throws -> Void) throws {
        try onThread { try body($1) }
    }

    /// Runs `body` on the session's model, read once: reading `state.model` for each of a
    /// thousand changes copied the whole program's storage references each time (8% of a risk
    /// run's time in a profile). The copy ends before the caller changes the model, which stays
    /// uniquely held.
    private func check(_ body: (LinearProgram) throws -> Void) throws {
        try body(state.model)
    }

    private func validated(_ check: () throws -> Void) throws {
        do { try check() } catch let error as ModelError { throw GLPKError.invalidModel(error) }
    }
}

/// What a ``GLPKSession`` changes between calls. Not thread-safe by itself: the session
/// touches it only on its solver thread, where the problem must also be created and released.
private final class SessionState {
    var problem: GLPKProblem?
    /// The model as loaded and changed since; without its matrix when the session does not retain it.
    var model: LinearProgram
    var options: GLPKOptions
    /// Bounds changed or rows were added since the last solve: the basis may be primal infeasible.
    var boundsChanged = false
    /// The objective or the matrix changed since the last solve: the basis may be dual infeasible.
    var objectiveChanged = false
    /// A solve has happened (or a basis was installed): later solves choose the warm method.
    /// Not `GLPKProblem.hasBasis`, which says whether the last solve left an optimal basis to
    /// start from: after a failed solve the next one still picks the warm method, from scratch.
    var solvedOnce = false

    init(model: LinearProgram, options: GLPKOptions) {
        self.model = model
        self.options = options
    }

    /// The options of a session solve: a MIP branches from the warm relaxation, never through
    /// GLPK's MIP presolver, which would discard the stored basis.
    var sessionOptions: GLPKOptions {
        var options = options
        options.mipPresolve = false
        return options
    }

    /// Notes that a solve happened: the next one starts warm, and the changes are consumed.
    func recordSolve(_ solution: Solution) -> Solution {
        solvedOnce = true
        boundsChanged = false
        objectiveChanged = false
        return solution
    }
}
