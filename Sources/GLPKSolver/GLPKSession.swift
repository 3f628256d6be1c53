import Foundation
import LinearProgramming

/// A GLPK problem kept alive between solves, for warm re-solves and sensitivity analysis.
///
/// The session owns a thread of its own on which its GLPK problem is created, solved
/// and deleted, so it can be used from any thread or task (calls are served one at a
/// time). Change numbers, then call ``solve()``: the simplex starts from the previous
/// optimal basis, with the dual simplex after bound changes and the primal after
/// objective changes, and presolve off so the basis is kept.
///
/// ```swift
/// let session = try GLPKSession(model: lp)
/// let first = try session.solve()
/// try session.setBound(demandRow, .equal(120))
/// let second = try session.solve()   // warm: a few dual simplex iterations
/// print(second.statistics.iterations, second.statistics.warmStarted)
/// ```
///
/// After GLPK raises a fatal error (which the guard turns into ``GLPKError/glpkFailure(call:message:)``)
/// the session's problem is gone and every further call throws ``GLPKError/sessionInvalidated``.
public final class GLPKSession: LinearProgramSession, @unchecked Sendable {
    private let thread: SolverThread
    /// Everything that changes; read and written only inside `thread.run`, which serves
    /// one call at a time, so no two threads ever touch it at once.
    private let state: SessionState

    public init(model: LinearProgram, options: GLPKOptions = GLPKOptions()) throws {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        let state = SessionState(model: model, options: options)
        thread = SolverThread(name: "glpk-session")
        self.state = state
        try thread.run { () throws(GLPKError) in state.problem = try GLPKProblem(model: model) }
    }

    deinit {
        thread.shutdown { [state] in state.problem = nil }
    }

    /// The model as the session currently holds it, changes included.
    public var model: LinearProgram { thread.run { state.model } }

    /// How the next solves run; a change applies from the next call on.
    public var options: GLPKOptions {
        get { thread.run { state.options } }
        set { thread.run { state.options = newValue } }
    }

    /// Solves from the stored basis (cold the first time).
    public func solve() throws -> Solution {
        try onThread { state, problem in
            let method: GLPKOptions.Method = state.objectiveChanged && !state.boundsChanged ? .primal : .dual
            let warm = state.solvedOnce
            return try state.recordSolve(
                problem.solve(options: state.options, warm: warm, method: warm ? method : state.options.method))
        }
    }

    /// Solves from a fresh basis, ignoring the stored one (for comparisons and recovery).
    public func solveCold() throws -> Solution {
        try onThread { state, problem in
            try state.recordSolve(problem.solve(options: state.options, warm: false, method: state.options.method))
        }
    }

    // MARK: Changing numbers

    public func setBound(_ constraint: Constraint, _ bound: RowBound) throws {
        try setBounds([(constraint, bound)])
    }

    public func setBounds(_ changes: [(Constraint, RowBound)]) throws {
        try onThread { state, problem in
            for (constraint, bound) in changes { try validated { try state.model.checkBound(constraint, bound) } }
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
            for change in changes {
                try validated { try state.model.checkBounds(change.0, lower: change.lower, upper: change.upper) }
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
            for (variable, coefficient) in changes {
                try validated { try state.model.check(variable) }
                guard coefficient.isFinite else {
                    throw GLPKError.invalidModel(
                        .nonFiniteObjective(column: state.model.displayName(of: variable), value: coefficient))
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
    public func update(to newModel: LinearProgram) throws -> Bool {
        try onThread { state, problem in
            guard let changes = state.model.numericChanges(to: newModel) else { return false }
            try validated { try newModel.validate() }
            try problem.setColumnBounds(changes.variableBounds.map { ($0.0.index, $0.lower, $0.upper) })
            try problem.setRowBounds(changes.rowBounds.map { ($0.0.index, $0.1.lower, $0.1.upper) })
            try problem.setObjective(changes.objective.map { ($0.0.index, $0.1) }
                + (changes.objectiveConstant.map { [(-1, $0)] } ?? []))
            try problem.setRows(changes.matrixRows.map { row in (row.0.index, row.1.map { ($0.0.index, $0.1) }) })
            state.boundsChanged = state.boundsChanged || !changes.variableBounds.isEmpty || !changes.rowBounds.isEmpty
            state.objectiveChanged = state.objectiveChanged || !changes.objective.isEmpty
                || !changes.matrixRows.isEmpty
            state.model = newModel
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

    /// Writes the model as the session holds it now (changes included); see ``GLPKSolver/export(_:to:format:)``.
    public func export(to url: URL, format: ModelFileFormat) throws {
        try GLPKSolver.export(model, to: url, format: format)
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

    private func validated(_ check: () throws -> Void) throws {
        do { try check() } catch let error as ModelError { throw GLPKError.invalidModel(error) }
    }
}

/// What a ``GLPKSession`` changes between calls. Not thread-safe by itself: the session
/// touches it only on its solver thread, where the problem must also be created and released.
private final class SessionState {
    var problem: GLPKProblem?
    var model: LinearProgram
    var options: GLPKOptions
    var boundsChanged = false
    var objectiveChanged = false
    var solvedOnce = false

    init(model: LinearProgram, options: GLPKOptions) {
        self.model = model
        self.options = options
    }

    /// Notes that a solve happened: the next one starts warm, and the changes are consumed.
    func recordSolve(_ solution: Solution) -> Solution {
        solvedOnce = true
        boundsChanged = false
        objectiveChanged = false
        return solution
    }
}
