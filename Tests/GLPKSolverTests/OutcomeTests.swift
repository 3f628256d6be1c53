import CGLPK
import LinearProgramming
import Testing

@testable import GLPKSolver

/// GLPK's return codes and statuses read as terminations, without running GLPK: every code
/// GLPK 5.0 documents for glp_simplex and glp_intopt (glpk.pdf, sections 2.8.1 and 2.10.1).
@Suite struct OutcomeTests {
    @Test func simplexFinishedReadsTheSolutionStatus() {
        #expect(GLPKOutcome.simplex(returnCode: 0, status: GLP_OPT) == GLPKOutcome(.optimal))
        #expect(GLPKOutcome.simplex(returnCode: 0, status: GLP_NOFEAS) == GLPKOutcome(.infeasible))
        #expect(GLPKOutcome.simplex(returnCode: 0, status: GLP_UNBND) == GLPKOutcome(.unbounded))
        #expect(
            GLPKOutcome.simplex(returnCode: 0, status: GLP_UNDEF)
                == GLPKOutcome(.otherError, message: "glp_simplex finished with solution status 1"))
    }

    @Test func simplexReturnCodes() {
        let cases: [(Int32, GLPKOutcome)] = [
            (GLP_ETMLIM, GLPKOutcome(.timeLimit)),
            (GLP_EITLIM, GLPKOutcome(.iterationLimit)),
            (GLP_ENOPFS, GLPKOutcome(.infeasible)),
            (GLP_ENODFS, GLPKOutcome(.infeasibleOrUnbounded)),
            (GLP_EBADB, GLPKOutcome(.numericalFailure, message: "the initial basis is invalid")),
            (GLP_ESING, GLPKOutcome(.numericalFailure, message: "the basis matrix is singular")),
            (GLP_ECOND, GLPKOutcome(.numericalFailure, message: "the basis matrix is ill-conditioned")),
            (GLP_EFAIL, GLPKOutcome(.numericalFailure, message: "the solver failed (numerical trouble)")),
            (GLP_EBOUND, GLPKOutcome(.otherError, message: "some variable has incorrect bounds")),
            (GLP_EOBJLL, GLPKOutcome(.otherError, message: "an objective limit was reached")),
            (GLP_EOBJUL, GLPKOutcome(.otherError, message: "an objective limit was reached")),
        ]
        for (code, expected) in cases {
            // The solution status is not read when the run stopped early.
            #expect(GLPKOutcome.simplex(returnCode: code, status: GLP_OPT) == expected, "code \(code)")
        }
    }

    @Test func branchAndCutFinishedReadsTheMIPStatus() {
        #expect(GLPKOutcome.branchAndCut(returnCode: 0, status: GLP_OPT) == GLPKOutcome(.optimal))
        #expect(GLPKOutcome.branchAndCut(returnCode: 0, status: GLP_NOFEAS) == GLPKOutcome(.infeasible))
        #expect(
            GLPKOutcome.branchAndCut(returnCode: 0, status: GLP_FEAS)
                == GLPKOutcome(.otherError, message: "glp_intopt finished with MIP status 2"))
    }

    @Test func branchAndCutReturnCodes() {
        let cases: [(Int32, GLPKOutcome)] = [
            (GLP_EMIPGAP, GLPKOutcome(.optimal)),
            (GLP_ETMLIM, GLPKOutcome(.timeLimit)),
            (GLP_ENOPFS, GLPKOutcome(.infeasible)),
            (GLP_ENODFS, GLPKOutcome(.infeasibleOrUnbounded)),
            (GLP_EFAIL, GLPKOutcome(.numericalFailure, message: "the solver failed (numerical trouble)")),
            (GLP_EROOT, GLPKOutcome(.otherError, message: "no optimal LP relaxation for the MIP")),
            (GLP_EBOUND, GLPKOutcome(.otherError, message: "some variable has incorrect bounds")),
            (GLP_ESTOP, GLPKOutcome(.otherError, message: "the search was stopped by the application")),
            (999, GLPKOutcome(.otherError, message: "GLPK return code 999")),
        ]
        for (code, expected) in cases {
            #expect(GLPKOutcome.branchAndCut(returnCode: code, status: GLP_FEAS) == expected, "code \(code)")
        }
    }

    /// An unbounded relaxation does not make the MIP unbounded: its integer points may not exist.
    @Test func mipAfterItsRelaxation() {
        #expect(
            GLPKOutcome.mip(afterRelaxation: .infeasible)
                == GLPKOutcome(.infeasible, message: "the LP relaxation ended infeasible"))
        #expect(
            GLPKOutcome.mip(afterRelaxation: .unbounded)
                == GLPKOutcome(.infeasibleOrUnbounded, message: "the LP relaxation ended unbounded"))
        #expect(
            GLPKOutcome.mip(afterRelaxation: .timeLimit)
                == GLPKOutcome(.timeLimit, message: "the LP relaxation ended timeLimit"))
    }

    @Test func pointsAreReportedOnlyWhenTheyMeanSomething() {
        let feasible = GLP_FEAS
        let infeasible = GLP_INFEAS
        #expect(GLPKOutcome.reportsPoints(.optimal, primalStatus: feasible, dualStatus: feasible) == (true, true))
        #expect(GLPKOutcome.reportsPoints(.timeLimit, primalStatus: feasible, dualStatus: feasible) == (true, false))
        #expect(
            GLPKOutcome.reportsPoints(.iterationLimit, primalStatus: infeasible, dualStatus: feasible)
                == (false, false))
        // An unbounded LP has a feasible primal point, but no optimum to report.
        #expect(
            GLPKOutcome.reportsPoints(.unbounded, primalStatus: feasible, dualStatus: GLP_NOFEAS)
                == (false, false))
        #expect(
            GLPKOutcome.reportsPoints(.infeasible, primalStatus: GLP_NOFEAS, dualStatus: feasible)
                == (false, false))
    }

    /// Proven optimum: the bound is the objective, gap 0. Stopped at the gap tolerance with the
    /// best open node at 110 and incumbent 100: gap 10 / (100 + eps).
    @Test func mipBoundAndGap() {
        #expect(GLPKOutcome.mipBound(returnCode: 0, status: GLP_OPT, objective: 100, treeBound: 120) == 100)
        #expect(GLPKOutcome.mipBound(returnCode: GLP_EMIPGAP, status: GLP_FEAS, objective: 100, treeBound: 110) == 110)
        #expect(GLPKOutcome.mipBound(returnCode: GLP_ETMLIM, status: GLP_FEAS, objective: 100, treeBound: nil) == nil)
        #expect(GLPKOutcome.relativeGap(objective: 100, bound: 100) == 0)
        #expect(abs(GLPKOutcome.relativeGap(objective: 100, bound: 110) - 0.1) < 1e-15)
        #expect(abs(GLPKOutcome.relativeGap(objective: -50, bound: -40) - 0.2) < 1e-15)
    }

    @Test func timeLimitsInMilliseconds() {
        #expect(GLPKProblem.milliseconds(nil) == nil)
        #expect(GLPKProblem.milliseconds(.milliseconds(1500)) == 1500)
        #expect(GLPKProblem.milliseconds(.microseconds(1)) == 1)
        #expect(GLPKProblem.milliseconds(.seconds(-3)) == 1)
        #expect(GLPKProblem.milliseconds(.seconds(1e12)) == Int32.max)
    }
}
