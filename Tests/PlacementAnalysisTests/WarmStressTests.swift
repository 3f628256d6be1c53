import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The stress re-solves of the bundled study start from the previous basis: fewer
/// iterations than solving each stressed dispatch cold, and the same optimum.
@Suite struct WarmStressTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func stressResolvesAreWarmAndMatchColdSolves() throws {
        let study = try StudyLoader().loadStudy(at: Self.packageRoot.appendingPathComponent("Models/baseline.yaml").path).study
        var options = GLPKOptions()
        options.method = .primal
        let solver = GLPKSolver(options: options)
        let plan = try #require(try PlacementOptimizer(solver: solver).optimize(study).plan)
        let stress = try StressTest.run(study: study, plan: plan, solver: solver)
        #expect(stress.cases.map(\.workload) == ["video", "reasoning", "embodied"])
        for stressCase in stress.cases {
            #expect(stressCase.warmStarted)
            let cold = try PlacementOptimizer(solver: solver).optimize(study, options: ProgramOptions(
                scenarios: [study.referenceScenario.id], fixedBuilds: plan.builtUnits,
                demandScale: [stressCase.workload: 1 - study.stress.shock]))
            let coldPlan = try #require(cold.plan)
            expectClose(stressCase.plan.objectiveUSD, coldPlan.objectiveUSD, relative: 1e-7)
            expectClose(stressCase.plan.npvByScenario[0], coldPlan.npvByScenario[0], relative: 1e-7)
            #expect(stressCase.iterations < cold.solution.statistics.iterations,
                    "\(stressCase.workload): warm \(stressCase.iterations) vs cold \(cold.solution.statistics.iterations)")
        }
    }
}
