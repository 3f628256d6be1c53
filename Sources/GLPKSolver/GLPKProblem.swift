import CGLPK
import CGLPKGuard
import Foundation
import LinearProgramming

/// The one owner of a GLPK problem object.
///
/// GLPK keeps its state per thread, and a problem must be created, solved and
/// deleted on the same thread, so this class is never handed to another thread:
/// it lives inside one synchronous call (``GLPKSolver``) or on a session's own
/// thread (``GLPKSession``). Every use checks the thread and the thread's GLPK
/// generation (a caught fatal error frees every problem of the thread).
///
/// Its work is split by job, as GLPK.jl splits it: loading and adding rows
/// (`+Loading`), the simplex (`+Simplex`), branch and cut (`+MIP`) and ranging
/// (`+Sensitivity`); `GLPKOutcome` reads GLPK's codes.
final class GLPKProblem {
    private var pointer: OpaquePointer?
    private let generation: UInt
    private let owner: pthread_t
    /// Sizes as GLPK holds them (rows grow with `addRows`).
    var rowCount: Int
    let columnCount: Int
    let isInteger: Bool
    /// Whether the stored basis is an optimal one from a simplex solve (for a MIP: of its
    /// LP relaxation), so a re-solve can start from it.
    var hasBasis = false
    /// Whether the numbers changed since the last solve (GLPK keeps reporting the old status).
    var changedSinceSolve = false
    /// Whether GLPK's scale factors fit the current rows (rows added later are unscaled).
    var scaled = false

    /// Creates the GLPK problem and loads `model`, which must have passed `validate()`.
    init(model: LinearProgram) throws(GLPKError) {
        owner = pthread_self()
        var created: OpaquePointer?
        guard spg_create(&created) == 0, let created else {
            throw .glpkFailure(call: "glp_create_prob", message: String(cString: spg_last_error()))
        }
        pointer = created
        generation = spg_generation()
        rowCount = model.constraintCount
        columnCount = model.variableCount
        isInteger = model.hasIntegerVariables
        try load(model)
    }

    deinit {
        guard let pointer, generation == spg_generation() else { return }
        if pthread_equal(owner, pthread_self()) != 0 {
            _ = spg_delete(pointer)
        } else {
            // Deleting on another thread would abort inside GLPK: leak rather than crash.
            FileHandle.standardError.write(
                Data(
                    "warning: a GLPK problem was released on a thread other than its own; its memory is leaked\n".utf8))
        }
    }

    /// The live pointer, or why there is none.
    func live() throws(GLPKError) -> OpaquePointer {
        precondition(
            pthread_equal(owner, pthread_self()) != 0,
            "a GLPK problem was used on a thread other than the one that created it")
        guard let pointer, generation == spg_generation() else {
            self.pointer = nil
            throw .sessionInvalidated
        }
        return pointer
    }

    /// The error for a guarded call that caught a GLPK fatal error; the problem is gone.
    func failure(_ call: String) -> GLPKError {
        pointer = nil
        hasBasis = false
        return .glpkFailure(call: call, message: String(cString: spg_last_error()))
    }

    /// GLPK's bound type and values for `lower <= x <= upper` (validated: no NaN, lower <= upper).
    static func glpkBounds(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower == -.infinity, upper == .infinity) {
        case (true, true): (Int32(GLP_FR), 0, 0)
        case (false, true): (Int32(GLP_LO), lower, 0)
        case (true, false): (Int32(GLP_UP), 0, upper)
        case (false, false): (lower == upper ? Int32(GLP_FX) : Int32(GLP_DB), lower, upper)
        }
    }

    // MARK: Changing numbers (validated by the caller)

    func setRowBounds(_ changes: [(Int, Double, Double)]) throws(GLPKError) {
        try setBounds(changes, call: "glp_set_row_bnds", apply: spg_set_row_bounds)
    }

    func setColumnBounds(_ changes: [(Int, Double, Double)]) throws(GLPKError) {
        try setBounds(changes, call: "glp_set_col_bnds", apply: spg_set_col_bounds)
    }

    private func setBounds(
        _ changes: [(Int, Double, Double)], call: String,
        apply: (
            OpaquePointer?, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?,
            UnsafePointer<Double>?, UnsafePointer<Double>?
        ) -> Int32
    ) throws(GLPKError) {
        let problem = try live()
        guard !changes.isEmpty else { return }
        let indices = changes.map { Int32($0.0 + 1) }
        let bounds = changes.map { Self.glpkBounds($0.1, $0.2) }
        let types = bounds.map(\.0)
        let lowers = bounds.map(\.1)
        let uppers = bounds.map(\.2)
        guard apply(problem, Int32(changes.count), indices, types, lowers, uppers) == 0 else { throw failure(call) }
        changedSinceSolve = true
    }

    /// Replaces the coefficients of rows (same pattern; validated by the caller). The basis is
    /// kept; GLPK refactorizes it at the next solve.
    func setRows(_ rows: [(Int, [(Int, Double)])]) throws(GLPKError) {
        let problem = try live()
        for (row, terms) in rows {
            let indices = [Int32(0)] + terms.map { Int32($0.0 + 1) }
            let values = [0.0] + terms.map(\.1)
            guard spg_set_mat_row(problem, Int32(row + 1), Int32(terms.count), indices, values) == 0 else {
                throw failure("glp_set_mat_row")
            }
        }
        if !rows.isEmpty { changedSinceSolve = true }
    }

    /// Sets objective coefficients; column -1 is the constant term.
    func setObjective(_ changes: [(Int, Double)]) throws(GLPKError) {
        let problem = try live()
        guard !changes.isEmpty else { return }
        let indices = changes.map { Int32($0.0 + 1) }
        let values = changes.map(\.1)
        guard spg_set_objective(problem, Int32(changes.count), indices, values) == 0 else {
            throw failure("glp_set_obj_coef")
        }
        changedSinceSolve = true
    }

    // MARK: Export

    func write(_ format: ModelFileFormat, to path: String) throws(GLPKError) {
        let problem = try live()
        var code: Int32 = 0
        let status = path.withCString { spg_write(problem, format == .freeMPS ? 0 : 1, $0, &code) }
        guard status == 0 else { throw failure(format == .freeMPS ? "glp_write_mps" : "glp_write_lp") }
        guard code == 0 else { throw .exportFailed(path: path) }
    }
}
