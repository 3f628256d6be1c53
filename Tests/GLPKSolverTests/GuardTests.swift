import Foundation
import LinearProgramming
import PlacementTestSupport
import Testing

@testable import GLPKSolver

/// The C guard catches GLPK's fatal errors that validation would normally prevent:
/// here validation is bypassed on purpose through the internal problem type.
@Suite struct GuardTests {
    func smallModel() -> LinearProgram {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 4, objective: 3)
        lp.addConstraint(name: "limit", terms: [(x, 1)], .lessOrEqual(3))
        return lp
    }

    @Test func fatalErrorBecomesSwiftErrorAndProcessSurvives() throws {
        let problem = try GLPKProblem(model: smallModel())
        let other = try GLPKProblem(model: smallModel())
        // Row 99 does not exist: glp_set_row_bnds would abort the process.
        let failure = #expect(throws: GLPKError.self) { try problem.setRowBounds([(98, 0, 1)]) }
        guard case .glpkFailure(let call, let message)? = failure else {
            Issue.record("expected a GLPK failure, got \(String(describing: failure))")
            return
        }
        #expect(call == "glp_set_row_bnds")
        #expect(message.contains("glp_set_row_bnds: i = 99; row number out of range"), "\(message)")
        // Every problem of the thread is gone with GLPK's environment, and says so.
        #expect(throws: GLPKError.sessionInvalidated) {
            try other.solve(options: GLPKOptions(), warm: false, method: .dual)
        }
        // New problems on the same thread work.
        let fresh = try GLPKSolver().solve(smallModel())
        expectClose(fresh.objectiveValue, 9)
    }

    @Test func sessionIsInvalidatedAfterFailure() throws {
        let session = try GLPKSession(model: smallModel())
        expectClose(try session.solve().objectiveValue, 9)
        // Bypass validation from inside the session's thread to provoke a GLPK error.
        try session.withProblemForTesting { problem in
            #expect(throws: GLPKError.self) { try problem.setColumnBounds([(5, 0, 1)]) }
        }
        #expect(throws: GLPKError.sessionInvalidated) { try session.solve() }
    }
}
