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
        #expect(warm.statistics.iterations < cold.statistics.iterations,
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
        #expect(warm.statistics.iterations < cold.statistics.iterations,
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
}
