import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Rows added to a live session: checked before they reach GLPK, kept in the session's model,
/// and re-solved warm from the stored basis. The model is Wyndor Glass (see `Wyndor`).
@Suite struct AddedRowsTests {
    /// The cut x + y <= 7 cuts off (2, 6). New optimum: y = 6 from plant2, x = 1 from the cut,
    /// objective 33; plant3 has slack (15 < 18). Duals from 3 = y_cut and 5 = 2 y_plant2 + y_cut:
    /// y_cut = 3, y_plant2 = 1 (maximisation, binding <= rows: >= 0).
    @Test(arguments: [true, false]) func cutReSolvesWarmWithTheDualSimplex(retainsMatrix: Bool) throws {
        let wyndor = Wyndor()
        let (lp, x, y, rows) = (wyndor.lp, wyndor.x, wyndor.y, wyndor.plants)
        let session = try GLPKSession(model: lp, retainsMatrix: retainsMatrix)
        let first = try session.solve()
        expectClose(first.objectiveValue, 36)

        let cut = LinearConstraint(name: "cut", terms: [(x, 1), (y, 1)], .lessOrEqual(7))
        let added = try session.addConstraints([cut])
        #expect(added == [Constraint(index: 3)])
        #expect(session.model.constraintCount == 4)
        #expect(session.model.name(of: added[0]) == "cut")
        #expect(session.model.bound(of: added[0]) == .lessOrEqual(7))

        let second = try session.solve()
        #expect(second.termination == .optimal)
        #expect(second.statistics.warmStarted)
        #expect(
            second.statistics.iterations >= 1 && second.statistics.iterations <= 2,
            "\(second.statistics.iterations) iterations")
        expectClose(second.objectiveValue, 33)
        expectClose(second.primal?[x], 1)
        expectClose(second.primal?[y], 6)
        expectClose(second.primal?[added[0]], 7)
        expectClose(second.dual?[added[0]], 3)
        expectClose(second.dual?[rows[1]], 1)
        expectClose(second.dual?[rows[0]], 0)
        expectClose(second.dual?[rows[2]], 0)

        // The same model solved cold agrees, and needs more iterations than the warm re-solve.
        let full = try session.fullModel()
        #expect(full.terms(of: added[0]).map(\.0) == [x, y])
        let cold = try GLPKSolver().solve(full)
        expectClose(cold.objectiveValue, 33)
        expectStrongDuality(full, second)
    }

    /// Several rows at once, one from an expression whose constant moves to the bound:
    /// x - y + 1 >= 0 is stored as x - y >= -1. With x <= 3, the optimum of max 3x + 5y lies on
    /// y = x + 1 where the objective 8x + 5 grows with x: (3, 4), objective 29 (3x + 2y = 17 and
    /// 2y = 8 have slack). Duals from the two binding rows: for y, 5 = -y_spread, so y_spread = -5
    /// (a binding >= row of a maximisation); for x, 3 = y_spread + y_xcap, so y_xcap = 8.
    @Test func severalRowsFromExpressions() throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        var spread = LinearExpression(constant: 1)
        spread.add(x, 1)
        spread.add(y, -1)
        let added = try session.addConstraints([
            LinearConstraint(name: "spread", spread, .greaterOrEqual(0)),
            LinearConstraint(name: "xcap", terms: [(x, 1)], .lessOrEqual(3)),
        ])
        #expect(added == [Constraint(index: 3), Constraint(index: 4)])
        #expect(session.model.bound(of: added[0]) == .greaterOrEqual(-1))
        let solution = try session.solve()
        #expect(solution.statistics.warmStarted)
        expectClose(solution.objectiveValue, 29)
        expectClose(solution.primal?[x], 3)
        expectClose(solution.primal?[y], 4)
        expectClose(solution.dual?[added[0]], -5)
        expectClose(solution.dual?[added[1]], 8)
        expectStrongDuality(session.model, solution)
    }

    /// A row the optimum already satisfies changes nothing and costs no iteration.
    @Test func rowThatCutsNothing() throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        let loose = LinearConstraint(name: "loose", terms: [(x, 1), (y, 1)], .lessOrEqual(100))
        let added = try session.addConstraints([loose])
        let solution = try session.solve()
        #expect(solution.statistics.warmStarted)
        #expect(solution.statistics.iterations == 0)
        expectClose(solution.objectiveValue, 36)
        expectClose(solution.dual?[added[0]], 0)
    }

    /// No rows: nothing reaches GLPK (glp_add_rows with 0 rows would abort the process).
    @Test func noRows() throws {
        let lp = Wyndor().lp
        let session = try GLPKSession(model: lp)
        #expect(try session.addConstraints([]).isEmpty)
        #expect(session.model.constraintCount == 3)
        expectClose(try session.solve().objectiveValue, 36)
    }

    /// Every rule is checked before C is called: the error names the row (by name, else by the
    /// number it would get) and the column; the session is unchanged and still solves.
    @Test func badRowsAreRejectedBeforeGLPK() throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        let cases: [(LinearConstraint, ModelError)] = [
            (
                LinearConstraint(name: "inf", terms: [(x, .infinity)], .lessOrEqual(1)),
                .nonFiniteCoefficient(row: "inf", column: "x", value: .infinity)
            ),
            (
                LinearConstraint(name: "far", terms: [(x, 1), (Variable(index: 2), 1)], .lessOrEqual(1)),
                .columnOutOfRange(row: "far", column: 2, columnCount: 2)
            ),
            (
                LinearConstraint(terms: [(Variable(index: -1), 1)], .lessOrEqual(1)),
                .columnOutOfRange(row: "R4", column: -1, columnCount: 2)
            ),
            (
                LinearConstraint(name: "twice", terms: [(y, 1), (x, 2), (y, 1)], .lessOrEqual(1)),
                .duplicateEntry(row: "twice", column: "y")
            ),
            (
                LinearConstraint(name: "band", terms: [(x, 1)], .ranged(3, 2)),
                .invalidConstraintBounds(row: "band", lower: 3, upper: 2)
            ),
            (
                LinearConstraint(name: "never", terms: [(x, 1)], RowBound(lower: .infinity, upper: .infinity)),
                .invalidConstraintBounds(row: "never", lower: .infinity, upper: .infinity)
            ),
            (
                LinearConstraint(name: String(repeating: "c", count: 256), terms: [(x, 1)], .lessOrEqual(1)),
                .invalidName(kind: "row", index: 3, reason: "is 256 bytes long; at most 255 are allowed")
            ),
            (
                LinearConstraint(name: "tab\there", terms: [(x, 1)], .lessOrEqual(1)),
                .invalidName(kind: "row", index: 3, reason: "contains a control character")
            ),
        ]
        for (constraint, expected) in cases {
            #expect(throws: GLPKError.invalidModel(expected)) { try session.addConstraints([constraint]) }
        }
        // A bad second row rejects the first one too, named by the number it would get.
        let good = LinearConstraint(terms: [(x, 1)], .lessOrEqual(1))
        let nan = LinearConstraint(terms: [(y, .nan)], .lessOrEqual(1))
        do {
            _ = try session.addConstraints([good, nan])
            Issue.record("a NaN coefficient was accepted")
        } catch {
            #expect(
                "\(error)"
                    == "invalid model: row \"R5\", column \"y\": coefficient is nan; coefficients must be finite")
        }
        #expect(session.model.constraintCount == 3)
        let solution = try session.solve()
        expectClose(solution.objectiveValue, 36)
        #expect(solution.statistics.iterations == 0)
    }

    @Test func modelsTakeRowsAsValues() throws {
        let wyndor = Wyndor()
        var (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        try lp.checkNewConstraints([LinearConstraint(name: "cut", terms: [(x, 1), (y, 1)], .lessOrEqual(7))])
        let rows = lp.addConstraints([
            LinearConstraint(name: "cut", terms: [(x, 1), (y, 1)], .lessOrEqual(7)),
            LinearConstraint(terms: [(y, 1)], .greaterOrEqual(1)),
        ])
        #expect(rows == [Constraint(index: 3), Constraint(index: 4)])
        #expect(lp.displayName(of: rows[1]) == "R5")
        expectClose(try GLPKSolver().solve(lp).objectiveValue, 33)
    }
}
