import CGLPK
import CGLPKGuard
import LinearProgramming

extension GLPKProblem {
    /// Range of column j's objective coefficient over which the basis stays optimal.
    func objectiveRange(column j: Int) throws(GLPKError) -> SensitivityRange {
        let problem = try requireOptimalBasis()
        var lower = 0.0
        var upper = 0.0
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
            return upper.isFinite
                ? SensitivityRange(lower: activity, upper: .infinity)
                : SensitivityRange(lower: -.infinity, upper: activity)
        }
        var low = 0.0
        var high = 0.0
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
        value >= Double.greatestFiniteMagnitude
            ? .infinity
            : value <= -Double.greatestFiniteMagnitude ? -.infinity : value
    }
}
