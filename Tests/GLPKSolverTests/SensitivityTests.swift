import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Ranging on the Wyndor Glass LP (Hillier & Lieberman): max 3x + 5y, x <= 4, 2y <= 12,
/// 3x + 2y <= 18, optimum (2, 6). Textbook ranges: c_x in [0, 7.5], c_y in [2, inf);
/// b2 in [6, 18], b3 in [12, 24]; the slack row x <= 4 can fall to its activity 2.
@Suite struct SensitivityTests {
    func session() throws -> (GLPKSession, Variable, Variable, [Constraint]) {
        let wyndor = Wyndor()
        return (try GLPKSession(model: wyndor.lp), wyndor.x, wyndor.y, wyndor.plants)
    }

    @Test func objectiveRanges() throws {
        let (session, x, y, _) = try session()
        _ = try session.solve()
        let rangeX = try session.objectiveRange(of: x)
        expectClose(rangeX.lower, 0)
        expectClose(rangeX.upper, 7.5)
        let rangeY = try session.objectiveRange(of: y)
        expectClose(rangeY.lower, 2)
        #expect(rangeY.upper == .infinity)
    }

    @Test func rightHandSideRanges() throws {
        let (session, _, _, rows) = try session()
        _ = try session.solve()
        let slack = try session.rightHandSideRange(of: rows[0])
        expectClose(slack.lower, 2)
        #expect(slack.upper == .infinity)
        let second = try session.rightHandSideRange(of: rows[1])
        expectClose(second.lower, 6)
        expectClose(second.upper, 18)
        let third = try session.rightHandSideRange(of: rows[2])
        expectClose(third.lower, 12)
        expectClose(third.upper, 24)
    }

    @Test func rangingNeedsAnOptimalBasis() throws {
        let (session, x, _, rows) = try session()
        #expect(throws: GLPKError.noOptimalBasis("solve the LP to optimality first")) {
            try session.objectiveRange(of: x)
        }
        _ = try session.solve()
        // A change invalidates the optimum until the next solve.
        try session.setBound(rows[1], .lessOrEqual(14))
        #expect(throws: GLPKError.self) { try session.rightHandSideRange(of: rows[1]) }
        _ = try session.solve()
        let range = try session.rightHandSideRange(of: rows[1])
        expectClose(range.lower, 6)
    }
}
