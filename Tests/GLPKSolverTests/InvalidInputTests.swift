import BenchmarkModels
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Bad calls become Swift errors that name the fault; the process survives and later solves are right.
@Suite struct InvalidInputTests {
    func twoColumns() -> (LinearProgram, Variable, Variable) {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 4, objective: 3)
        let y = lp.addVariable(name: "y", upper: 4, objective: 2)
        return (lp, x, y)
    }

    func expectError(
        _ expected: ModelError, _ lp: LinearProgram,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: GLPKError.invalidModel(expected), sourceLocation: sourceLocation) {
            try GLPKSolver().solve(lp)
        }
    }

    @Test func nanCoefficient() {
        var (lp, x, y) = twoColumns()
        lp.addConstraint(name: "limit", terms: [(x, 1), (y, .nan)], .lessOrEqual(5))
        let error = ModelError.nonFiniteCoefficient(row: "limit", column: "y", value: .nan)
        // NaN != NaN, so compare the message.
        #expect(throws: GLPKError.self) { try GLPKSolver().solve(lp) }
        do { _ = try GLPKSolver().solve(lp) } catch {
            #expect(
                "\(error)"
                    == "invalid model: row \"limit\", column \"y\": coefficient is nan; coefficients must be finite")
        }
        #expect(error.description.contains("coefficient is nan"))
    }

    @Test func infiniteObjective() {
        var (lp, x, _) = twoColumns()
        lp.setObjectiveCoefficient(x, .infinity)
        expectError(.nonFiniteObjective(column: "x", value: .infinity), lp)
    }

    @Test func columnOutOfRange() {
        var (lp, x, _) = twoColumns()
        lp.addConstraint(name: "limit", terms: [(x, 1), (Variable(index: 7), 1)], .lessOrEqual(5))
        expectError(.columnOutOfRange(row: "limit", column: 7, columnCount: 2), lp)
    }

    @Test func lowerBoundAboveUpper() {
        var (lp, x, _) = twoColumns()
        lp.setBounds(x, lower: 5, upper: 1)
        expectError(.invalidVariableBounds(column: "x", lower: 5, upper: 1), lp)
    }

    @Test func rowBoundsOutOfOrder() {
        var (lp, x, _) = twoColumns()
        lp.addConstraint(name: "band", terms: [(x, 1)], .ranged(3, 2))
        expectError(.invalidConstraintBounds(row: "band", lower: 3, upper: 2), lp)
    }

    @Test func duplicateEntries() {
        var (lp, x, y) = twoColumns()
        lp.addConstraint(name: "limit", terms: [(x, 1), (y, 1), (x, 2)], .lessOrEqual(5))
        expectError(.duplicateEntry(row: "limit", column: "x"), lp)
    }

    @Test func nameTooLong() {
        var (lp, _, _) = twoColumns()
        lp.addVariable(name: String(repeating: "n", count: 256))
        expectError(.invalidName(kind: "column", index: 2, reason: "is 256 bytes long; at most 255 are allowed"), lp)
    }

    @Test func controlCharacterInName() {
        var (lp, x, _) = twoColumns()
        lp.addConstraint(name: "bad\nname", terms: [(x, 1)], .lessOrEqual(1))
        expectError(.invalidName(kind: "row", index: 0, reason: "contains a control character"), lp)
    }

    @Test func sessionRejectsBadChanges() throws {
        var (lp, x, y) = twoColumns()
        let row = lp.addConstraint(name: "limit", terms: [(x, 1), (y, 1)], .lessOrEqual(5))
        let session = try GLPKSession(model: lp)
        #expect(throws: GLPKError.invalidModel(.invalidVariableBounds(column: "x", lower: 2, upper: 1))) {
            try session.setBounds(x, lower: 2, upper: 1)
        }
        #expect(throws: GLPKError.invalidModel(.constraintOutOfRange(Constraint(index: 4), rowCount: 1))) {
            try session.setBound(Constraint(index: 4), .lessOrEqual(1))
        }
        #expect(throws: GLPKError.invalidModel(.variableOutOfRange(Variable(index: -1), columnCount: 2))) {
            try session.setObjectiveCoefficient(Variable(index: -1), 1)
        }
        // The session still holds the unchanged model and solves it: x = 4, y = 1, 3*4 + 2 = 14.
        let solution = try session.solve()
        expectClose(solution.objectiveValue, 14)
        try session.setBound(row, .lessOrEqual(8))
        expectClose(try session.solve().objectiveValue, 20)
    }

    /// After every kind of rejected call, a good model still solves right in the same process.
    @Test func goodModelAfterErrors() throws {
        var (bad, x, _) = twoColumns()
        bad.addConstraint(name: "dup", terms: [(x, 1), (x, 1)], .lessOrEqual(1))
        #expect(throws: GLPKError.self) { try GLPKSolver().solve(bad) }
        var (good, gx, gy) = twoColumns()
        good.addConstraint(name: "limit", terms: [(gx, 1), (gy, 1)], .lessOrEqual(5))
        expectClose(try GLPKSolver().solve(good).objectiveValue, 14)
    }
}
