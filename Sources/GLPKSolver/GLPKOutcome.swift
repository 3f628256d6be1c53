import CGLPK
import LinearProgramming

/// What GLPK's return code and final status mean: a ``TerminationStatus`` and, when the
/// status alone does not explain it, a message.
///
/// Pure functions of GLPK's numbers, so the meaning of every code is tested without making
/// GLPK produce it (GLPK.jl keeps the same mapping apart from its solve calls).
struct GLPKOutcome: Equatable {
    var termination: TerminationStatus
    var message: String?

    init(_ termination: TerminationStatus, message: String? = nil) {
        self.termination = termination
        self.message = message
    }

    /// After `glp_simplex` (or `glp_exact`): its return code, then `glp_get_status`.
    static func simplex(returnCode: Int32, status: Int32) -> GLPKOutcome {
        switch returnCode {
        case 0:
            switch status {
            case GLP_OPT: GLPKOutcome(.optimal)
            case GLP_NOFEAS: GLPKOutcome(.infeasible)
            case GLP_UNBND: GLPKOutcome(.unbounded)
            default: GLPKOutcome(.otherError, message: "glp_simplex finished with solution status \(status)")
            }
        case GLP_ETMLIM: GLPKOutcome(.timeLimit)
        case GLP_EITLIM: GLPKOutcome(.iterationLimit)
        case GLP_ENOPFS: GLPKOutcome(.infeasible)
        case GLP_ENODFS: GLPKOutcome(.infeasibleOrUnbounded)
        case GLP_EBADB, GLP_ESING, GLP_ECOND, GLP_EFAIL: GLPKOutcome(.numericalFailure, message: describe(returnCode))
        default: GLPKOutcome(.otherError, message: describe(returnCode))
        }
    }

    /// After `glp_intopt`: its return code, then `glp_mip_status`.
    static func branchAndCut(returnCode: Int32, status: Int32) -> GLPKOutcome {
        switch returnCode {
        case 0:
            switch status {
            case GLP_OPT: GLPKOutcome(.optimal)
            case GLP_NOFEAS: GLPKOutcome(.infeasible)
            default: GLPKOutcome(.otherError, message: "glp_intopt finished with MIP status \(status)")
            }
        // Stopped at the requested relative gap: optimal by the caller's definition.
        case GLP_EMIPGAP: GLPKOutcome(.optimal)
        case GLP_ETMLIM: GLPKOutcome(.timeLimit)
        case GLP_ENOPFS: GLPKOutcome(.infeasible)
        case GLP_ENODFS: GLPKOutcome(.infeasibleOrUnbounded)
        case GLP_EFAIL: GLPKOutcome(.numericalFailure, message: describe(returnCode))
        default: GLPKOutcome(.otherError, message: describe(returnCode))
        }
    }

    /// What a MIP's LP relaxation that ended short of an optimum proves about the MIP:
    /// no relaxed point means no integer point, and an unbounded relaxation means the MIP
    /// is unbounded or infeasible (its integer points may all be cut off).
    static func mip(afterRelaxation relaxation: TerminationStatus) -> GLPKOutcome {
        let message = "the LP relaxation ended \(relaxation.rawValue)"
        return switch relaxation {
        case .optimal: GLPKOutcome(.optimal)
        case .unbounded: GLPKOutcome(.infeasibleOrUnbounded, message: message)
        default: GLPKOutcome(relaxation, message: message)
        }
    }

    /// Which points of a simplex run mean something: a primal point when GLPK says it is
    /// feasible and the run stopped at an optimum or a limit, duals only at an optimum.
    static func reportsPoints(
        _ termination: TerminationStatus, primalStatus: Int32,
        dualStatus: Int32
    ) -> (primal: Bool, dual: Bool) {
        let primal = primalStatus == GLP_FEAS && [.optimal, .timeLimit, .iterationLimit].contains(termination)
        let dual = termination == .optimal && dualStatus == GLP_FEAS
        return (primal, dual)
    }

    /// The proven bound of a branch and cut run that found `objective`: the objective itself
    /// when the run proved optimality, else the best open node's bound when there is one.
    static func mipBound(returnCode: Int32, status: Int32, objective: Double, treeBound: Double?) -> Double? {
        returnCode == 0 && status == GLP_OPT ? objective : treeBound
    }

    /// GLPK's relative gap, `|objective - bound| / (|objective| + DBL_EPSILON)`.
    static func relativeGap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }

    /// What a GLPK return code means, in words.
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
}
