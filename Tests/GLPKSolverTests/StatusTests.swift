import BenchmarkModels
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Runs that do not end at an optimum report why, and carry no numbers that could be misread.
@Suite struct StatusTests {
    /// x >= 5 and x <= 3 cannot both hold.
    @Test(arguments: GLPKOptions.Method.allCases) func infeasibleLP(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable(name: "x", objective: 1)
        lp.addConstraint(name: "atLeast", terms: [(x, 1)], .greaterOrEqual(5))
        lp.addConstraint(name: "atMost", terms: [(x, 1)], .lessOrEqual(3))
        var options = GLPKOptions()
        options.method = method
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .infeasible)
        #expect(solution.primalStatus == .noSolution)
        #expect(solution.primal == nil)
        #expect(solution.dual == nil)
        #expect(solution.objectiveValue == nil)
    }

    /// max x + y with only x - y <= 1 grows without limit.
    @Test(arguments: GLPKOptions.Method.allCases) func unboundedLP(method: GLPKOptions.Method) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", objective: 1)
        let y = lp.addVariable(name: "y", objective: 1)
        lp.addConstraint(name: "spread", terms: [(x, 1), (y, -1)], .lessOrEqual(1))
        var options = GLPKOptions()
        options.method = method
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .unbounded)
        #expect(solution.objectiveValue == nil)
        #expect(solution.dual == nil)
    }

    /// With presolve GLPK only says "no primal feasible solution".
    @Test func infeasibleWithPresolve() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable(name: "x", objective: 1)
        let y = lp.addVariable(name: "y", objective: 1)
        lp.addConstraint(name: "a", terms: [(x, 1), (y, 1)], .greaterOrEqual(5))
        lp.addConstraint(name: "b", terms: [(x, 1), (y, 1)], .lessOrEqual(3))
        var options = GLPKOptions()
        options.presolve = true
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .infeasible)
        #expect(solution.primal == nil)
    }

    @Test func infeasibleMIP() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 10, objective: 1, isInteger: true)
        // 2x = 3 has no integer solution.
        lp.addConstraint(name: "odd", terms: [(x, 2)], .equal(3))
        let solution = try GLPKSolver().solve(lp)
        #expect(solution.termination == .infeasible)
        #expect(solution.primal == nil)
    }

    /// A transportation LP needing hundreds of iterations, stopped after one.
    @Test func iterationLimit() throws {
        let (lp, _, _) = TransportationModel(sources: 30, sinks: 60, seed: 11).model()
        var options = GLPKOptions()
        options.simplexIterationLimit = 1
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .iterationLimit)
        #expect(solution.dual == nil)
        #expect(solution.statistics.iterations <= 1)
        // Whatever point is reported must be feasible, not a stale or partial one.
        if let primal = solution.primal {
            for row in lp.constraints {
                let bound = lp.bound(of: row)
                #expect(primal[row] >= bound.lower - 1e-6 && primal[row] <= bound.upper + 1e-6)
            }
        } else {
            #expect(solution.primalStatus == .noSolution)
        }
        let full = try GLPKSolver().solve(lp)
        #expect(full.termination == .optimal)
        #expect(full.statistics.iterations > 10)
    }

    /// A 1 ms limit on an LP that takes far longer.
    @Test func timeLimit() throws {
        let (lp, _, _) = TransportationModel(sources: 150, sinks: 300, seed: 5).model()
        var options = GLPKOptions()
        options.timeLimit = .milliseconds(1)
        options.method = .primal
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .timeLimit)
        #expect(solution.dual == nil)
        if solution.primal == nil { #expect(solution.objectiveValue == nil) }
    }

    /// A MIP stopped by its time limit with no proof: never reported optimal, and any point it
    /// reports is integral.
    @Test func mipTimeLimit() throws {
        let text = try Fixtures.text("orlib-cap/cap131.txt")
        let (lp, open) = try CapacitatedWarehouseInstance(parsing: text).model()
        var options = GLPKOptions()
        options.timeLimit = .milliseconds(1)
        options.cuts = false
        let solution = try GLPKSolver(options: options).solve(lp)
        #expect(solution.termination == .timeLimit)
        if let primal = solution.primal {
            for variable in open { #expect(primal[variable] == primal[variable].rounded()) }
        }
    }

    /// A session that was optimal and becomes infeasible reports no numbers from before.
    @Test func noStaleNumbersAfterChange() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable(name: "x", objective: 1)
        let floor = lp.addConstraint(name: "floor", terms: [(x, 1)], .greaterOrEqual(2))
        lp.addConstraint(name: "ceiling", terms: [(x, 1)], .lessOrEqual(3))
        let session = try GLPKSession(model: lp)
        let first = try session.solve()
        expectClose(first.objectiveValue, 2)
        try session.setBound(floor, .greaterOrEqual(4))
        let second = try session.solve()
        #expect(second.termination == .infeasible)
        #expect(second.primal == nil)
        #expect(second.dual == nil)
    }
}
