import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// A session whose model has integer columns solves a MIP each time: the LP relaxation from the
/// stored basis, then branch and cut; rows added between solves are honoured.
@Suite struct SessionMIPTests {
    /// A 0/1 knapsack: max 5a + 4b + 3c, weights 2a + 3b + c <= 5. Of the eight choices the
    /// feasible ones are {}, a, b, c, ab (weight 5, value 9), ac (3, 8), bc (4, 7): optimum 9 at
    /// (1, 1, 0). Its LP relaxation takes c, a and 2/3 of b: 3 + 5 + 8/3 = 32/3.
    func knapsack() -> (LinearProgram, [Variable]) {
        var lp = LinearProgram(name: "knapsack", sense: .maximize)
        let items = [("a", 5.0), ("b", 4.0), ("c", 3.0)].map { name, value in
            lp.addVariable(name: name, upper: 1, objective: value, isInteger: true)
        }
        lp.addConstraint(name: "weight", terms: [(items[0], 2), (items[1], 3), (items[2], 1)], .lessOrEqual(5))
        return (lp, items)
    }

    /// The cut 3a + 2b + 2c <= 4 leaves a (3), b (2), c (2) and bc (4) of the choices:
    /// optimum 7 at (0, 1, 1).
    @Test(arguments: [true, false]) func cutBetweenSolves(retainsMatrix: Bool) throws {
        let (lp, items) = knapsack()
        let session = try GLPKSession(model: lp, retainsMatrix: retainsMatrix)
        let first = try session.solve()
        #expect(first.termination == .optimal)
        #expect(first.primalStatus == .feasiblePoint)
        #expect(first.dual == nil)
        #expect(!first.statistics.warmStarted)
        expectClose(first.objectiveValue, 9)
        #expect(items.map { first.primal?[$0] } == [1, 1, 0])
        expectClose(first.bestBound, 9)
        #expect(first.relativeGap == 0)

        let cut = try session.addConstraints([
            LinearConstraint(name: "cut", terms: [(items[0], 3), (items[1], 2), (items[2], 2)], .lessOrEqual(4))
        ])
        let second = try session.solve()
        #expect(second.termination == .optimal)
        // The relaxation started from the basis the first solve left behind.
        #expect(second.statistics.warmStarted)
        expectClose(second.objectiveValue, 7)
        #expect(items.map { second.primal?[$0] } == [0, 1, 1])
        expectClose(second.primal?[cut[0]], 4)
        expectClose(second.bestBound, 7)
        #expect(second.relativeGap == 0)

        // The model with its cut, solved in one shot (with GLPK's MIP presolver), agrees.
        let oneShot = try GLPKSolver().solve(session.fullModel())
        expectClose(oneShot.objectiveValue, 7)
    }

    /// Three 0/1 items cannot sum to 4: the relaxation is already infeasible.
    @Test func cutThatLeavesNoRelaxedPoint() throws {
        let (lp, items) = knapsack()
        let session = try GLPKSession(model: lp)
        expectClose(try session.solve().objectiveValue, 9)
        try session.addConstraints([LinearConstraint(name: "all", terms: items.map { ($0, 1) }, .greaterOrEqual(4))])
        let solution = try session.solve()
        #expect(solution.termination == .infeasible)
        #expect(solution.primalStatus == .noSolution)
        #expect(solution.primal == nil)
        #expect(solution.message == "the LP relaxation ended infeasible")
    }

    /// 2a + 2b + 2c = 3 has relaxed points (a = 1, b = 1/2) but no 0/1 point: branch and cut
    /// proves it.
    @Test func cutThatLeavesNoIntegerPoint() throws {
        let (lp, items) = knapsack()
        let session = try GLPKSession(model: lp)
        expectClose(try session.solve().objectiveValue, 9)
        try session.addConstraints([LinearConstraint(name: "odd", terms: items.map { ($0, 2) }, .equal(3))])
        let solution = try session.solve()
        #expect(solution.termination == .infeasible)
        #expect(solution.primal == nil)
        #expect(solution.message == nil)
    }

    /// Changing a bound between MIP solves: forbidding b (b <= 0) leaves ac, value 8.
    @Test func boundChangeBetweenSolves() throws {
        let (lp, items) = knapsack()
        let session = try GLPKSession(model: lp)
        expectClose(try session.solve().objectiveValue, 9)
        try session.setBounds(items[1], lower: 0, upper: 0)
        let solution = try session.solve()
        #expect(solution.termination == .optimal)
        #expect(solution.statistics.warmStarted)
        expectClose(solution.objectiveValue, 8)
        #expect(items.map { solution.primal?[$0] } == [1, 0, 1])
    }

    /// Ranging needs an LP basis; a MIP session says so instead of ranging its relaxation.
    @Test func noRangingForMIPs() throws {
        let (lp, items) = knapsack()
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        #expect(throws: GLPKError.noOptimalBasis("the model has integer variables")) {
            try session.objectiveRange(of: items[0])
        }
    }

    /// Jeroslow's kind of MIP: max 1.5 * sum x_i over 15 binaries with sum 2 x_i <= 15. The
    /// relaxation sets the sum to 7.5 (objective 11.25) at every node, so without cuts branch and
    /// bound cannot close the gap quickly; the best integer point has 7 ones (10.5). With a 10%
    /// tolerance the search stops at the first such point: gap (11.25 - 10.5) / 10.5 = 1/14, within
    /// 10%, so the run counts as optimal and reports its bound. The valid cut sum x_i <= 7, added to
    /// the session, makes the relaxation integral: 10.5 proven, gap 0.
    @Test func gapBeforeAndAfterACut() throws {
        var lp = LinearProgram(sense: .maximize)
        let items = (0..<15).map { lp.addVariable(name: "x\($0)", upper: 1, objective: 1.5, isInteger: true) }
        lp.addConstraint(name: "half", terms: items.map { ($0, 2) }, .lessOrEqual(15))
        var options = GLPKOptions()
        options.mipGap = 0.1
        options.cuts = false
        let session = try GLPKSession(model: lp, options: options)
        let first = try session.solve()
        #expect(first.termination == .optimal)
        expectClose(first.objectiveValue, 10.5)
        expectClose(first.bestBound, 11.25)
        expectClose(first.relativeGap, 1.0 / 14)
        #expect(first.statistics.nodes > 1)

        try session.addConstraints([LinearConstraint(name: "count", terms: items.map { ($0, 1) }, .lessOrEqual(7))])
        let second = try session.solve()
        #expect(second.termination == .optimal)
        #expect(second.statistics.warmStarted)
        expectClose(second.objectiveValue, 10.5)
        expectClose(second.bestBound, 10.5)
        #expect(second.relativeGap == 0)
        #expect(second.statistics.nodes <= 1)
    }
}
