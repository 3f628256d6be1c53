import CGLPK
import CGLPKGuard
import Foundation
import LinearProgramming

extension GLPKProblem {
    /// Solves the LP, or the MIP when the problem has integer columns, from the stored basis
    /// when `warm` and there is one, else from a fresh basis; `method` runs the simplex.
    func solve(options: GLPKOptions, warm: Bool, method: SimplexMethod) throws(GLPKError) -> Solution {
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
        var solution =
            isInteger
            ? try solveMIP(problem, options: options, warm: warmStart, method: method)
            : try solveLP(problem, options: options, warm: warmStart, method: method)
        solution.statistics.seconds = (clock.now - start).seconds
        solution.statistics.warmStarted = warmStart
        if options.log == .capture, let text = spg_log_take() {
            solution.log = String(cString: text)
            free(text)
        }
        return solution
    }

    /// One simplex run (the LP, or a MIP's relaxation); leaves an optimal basis behind when it finds one.
    func solveLP(
        _ problem: OpaquePointer, options: GLPKOptions, warm: Bool,
        method: SimplexMethod
    ) throws(GLPKError) -> Solution {
        if !warm {
            guard spg_basis(problem, options.advancedBasis ? 1 : 0) == 0 else { throw failure("glp_adv_basis") }
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.log == .off ? GLP_MSG_OFF : GLP_MSG_ON
        parameters.meth = method == .dual ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = options.presolve && !warm ? GLP_ON : GLP_OFF
        if let limit = Self.milliseconds(options.timeLimit) { parameters.tm_lim = limit }
        if let limit = options.simplexIterationLimit { parameters.it_lim = Int32(max(0, min(limit, Int(Int32.max)))) }
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
        let status = glp_get_status(problem)
        hasBasis = code == 0 && status == GLP_OPT && glp_bf_exists(problem) != 0
        let outcome = GLPKOutcome.simplex(returnCode: code, status: status)
        let points = GLPKOutcome.reportsPoints(
            outcome.termination, primalStatus: glp_get_prim_stat(problem),
            dualStatus: glp_get_dual_stat(problem))
        var solution = Solution(
            termination: outcome.termination,
            primalStatus: points.primal ? .feasiblePoint : .noSolution,
            dualStatus: points.dual ? .feasiblePoint : .noSolution,
            statistics: SolveStatistics(iterations: Int(glp_get_it_cnt(problem) - iterationsBefore)),
            message: outcome.message)
        if points.primal || points.dual {
            let basic = try readSolution(problem, duals: true, read: spg_read_lp)
            if points.primal {
                solution.primal = PrimalPoint(
                    objective: glp_get_obj_val(problem), values: basic.columnValues,
                    activities: basic.rowValues)
            }
            if points.dual {
                solution.dual = DualPoint(rowDuals: basic.rowDuals, reducedCosts: basic.reducedCosts)
            }
        }
        return solution
    }

    /// Reads values (and duals) of every row and column in one guarded call, into one buffer.
    func readSolution(
        _ problem: OpaquePointer, duals: Bool,
        read: (OpaquePointer?, UnsafePointer<spg_solution_buffers>?) -> Int32
    ) throws(GLPKError) -> SolutionArrays {
        let m = rowCount + 1
        let n = columnCount + 1
        // Layout: column values | column duals | row values | row duals, each one-based.
        var buffer = [Double](repeating: 0, count: 2 * (m + n))
        let status = buffer.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var pointers = spg_solution_buffers(
                col_value: base, col_dual: duals ? base + n : nil,
                row_value: base + 2 * n, row_dual: duals ? base + 2 * n + m : nil)
            return read(problem, &pointers)
        }
        guard status == 0 else { throw failure(duals ? "reading the solution" : "reading the MIP solution") }
        return SolutionArrays(
            columnValues: Array(buffer[1..<n]), reducedCosts: Array(buffer[(n + 1)..<(2 * n)]),
            rowValues: Array(buffer[(2 * n + 1)..<(2 * n + m)]),
            rowDuals: Array(buffer[(2 * n + m + 1)..<(2 * n + 2 * m)]))
    }

    /// A time limit as GLPK's milliseconds (at least 1), or nil for none.
    static func milliseconds(_ limit: Duration?) -> Int32? {
        guard let limit else { return nil }
        return Int32(max(1, min((limit.seconds * 1000).rounded(.up), Double(Int32.max))))
    }
}

/// Values read back from GLPK, zero-based.
struct SolutionArrays {
    var columnValues: [Double]
    var reducedCosts: [Double]
    var rowValues: [Double]
    var rowDuals: [Double]
}
