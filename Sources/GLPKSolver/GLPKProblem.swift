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
final class GLPKProblem {
    private var pointer: OpaquePointer?
    private let generation: UInt
    private let owner: pthread_t
    private(set) var rowCount: Int
    private(set) var columnCount: Int
    private(set) var isInteger: Bool
    /// Whether a simplex solve has left an optimal basis with its factorization.
    private var hasBasis = false
    /// Whether the numbers changed since the last solve (GLPK keeps reporting the old status).
    private var changedSinceSolve = false
    private var scaled = false

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
            FileHandle.standardError.write(Data("warning: a GLPK problem was released on a thread other than its own; its memory is leaked\n".utf8))
        }
    }

    /// The live pointer, or why there is none.
    private func live() throws(GLPKError) -> OpaquePointer {
        precondition(pthread_equal(owner, pthread_self()) != 0,
                     "a GLPK problem was used on a thread other than the one that created it")
        guard let pointer, generation == spg_generation() else {
            self.pointer = nil
            throw .sessionInvalidated
        }
        return pointer
    }

    private func failure(_ call: String) -> GLPKError {
        pointer = nil
        hasBasis = false
        return .glpkFailure(call: call, message: String(cString: spg_last_error()))
    }

    // MARK: Loading

    private func load(_ model: LinearProgram) throws(GLPKError) {
        let problem = try live()
        let rows = model.constraintCount, columns = model.variableCount
        var rowType = [Int32](repeating: 0, count: rows + 1)
        var rowLower = [Double](repeating: 0, count: rows + 1)
        var rowUpper = [Double](repeating: 0, count: rows + 1)
        for i in 0..<rows {
            (rowType[i + 1], rowLower[i + 1], rowUpper[i + 1]) = Self.glpkBounds(model.rowLower[i], model.rowUpper[i])
        }
        var columnType = [Int32](repeating: 0, count: columns + 1)
        var columnLower = [Double](repeating: 0, count: columns + 1)
        var columnUpper = [Double](repeating: 0, count: columns + 1)
        for j in 0..<columns {
            (columnType[j + 1], columnLower[j + 1], columnUpper[j + 1]) =
                Self.glpkBounds(model.columnLower[j], model.columnUpper[j])
        }
        let objective = [0] + model.columnObjective
        let integer: [UInt8] = [0] + model.columnIsInteger.map { $0 ? 1 : 0 }
        let rowNames = [-1] + model.rowNameOffset
        let columnNames = [-1] + model.columnNameOffset
        let names = model.nameBytes.isEmpty ? [0] : model.nameBytes
        let problemName = model.name.isEmpty ? nil : model.name
        let status: Int32 = rowType.withUnsafeBufferPointer { rowType in
            rowLower.withUnsafeBufferPointer { rowLower in
            rowUpper.withUnsafeBufferPointer { rowUpper in
            columnType.withUnsafeBufferPointer { columnType in
            columnLower.withUnsafeBufferPointer { columnLower in
            columnUpper.withUnsafeBufferPointer { columnUpper in
            objective.withUnsafeBufferPointer { objective in
            integer.withUnsafeBufferPointer { integer in
            model.rowStart.withUnsafeBufferPointer { rowStart in
            model.entryColumn.withUnsafeBufferPointer { entryColumn in
            model.entryValue.withUnsafeBufferPointer { entryValue in
            names.withUnsafeBufferPointer { names in
            rowNames.withUnsafeBufferPointer { rowNames in
            columnNames.withUnsafeBufferPointer { columnNames in
            names.withMemoryRebound(to: CChar.self) { nameBlob in
                withOptionalCString(problemName) { problemName in
                    "objective".withCString { objectiveName in
                        var description = spg_model(
                            row_count: Int32(rows), col_count: Int32(columns),
                            row_type: rowType.baseAddress, row_lower: rowLower.baseAddress,
                            row_upper: rowUpper.baseAddress, col_type: columnType.baseAddress,
                            col_lower: columnLower.baseAddress, col_upper: columnUpper.baseAddress,
                            col_objective: objective.baseAddress, col_is_integer: integer.baseAddress,
                            objective_constant: model.objectiveConstant,
                            maximize: model.sense == .maximize ? 1 : 0,
                            row_start: rowStart.baseAddress, entry_col: entryColumn.baseAddress,
                            entry_value: entryValue.baseAddress, name_blob: nameBlob.baseAddress,
                            row_name_offset: rowNames.baseAddress, col_name_offset: columnNames.baseAddress,
                            problem_name: problemName, objective_name: objectiveName)
                        return spg_load(problem, &description)
                    }
                }
            }}}}}}}}}}}}}}
        }
        guard status == 0 else { throw failure("loading the model") }
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
        apply: (OpaquePointer?, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?,
                UnsafePointer<Double>?, UnsafePointer<Double>?) -> Int32
    ) throws(GLPKError) {
        let problem = try live()
        guard !changes.isEmpty else { return }
        let indices = changes.map { Int32($0.0 + 1) }
        let bounds = changes.map { Self.glpkBounds($0.1, $0.2) }
        let types = bounds.map(\.0), lowers = bounds.map(\.1), uppers = bounds.map(\.2)
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

    // MARK: Solving

    /// Solves from the stored basis when `warm`, else from a fresh one.
    func solve(options: GLPKOptions, warm: Bool, method: GLPKOptions.Method) throws(GLPKError) -> Solution {
        let problem = try live()
        spg_set_log_mode(options.log == .off ? 0 : options.log == .capture ? 1 : 2)
        defer { spg_set_log_mode(0) }
        if options.scaling && !scaled {
            guard spg_scale(problem) == 0 else { throw failure("glp_scale_prob") }
            scaled = true
        }
        let clock = ContinuousClock()
        let start = clock.now
        let warmStart = warm && hasBasis
        changedSinceSolve = false
        var solution = isInteger
            ? try solveMIP(problem, options: options)
            : try solveLP(problem, options: options, warm: warmStart, method: method)
        solution.statistics.seconds = Self.seconds(clock.now - start)
        solution.statistics.warmStarted = warmStart
        if options.log == .capture, let text = spg_log_take() {
            solution.log = String(cString: text)
            free(text)
        }
        return solution
    }

    private func solveLP(_ problem: OpaquePointer, options: GLPKOptions, warm: Bool,
                         method: GLPKOptions.Method) throws(GLPKError) -> Solution {
        if !warm {
            guard spg_basis(problem, options.advancedBasis ? 1 : 0) == 0 else { throw failure("glp_adv_basis") }
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.log == .off ? GLP_MSG_OFF : GLP_MSG_ON
        parameters.meth = method == .dual ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = options.presolve && !warm ? GLP_ON : GLP_OFF
        Self.applyLimits(options, timeLimit: &parameters.tm_lim, iterationLimit: &parameters.it_lim)
        let iterationsBefore = glp_get_it_cnt(problem)
        var code: Int32 = 0
        guard spg_simplex(problem, &parameters, &code) == 0 else { throw failure("glp_simplex") }
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The stored basis cannot be factorized: start again from the standard basis once.
            guard spg_basis(problem, 0) == 0, spg_simplex(problem, &parameters, &code) == 0 else {
                throw failure("glp_simplex")
            }
        }
        if options.exactPolish && code == 0 && glp_get_status(problem) == GLP_OPT {
            var exactCode: Int32 = 0
            guard spg_exact(problem, &parameters, &exactCode) == 0 else { throw failure("glp_exact") }
            if exactCode != 0 { code = exactCode }
        }
        let iterations = Int(glp_get_it_cnt(problem) - iterationsBefore)
        let status = glp_get_status(problem)
        hasBasis = code == 0 && status == GLP_OPT && glp_bf_exists(problem) != 0
        let termination: TerminationStatus
        var message: String?
        switch code {
        case 0:
            switch status {
            case GLP_OPT: termination = .optimal
            case GLP_NOFEAS: termination = .infeasible
            case GLP_UNBND: termination = .unbounded
            default:
                termination = .otherError
                message = "glp_simplex finished with solution status \(status)"
            }
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_EITLIM: termination = .iterationLimit
        case GLP_ENOPFS: termination = .infeasible
        case GLP_ENODFS: termination = .infeasibleOrUnbounded
        case GLP_EBADB, GLP_ESING, GLP_ECOND, GLP_EFAIL:
            termination = .numericalFailure
            message = Self.describe(code)
        default:
            termination = .otherError
            message = Self.describe(code)
        }
        // A point is reported only when it means something: a feasible primal point when the
        // solver stopped at an optimum or a limit, duals only at an optimum.
        let primalFeasible = glp_get_prim_stat(problem) == GLP_FEAS
            && [.optimal, .timeLimit, .iterationLimit].contains(termination)
        let dualFeasible = termination == .optimal && glp_get_dual_stat(problem) == GLP_FEAS
        var solution = Solution(
            termination: termination,
            primalStatus: primalFeasible ? .feasiblePoint : .noSolution,
            dualStatus: dualFeasible ? .feasiblePoint : .noSolution,
            statistics: SolveStatistics(iterations: iterations), message: message)
        if primalFeasible || dualFeasible {
            var columnValue = [Double](repeating: 0, count: columnCount + 1)
            var columnDual = [Double](repeating: 0, count: columnCount + 1)
            var rowValue = [Double](repeating: 0, count: rowCount + 1)
            var rowDual = [Double](repeating: 0, count: rowCount + 1)
            let read = columnValue.withUnsafeMutableBufferPointer { columnValue in
                columnDual.withUnsafeMutableBufferPointer { columnDual in
                    rowValue.withUnsafeMutableBufferPointer { rowValue in
                        rowDual.withUnsafeMutableBufferPointer { rowDual in
                            var buffers = spg_solution_buffers(
                                col_value: columnValue.baseAddress, col_dual: columnDual.baseAddress,
                                row_value: rowValue.baseAddress, row_dual: rowDual.baseAddress)
                            return spg_read_lp(problem, &buffers)
                        }
                    }
                }
            }
            guard read == 0 else { throw failure("reading the solution") }
            if primalFeasible {
                solution.primal = PrimalPoint(objective: glp_get_obj_val(problem),
                                              values: Array(columnValue.dropFirst()),
                                              activities: Array(rowValue.dropFirst()))
            }
            if dualFeasible {
                solution.dual = DualPoint(rowDuals: Array(rowDual.dropFirst()),
                                          reducedCosts: Array(columnDual.dropFirst()))
            }
        }
        return solution
    }

    private func solveMIP(_ problem: OpaquePointer, options: GLPKOptions) throws(GLPKError) -> Solution {
        hasBasis = false
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.log == .off ? GLP_MSG_OFF : GLP_MSG_ON
        parameters.presolve = options.mipPresolve ? GLP_ON : GLP_OFF
        parameters.mip_gap = options.mipGap
        if options.cuts {
            parameters.gmi_cuts = GLP_ON
            parameters.mir_cuts = GLP_ON
            parameters.cov_cuts = GLP_ON
            parameters.clq_cuts = GLP_ON
        }
        var unusedIterations: Int32 = 0
        Self.applyLimits(options, timeLimit: &parameters.tm_lim, iterationLimit: &unusedIterations)
        let iterationsBefore = glp_get_it_cnt(problem)
        if !options.mipPresolve {
            // Without the presolver glp_intopt needs an optimal LP relaxation first.
            var relaxation = try solveLP(problem, options: options, warm: false, method: options.method)
            guard relaxation.termination == .optimal else {
                relaxation.primal = nil
                relaxation.dual = nil
                relaxation.primalStatus = .noSolution
                relaxation.dualStatus = .noSolution
                relaxation.message = "the LP relaxation ended \(relaxation.termination.rawValue)"
                return relaxation
            }
        }
        var code: Int32 = 0
        var tree = spg_mip_info()
        guard spg_intopt(problem, &parameters, &code, &tree) == 0 else { throw failure("glp_intopt") }
        let status = glp_mip_status(problem)
        let hasPoint = status == GLP_OPT || status == GLP_FEAS
        let termination: TerminationStatus
        var message: String?
        switch code {
        case 0:
            switch status {
            case GLP_OPT: termination = .optimal
            case GLP_NOFEAS: termination = .infeasible
            default:
                termination = .otherError
                message = "glp_intopt finished with MIP status \(status)"
            }
        case GLP_EMIPGAP: termination = .optimal
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_ENOPFS: termination = .infeasible
        case GLP_ENODFS: termination = .infeasibleOrUnbounded
        case GLP_EFAIL:
            termination = .numericalFailure
            message = Self.describe(code)
        default:
            termination = .otherError
            message = Self.describe(code)
        }
        var solution = Solution(
            termination: termination, primalStatus: hasPoint ? .feasiblePoint : .noSolution,
            dualStatus: .noSolution,
            statistics: SolveStatistics(iterations: Int(glp_get_it_cnt(problem) - iterationsBefore),
                                        nodes: Int(tree.nodes)),
            message: message)
        if hasPoint {
            var columnValue = [Double](repeating: 0, count: columnCount + 1)
            var rowValue = [Double](repeating: 0, count: rowCount + 1)
            let read = columnValue.withUnsafeMutableBufferPointer { columnValue in
                rowValue.withUnsafeMutableBufferPointer { rowValue in
                    var buffers = spg_solution_buffers(col_value: columnValue.baseAddress, col_dual: nil,
                                                       row_value: rowValue.baseAddress, row_dual: nil)
                    return spg_read_mip(problem, &buffers)
                }
            }
            guard read == 0 else { throw failure("reading the MIP solution") }
            let objective = glp_mip_obj_val(problem)
            solution.primal = PrimalPoint(objective: objective, values: Array(columnValue.dropFirst()),
                                          activities: Array(rowValue.dropFirst()))
            let bound = code == 0 && status == GLP_OPT ? objective : (tree.has_bound != 0 ? tree.best_bound : nil)
            if let bound {
                solution.bestBound = bound
                solution.relativeGap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
            }
        }
        return solution
    }

    private static func applyLimits(_ options: GLPKOptions, timeLimit: inout Int32, iterationLimit: inout Int32) {
        if let limit = options.timeLimit {
            let milliseconds = seconds(limit) * 1000
            timeLimit = Int32(max(1, min(milliseconds.rounded(.up), Double(Int32.max))))
        }
        if let limit = options.iterationLimit {
            iterationLimit = Int32(max(0, min(limit, Int(Int32.max))))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "the initial basis is invalid"
        case GLP_ESING: "the basis matrix is singular"
        case GLP_ECOND: "the basis matrix is ill-conditioned"
        case GLP_EBOUND: "some variable has incorrect bounds"
        case GLP_EFAIL: "the solver failed (numerical trouble)"
        case GLP_EROOT: "no optimal LP relaxation for the MIP"
        case GLP_ESTOP: "the search was stopped by the application"
        case GLP_EOBJLL, GLP_EOBJUL: "an objective limit was reached"
        default: "GLPK return code \(code)"
        }
    }

    // MARK: Sensitivity

    /// Range of column j's objective coefficient over which the basis stays optimal.
    func objectiveRange(column j: Int) throws(GLPKError) -> SensitivityRange {
        let problem = try requireOptimalBasis()
        var lower = 0.0, upper = 0.0
        guard spg_analyze_coef(problem, Int32(rowCount + j + 1), &lower, &upper) == 0 else {
            throw failure("glp_analyze_coef")
        }
        return SensitivityRange(lower: Self.infinite(lower), upper: Self.infinite(upper))
    }

    /// Range of row i's active bound over which the basis stays primal feasible.
    /// A basic (inactive) row can move its bound up to its activity.
    func boundRange(row i: Int, lower: Double, upper: Double) throws(GLPKError) -> SensitivityRange {
        let problem = try requireOptimalBasis()
        if glp_get_row_stat(problem, Int32(i + 1)) == GLP_BS {
            let activity = glp_get_row_prim(problem, Int32(i + 1))
            return upper.isFinite ? SensitivityRange(lower: activity, upper: .infinity)
                                  : SensitivityRange(lower: -.infinity, upper: activity)
        }
        var low = 0.0, high = 0.0
        guard spg_analyze_bound(problem, Int32(i + 1), &low, &high) == 0 else {
            throw failure("glp_analyze_bound")
        }
        return SensitivityRange(lower: Self.infinite(low), upper: Self.infinite(high))
    }

    private func requireOptimalBasis() throws(GLPKError) -> OpaquePointer {
        let problem = try live()
        guard !isInteger else { throw .noOptimalBasis("the model has integer variables") }
        guard hasBasis, !changedSinceSolve, glp_get_status(problem) == GLP_OPT, glp_bf_exists(problem) != 0 else {
            throw .noOptimalBasis("solve the LP to optimality first")
        }
        return problem
    }

    /// GLPK reports "no limit" as ±DBL_MAX.
    private static func infinite(_ value: Double) -> Double {
        value >= Double.greatestFiniteMagnitude ? .infinity
            : value <= -Double.greatestFiniteMagnitude ? -.infinity : value
    }

    // MARK: Export

    enum FileFormat { case freeMPS, cplexLP }

    func write(_ format: FileFormat, to path: String) throws(GLPKError) {
        let problem = try live()
        var code: Int32 = 0
        let status = path.withCString { spg_write(problem, format == .freeMPS ? 0 : 1, $0, &code) }
        guard status == 0 else { throw failure(format == .freeMPS ? "glp_write_mps" : "glp_write_lp") }
        guard code == 0 else { throw .exportFailed(path: path) }
    }
}

private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
