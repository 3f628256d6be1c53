import GLPKSolver
import LinearProgramming
import PlacementPlanning
import PlacementTestSupport
import Synchronization
import Testing

/// The switch between level steps and Kelley steps (``PlanningOptions/kelleyGap``): the level
/// problem is a solver session of its own, opened at the first level step, so the sessions a
/// solve opens on the master tell whether it took one.
@Suite struct KelleySwitchTests {
    static func run(kelleyGap: Double?) throws -> (result: PlanningResult, masterSessions: Int) {
        var options = TestPlanning.options(method: .decomposed, analyse: false)
        if let kelleyGap { options.kelleyGap = kelleyGap }
        let solver = RecordingSolver()
        let result = try PlanningPipeline(solver: solver, options: options).run(try TestPlanning.compactBundledStudy())
        // Sessions on the master: the cutting-plane master, and the level problem if any.
        return (result, solver.sessions(named: "master"))
    }

    /// With the default switch (a gap of 1e-4) the compact bundled study takes level steps; with
    /// a switch above any gap it takes none, every candidate being the master's vertex, and
    /// reaches the same optimum.
    @Test func aHugeKelleyGapTakesNoLevelStep() throws {
        let regularized = try Self.run(kelleyGap: nil)
        #expect(regularized.masterSessions == 2)
        let kelley = try Self.run(kelleyGap: .infinity)
        #expect(kelley.masterSessions == 1)
        #expect(kelley.result.investment.termination == .optimal)
        let levelled = try #require(regularized.result.plan?.objectiveUSD)
        let unregularized = try #require(kelley.result.plan?.objectiveUSD)
        expectClose(unregularized, levelled, relative: 1e-7)
    }
}
