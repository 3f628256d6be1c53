import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Small LPs solved by hand; each asserts objective, primal values, duals (with the sign
/// convention of `DualPoint`) and strong duality, under both simplex methods.
@Suite struct HandSolvedLPTests {
    static let methods = GLPKOptions.Method.allCases

    func solve(_ lp: LinearProgram, _ method: GLPKOptions.Method) throws -> Solution {
        var options = GLPKOptions()
        options.method = method
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .optimal)
        #expect(solution.primalStatus == .feasiblePoint)
        #expect(solution.dualStatus == .feasiblePoint)
        expectStrongDuality(lp, solution)
        return solution
    }

    /// max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18: optimum x = 2, y = 6, objective 36.
    /// Duals solve 3y3 = 3, 2y2 + 2y3 = 5: y3 = 1, y2 = 1.5; the slack row x <= 4 has 0.
    /// Maximisation, binding <= rows: duals >= 0.
    @Test(arguments: methods) func maximiseWithLessOrEqualRows(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(name: "wyndor", sense: .maximize)
        let x = lp.addVariable(name: "x", objective: 3)
        let y = lp.addVariable(name: "y", objective: 5)
        let plant1 = lp.addConstraint(name: "plant1", terms: [(x, 1)], .lessOrEqual(4))
        let plant2 = lp.addConstraint(name: "plant2", terms: [(y, 2)], .lessOrEqual(12))
        let plant3 = lp.addConstraint(name: "plant3", terms: [(x, 3), (y, 2)], .lessOrEqual(18))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, 36)
        expectClose(solution.primal?[x], 2)
        expectClose(solution.primal?[y], 6)
        expectClose(solution.dual?[plant1], 0)
        expectClose(solution.dual?[plant2], 1.5)
        expectClose(solution.dual?[plant3], 1)
    }

    /// min 2x + 3y, x + y >= 4, x + 3y >= 6: optimum (3, 1), objective 9.
    /// Duals: y1 + y2 = 2, y1 + 3y2 = 3, so y1 = 1.5, y2 = 0.5. Minimisation, binding >= rows: duals >= 0.
    @Test(arguments: methods) func minimiseWithGreaterOrEqualRows(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(name: "diet", sense: .minimize)
        let x = lp.addVariable(name: "x", objective: 2)
        let y = lp.addVariable(name: "y", objective: 3)
        let first = lp.addConstraint(name: "first", terms: [(x, 1), (y, 1)], .greaterOrEqual(4))
        let second = lp.addConstraint(name: "second", terms: [(x, 1), (y, 3)], .greaterOrEqual(6))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, 9)
        expectClose(solution.primal?[x], 3)
        expectClose(solution.primal?[y], 1)
        expectClose(solution.dual?[first], 1.5)
        expectClose(solution.dual?[second], 0.5)
    }

    /// The same problem maximising the negated cost: objective -9, and raising a >= bound now
    /// lowers the maximum, so the duals are <= 0: -1.5 and -0.5.
    @Test(arguments: methods) func maximiseWithGreaterOrEqualRows(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", objective: -2)
        let y = lp.addVariable(name: "y", objective: -3)
        let first = lp.addConstraint(name: "first", terms: [(x, 1), (y, 1)], .greaterOrEqual(4))
        let second = lp.addConstraint(name: "second", terms: [(x, 1), (y, 3)], .greaterOrEqual(6))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, -9)
        expectClose(solution.dual?[first], -1.5)
        expectClose(solution.dual?[second], -0.5)
    }

    /// min x + 2y + 10, x + y = 5, x - y <= 1: y = 5 - x, objective 20 - x, largest x with 2x <= 6
    /// is 3: (3, 2), objective 17. Duals: y1 + y2 = 1, y1 - y2 = 2, so y1 = 1.5 (= row) and
    /// y2 = -0.5 (minimisation, binding <= row: dual <= 0). The constant 10 is in the objective.
    @Test(arguments: methods) func minimiseWithEqualityAndConstant(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .minimize, objectiveConstant: 10)
        let x = lp.addVariable(name: "x", objective: 1)
        let y = lp.addVariable(name: "y", objective: 2)
        let total = lp.addConstraint(name: "total", terms: [(x, 1), (y, 1)], .equal(5))
        let gap = lp.addConstraint(name: "gap", terms: [(x, 1), (y, -1)], .lessOrEqual(1))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, 17)
        expectClose(solution.primal?[x], 3)
        expectClose(solution.primal?[y], 2)
        expectClose(solution.dual?[total], 1.5)
        expectClose(solution.dual?[gap], -0.5)
    }

    /// max 2x + y, 0 <= x - y <= 2 (ranged), x + y = 8 (equality), x <= 10 (column bound):
    /// x = 5, y = 3, objective 13. Duals: yr + ye = 2, -yr + ye = 1: ye = 1.5, yr = 0.5
    /// (the ranged row sits at its upper limit). Maximisation with an = row: dual 1.5.
    @Test(arguments: methods) func maximiseWithRangedAndEqualityRows(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 10, objective: 2)
        let y = lp.addVariable(name: "y", objective: 1)
        let spread = lp.addConstraint(name: "spread", terms: [(x, 1), (y, -1)], .ranged(0, 2))
        let total = lp.addConstraint(name: "total", terms: [(x, 1), (y, 1)], .equal(8))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, 13)
        expectClose(solution.primal?[x], 5)
        expectClose(solution.primal?[spread], 2)
        expectClose(solution.dual?[spread], 0.5)
        expectClose(solution.dual?[total], 1.5)
    }

    /// A column at its upper bound carries the reduced cost: max 3x + y, x + y <= 10, x <= 4:
    /// x = 4, y = 6, objective 18; row dual 1, reduced cost of x is 3 - 1 = 2, of y 0.
    @Test(arguments: methods) func reducedCostOfBoundedColumn(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 4, objective: 3)
        let y = lp.addVariable(name: "y", objective: 1)
        let row = lp.addConstraint(name: "total", terms: [(x, 1), (y, 1)], .lessOrEqual(10))
        let solution = try solve(lp, method)
        expectClose(solution.objectiveValue, 18)
        expectClose(solution.dual?[row], 1)
        expectClose(solution.dual?.reducedCost(x), 2)
        expectClose(solution.dual?.reducedCost(y), 0)
    }

    /// LP presolve gives the same optimum.
    @Test func presolvedSolveMatches() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", objective: 3)
        let y = lp.addVariable(name: "y", objective: 5)
        lp.addConstraint(name: "plant1", terms: [(x, 1)], .lessOrEqual(4))
        lp.addConstraint(name: "plant2", terms: [(y, 2)], .lessOrEqual(12))
        lp.addConstraint(name: "plant3", terms: [(x, 3), (y, 2)], .lessOrEqual(18))
        var options = GLPKOptions()
        options.presolve = true
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .optimal)
        expectClose(solution.objectiveValue, 36)
        expectStrongDuality(lp, solution)
    }
}
