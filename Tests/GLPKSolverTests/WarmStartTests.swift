import BenchmarkModels
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Re-solves from the stored basis give the cold optimum in fewer iterations.
@Suite struct WarmStartTests {
    @Test func rightHandSideChangesReuseTheBasis() throws {
        let problem = TransportationModel(sources: 20, sinks: 40, seed: 3)
        let (lp, _, demandRows) = problem.model()
        let session = try GLPKSession(model: lp)
        let first = try session.solve()
        #expect(first.termination == .optimal)
        #expect(!first.statistics.warmStarted)

        // Raise the demand of every fourth sink by 15%.
        let changes = demandRows.enumerated().filter { $0.offset % 4 == 0 }
            .map { ($0.element, RowBound.greaterOrEqual(problem.demand[$0.offset] * 1.15)) }
        try session.setBounds(changes)
        let warm = try session.solve()
        let cold = try GLPKSolver().solve(session.model)
        #expect(warm.termination == .optimal)
        #expect(warm.statistics.warmStarted)
        #expect(cold.termination == .optimal)
        expectClose(warm.objectiveValue, cold.objectiveValue ?? .nan, relative: 1e-9)
        #expect(
            warm.statistics.iterations < cold.statistics.iterations,
            "warm \(warm.statistics.iterations) vs cold \(cold.statistics.iterations)")
        expectStrongDuality(session.model, warm)
    }

    @Test func objectiveChangesReuseTheBasis() throws {
        let problem = TransportationModel(sources: 20, sinks: 40, seed: 4)
        let (lp, _, _) = problem.model()
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        let changes = lp.variables.filter { $0.index % 7 == 0 }
            .map { ($0, lp.objectiveCoefficient(of: $0) * 0.5) }
        try session.setObjectiveCoefficients(changes)
        let warm = try session.solve()
        let cold = try GLPKSolver().solve(session.model)
        expectClose(warm.objectiveValue, cold.objectiveValue ?? .nan, relative: 1e-9)
        #expect(
            warm.statistics.iterations < cold.statistics.iterations,
            "warm \(warm.statistics.iterations) vs cold \(cold.statistics.iterations)")
    }

    @Test func sessionSolveColdMatchesWarm() throws {
        let (lp, supplyRows, _) = TransportationModel(sources: 10, sinks: 20, seed: 9).model()
        let session = try GLPKSession(model: lp)
        _ = try session.solve()
        try session.setBound(supplyRows[0], .lessOrEqual(0))
        let warm = try session.solve()
        let cold = try session.solveCold()
        expectClose(warm.objectiveValue, cold.objectiveValue ?? .nan)
        #expect(!cold.statistics.warmStarted)
    }

    /// Wyndor Glass (max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18) solved at (2, 6). Tighten
    /// x <= 4 to x <= 3, which (2, 6) still satisfies, and replace the objective by 5x + 2y: the
    /// stored basis stays primal feasible, so the primal simplex continues from it. New optimum
    /// where x <= 3 and 3x + 2y <= 18 meet: (3, 4.5), objective 24; duals from 5 = y1 + 3 y3 and
    /// 2 = 2 y3: y3 = 1, y1 = 2.
    @Test func primalFromTheStoredBasisAfterTighteningAndNewCosts() throws {
        let wyndor = Wyndor()
        let (x, y, plant1, plant2, plant3) = (wyndor.x, wyndor.y, wyndor.plant1, wyndor.plant2, wyndor.plant3)
        var options = GLPKOptions()
        options.log = .capture
        let session = try GLPKSession(model: wyndor.lp, options: options)
        let first = try session.solve(using: .primal)
        #expect(!first.statistics.warmStarted)
        expectClose(first.objectiveValue, 36)

        try session.setBound(plant1, .lessOrEqual(3))
        try session.setObjectiveCoefficients([(x, 5), (y, 2)])
        let second = try session.solve(using: .primal)
        #expect(second.termination == .optimal)
        #expect(second.statistics.warmStarted)
        #expect(
            second.statistics.iterations >= 1 && second.statistics.iterations <= 2,
            "\(second.statistics.iterations) iterations")
        // GLPK's primal simplex starts its progress lines with '*' in phase 2 (the dual with '#'):
        // from a primal feasible basis it never needs phase 1.
        #expect(progressMarks(second.log) == ["*"], "\(second.log ?? "no log")")
        expectClose(second.objectiveValue, 24)
        expectClose(second.primal?[x], 3)
        expectClose(second.primal?[y], 4.5)
        expectClose(second.dual?[plant1], 2)
        expectClose(second.dual?[plant2], 0)
        expectClose(second.dual?[plant3], 1)
        expectStrongDuality(session.model, second)
    }

    /// The dual simplex chosen explicitly after a right-hand side change: plant2 2y <= 12 becomes
    /// 2y <= 10, y = 5, and 3x <= 8 gives x = 8/3: objective 8 + 25 = 33.
    @Test func dualFromTheStoredBasisAfterARightHandSideChange() throws {
        let wyndor = Wyndor()
        let (x, y, plant2) = (wyndor.x, wyndor.y, wyndor.plant2)
        var options = GLPKOptions()
        options.log = .capture
        let session = try GLPKSession(model: wyndor.lp, options: options)
        _ = try session.solve(using: .dual)
        try session.setBound(plant2, .lessOrEqual(10))
        let solution = try session.solve(using: .dual)
        #expect(solution.statistics.warmStarted)
        #expect(progressMarks(solution.log) == ["#"], "\(solution.log ?? "no log")")
        #expect(solution.statistics.iterations <= 1)
        expectClose(solution.objectiveValue, 33)
        expectClose(solution.primal?[x], 8.0 / 3)
        expectClose(solution.primal?[y], 5)
    }
}

/// The first characters of GLPK's simplex progress lines ("*     2: obj = ..."): '*' for the
/// primal simplex's phase 2, '#' for the dual's, ' ' for a phase 1.
private func progressMarks(_ log: String?) -> Set<Character> {
    Set((log ?? "").split(separator: "\n").filter { $0.contains(": obj =") }.compactMap(\.first))
}
