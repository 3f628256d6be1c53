import CGLPK
import CGLPKGuard
import LinearProgramming

extension GLPKProblem {
    /// Branch and cut (`glp_intopt`). Without GLPK's MIP presolver, branch and cut starts
    /// from an optimal LP relaxation, solved first from the stored basis when `warm`; GLPK
    /// restores that relaxation's basis afterwards, so the next solve can start warm again.
    /// With the presolver, GLPK solves its own relaxation and the stored basis is not used.
    func solveMIP(
        _ problem: OpaquePointer, options: GLPKOptions, warm: Bool,
        method: SimplexMethod
    ) throws(GLPKError) -> Solution {
        let clock = ContinuousClock()
        let start = clock.now
        let iterationsBefore = glp_get_it_cnt(problem)
        if !options.mipPresolve {
            let relaxation = try solveLP(problem, options: options, warm: warm, method: method)
            guard relaxation.termination == .optimal else {
                let outcome = GLPKOutcome.mip(afterRelaxation: relaxation.termination)
                return Solution(
                    termination: outcome.termination, primalStatus: .noSolution, dualStatus: .noSolution,
                    statistics: relaxation.statistics, message: outcome.message)
            }
        }
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
        // The time limit covers the relaxation too.
        if let limit = options.timeLimit, let left = Self.milliseconds(limit - (clock.now - start)) {
            parameters.tm_lim = left
        }
        var code: Int32 = 0
        var tree = spg_mip_info()
        guard spg_intopt(problem, &parameters, &code, &tree) == 0 else { throw failure("glp_intopt") }
        let status = glp_mip_status(problem)
        let outcome = GLPKOutcome.branchAndCut(returnCode: code, status: status)
        let hasPoint = status == GLP_OPT || status == GLP_FEAS
        var solution = Solution(
            termination: outcome.termination, primalStatus: hasPoint ? .feasiblePoint : .noSolution,
            dualStatus: .noSolution,
            statistics: SolveStatistics(
                iterations: Int(glp_get_it_cnt(problem) - iterationsBefore),
                nodes: Int(tree.nodes)),
            message: outcome.message)
        if hasPoint {
            let values = try readSolution(problem, duals: false, read: spg_read_mip)
            let objective = glp_mip_obj_val(problem)
            solution.primal = PrimalPoint(
                objective: objective, values: values.columnValues,
                activities: values.rowValues)
            if let bound = GLPKOutcome.mipBound(
                returnCode: code, status: status, objective: objective,
                treeBound: tree.has_bound != 0 ? tree.best_bound : nil)
            {
                solution.bestBound = bound
                solution.relativeGap = GLPKOutcome.relativeGap(objective: objective, bound: bound)
            }
        }
        return solution
    }
}
