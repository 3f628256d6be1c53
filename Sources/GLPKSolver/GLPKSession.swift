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
    /// The model as the session currently holds it, changes included.
    public private(set) var model: LinearProgram
    public var options: GLPKOptions
    private let thread: SolverThread
    /// Holds the problem; touched only on `thread`, where the problem must also be released.
    private let slot = ProblemSlot()
    private var boundsChanged = false
    private var objectiveChanged = false
    private var solvedOnce = false

    public init(model: LinearProgram, options: GLPKOptions = GLPKOptions()) throws {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        self.model = model
        self.options = options
        thread = SolverThread(name: "glpk-session")
        try thread.run { [slot] in slot.problem = try GLPKProblem(model: model) }
    }

    deinit {
        thread.shutdown { [slot] in slot.problem = nil }
    }

    /// Solves from the stored basis (cold the first time).
    public func solve() throws -> Solution {
        let method: GLPKOptions.Method = objectiveChanged && !boundsChanged ? .primal : .dual
        let warm = solvedOnce
        let solution = try onThread { problem in
            try problem.solve(options: options, warm: warm, method: warm ? method : options.method)
        }
        solvedOnce = true
        boundsChanged = false
        objectiveChanged = false
        return solution
    }

    /// Solves from the stored basis with the given simplex method (cold the first time).
    public func solve(using method: SimplexMethod) throws -> Solution {
        let warm = solvedOnce
        let solution = try onThread { problem in
            try problem.solve(options: options, warm: warm, method: method == .primal ? .primal : .dual)
        }
        solvedOnce = true
        boundsChanged = false
        objectiveChanged = false
        return solution
    }

    /// Solves from a fresh basis, ignoring the stored one (for comparisons and recovery).
    public func solveCold() throws -> Solution {
        let solution = try onThread { try $0.solve(options: options, warm: false, method: options.method) }
        solvedOnce = true
        boundsChanged = false
        objectiveChanged = false
        return solution
    }

    // MARK: Changing numbers

    public func setBound(_ constraint: Constraint, _ bound: RowBound) throws {
        try setBounds([(constraint, bound)])
    }

    public func setBounds(_ changes: [(Constraint, RowBound)]) throws {
        for (constraint, bound) in changes { try validated { try model.checkBound(constraint, bound) } }
        try onThread { try $0.setRowBounds(changes.map { ($0.0.index, $0.1.lower, $0.1.upper) }) }
        for (constraint, bound) in changes { model.setBound(constraint, bound) }
        boundsChanged = true
    }

    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        try setVariableBounds([(variable, lower, upper)])
    }

    public func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws {
        for change in changes {
            try validated { try model.checkBounds(change.0, lower: change.lower, upper: change.upper) }
        }
        try onThread { try $0.setColumnBounds(changes.map { ($0.0.index, $0.lower, $0.upper) }) }
        for change in changes { model.setBounds(change.0, lower: change.lower, upper: change.upper) }
        boundsChanged = true
    }

    public func setObjectiveCoefficient(_ variable: Variable, _ coefficient: Double) throws {
        try setObjectiveCoefficients([(variable, coefficient)])
    }

    public func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws {
        for (variable, coefficient) in changes {
            try validated { try model.check(variable) }
            guard coefficient.isFinite else {
                throw GLPKError.invalidModel(.nonFiniteObjective(column: model.displayName(of: variable), value: coefficient))
            }
        }
        try onThread { try $0.setObjective(changes.map { ($0.0.index, $0.1) }) }
        for (variable, coefficient) in changes { model.setObjectiveCoefficient(variable, coefficient) }
        objectiveChanged = true
    }

    public func setObjectiveConstant(_ constant: Double) throws {
        guard constant.isFinite else { throw GLPKError.invalidModel(.nonFiniteObjectiveConstant(constant)) }
        try onThread { try $0.setObjective([(-1, constant)]) }
        model.objectiveConstant = constant
    }

    /// Turns the session's model into `model` by changing numbers only (bounds, objective,
    /// matrix coefficients), keeping the basis for a warm re-solve. Returns false, changing
    /// nothing, when the structure differs (sizes, sparsity pattern, integrality, sense).
    public func update(to newModel: LinearProgram) throws -> Bool {
        guard let changes = model.numericChanges(to: newModel) else { return false }
        do { try newModel.validate() } catch { throw GLPKError.invalidModel(error) }
        try onThread { problem in
            try problem.setColumnBounds(changes.variableBounds.map { ($0.0.index, $0.lower, $0.upper) })
            try problem.setRowBounds(changes.rowBounds.map { ($0.0.index, $0.1.lower, $0.1.upper) })
            try problem.setObjective(changes.objective.map { ($0.0.index, $0.1) }
                + (changes.objectiveConstant.map { [(-1, $0)] } ?? []))
            try problem.setRows(changes.matrixRows.map { row in (row.0.index, row.1.map { ($0.0.index, $0.1) }) })
        }
        boundsChanged = boundsChanged || !changes.variableBounds.isEmpty || !changes.rowBounds.isEmpty
        objectiveChanged = objectiveChanged || !changes.objective.isEmpty || !changes.matrixRows.isEmpty
        model = newModel
        return true
    }

    // MARK: Sensitivity (LP, after an optimal solve)

    /// The interval of `variable`'s objective coefficient over which the current basis stays optimal.
    public func objectiveRange(of variable: Variable) throws -> SensitivityRange {
        try validated { try model.check(variable) }
        return try onThread { try $0.objectiveRange(column: variable.index) }
    }

    /// The interval of the constraint's active bound (its right-hand side) over which the
    /// current basis stays primal feasible, so its dual stays valid.
    public func rightHandSideRange(of constraint: Constraint) throws -> SensitivityRange {
        try validated { try model.check(constraint) }
        let bound = model.bound(of: constraint)
        return try onThread { try $0.boundRange(row: constraint.index, lower: bound.lower, upper: bound.upper) }
    }

    // MARK: Export

    /// Writes the model as the session holds it now (changes included); see ``GLPKSolver/export(_:to:format:)``.
    public func export(to url: URL, format: ModelFileFormat) throws {
        try GLPKSolver.export(model, to: url, format: format)
    }

    // MARK: Plumbing

    private func onThread<T>(_ body: (GLPKProblem) throws -> T) throws -> T {
        try thread.run {
            guard let problem = slot.problem else { throw GLPKError.sessionInvalidated }
            do { return try body(problem) } catch {
                if case GLPKError.glpkFailure = error { slot.problem = nil }
                throw error
            }
        }
    }

    /// Runs `body` with the live problem on the session's thread (tests provoke GLPK failures with it).
    func withProblemForTesting(_ body: (GLPKProblem) throws -> Void) throws {
        try onThread(body)
    }

    private func validated(_ check: () throws -> Void) throws {
        do { try check() } catch let error as ModelError { throw GLPKError.invalidModel(error) }
    }
}

/// The session's problem, in a box of its own so the session's deinit can release it on the solver thread.
private final class ProblemSlot: @unchecked Sendable {
    var problem: GLPKProblem?
}
