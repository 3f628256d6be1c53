import GLPKSolver
import PlacementAnalysis
import PlacementModel
import PlacementPlanning
import PlacementRisk
import PlacementTestSupport
import Testing

/// A plan held on scenarios it was not solved for (docs/design.md §8, evaluation).
///
/// The tiny study (TinyStudy: one facility, one accelerator of 10 units an hour at 1,000 USD
/// with a 1-year life, 876,000 units a year at 1 USD, 0.1 USD of electricity per busy hour,
/// breakeven 0.6) plans 10 accelerators. Held on two paths written by hand, probability 0.5 each:
/// - `full` (demand x 1): everything served, NPV 876,000 - 8,760 - 10,000 = 857,240; utilization 1;
///   nothing can be written off, so stranded 0; at risk 10,000 x max(0, 1 - 1 / 0.6) = 0.
/// - `half` (demand x 0.5): 438,000 units served in 43,800 busy hours, NPV 438,000 - 4,380 -
///   10,000 = 423,620; utilization 0.5; 5 of the 10 accelerators can be retired without losing
///   value: stranded 10,000 x 5 / 10 = 5,000; at risk 10,000 x (1 - 0.5 / 0.6) = 1,666.67; below
///   breakeven.
/// Summaries: mean NPV 640,430; at alpha 0.9 VaR and CVaR are the worst path's 423,620;
/// P(below breakeven) = 0.5 with n = 2.
@Suite("Plans held on paths")
struct HeldPlanTests {
    static func paths() throws -> Study {
        try TinyStudy().study().replacingScenarios([
            Scenario(id: "full", probability: 0.5),
            Scenario(id: "half", probability: 0.5, demand: ["video": YearSeries([2026: 0.5])]),
        ])
    }

    @Test("two paths by hand: NPV, utilization, stranded and at-risk value, below breakeven")
    func twoPathsByHand() throws {
        let plan = try #require(TestPlanning.run(try TinyStudy().study()).plan)
        let builds = PlanningOptions.StartingBuild.builds(of: plan)
        try #require(builds.count == 1)
        #expect(builds[0].facility == "near" && builds[0].hardware == "gpu" && builds[0].year == 2026)
        #expect(abs(builds[0].units - 10) < 1e-9)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options())
        let figures = try ScenarioFigures.all(of: pipeline.evaluate(try Self.paths(), builds: builds))
        try #require(figures.count == 2)
        let (full, half) = (figures[0], figures[1])
        #expect(abs(full.npv - 857_240) < 1e-6 && abs(half.npv - 423_620) < 1e-6)
        #expect(abs((full.fleet[0].utilization ?? 0) - 1) < 1e-9 && abs((half.fleet[0].utilization ?? 0) - 0.5) < 1e-9)
        #expect(abs(full.fleet[0].stranded) < 1e-6)
        // The write-off holds the block's value to 1e-9 relative (about 1e-3 USD here): not to the cent's cent.
        #expect(abs(half.fleet[0].stranded - 5_000) < 1e-3, "\(half)")
        #expect(abs(full.fleet[0].atRisk) < 1e-6 && abs(half.fleet[0].atRisk - 10_000.0 / 6) < 1e-6)
        #expect(full.belowBreakevenFinalYear == false && half.belowBreakevenFinalYear == true)

        let summaries = RiskSummaries(figures, alpha: 0.9)
        #expect(abs(summaries.npv.mean - 640_430) < 1e-6)
        #expect(abs(summaries.valueAtRisk - 423_620) < 1e-6)
        #expect(abs(summaries.conditionalValueAtRisk - 423_620) < 1e-6)
        #expect(summaries.probabilityBelowBreakeven == WilsonInterval(successes: 1, trials: 2))
    }

    @Test("held on the study's own scenarios, a plan gives optimize's and stress's figures exactly")
    func ownScenariosMatchOptimize() async throws {
        let study = try TestPlanning.compactBundledStudy()
        let planned = try TestPlanning.run(study)
        let plan = try #require(planned.plan)
        let analysis = try #require(planned.analysis)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options())
        let held = try pipeline.evaluate(study, builds: PlanningOptions.StartingBuild.builds(of: plan))
        let heldPlan = try #require(held.plan)
        let heldAnalysis = try #require(held.analysis)
        #expect(heldPlan.npvByScenario == plan.npvByScenario)
        #expect(
            heldAnalysis.stranded.fleet
                == analysis.stranded.fleet.map { row in
                    // The held run skips the stress re-solves: the rows' by-stress figures are empty.
                    var row = row
                    for figures in [\StrandedAssetRisk.Row.stranded, \.atRisk] {
                        row[keyPath: figures].byStress = []
                        row[keyPath: figures].worstStress = nil
                        row[keyPath: figures].worstStressWorkload = nil
                    }
                    return row
                })
        #expect(heldAnalysis.stranded.probabilityBelowBreakeven == analysis.stranded.probabilityBelowBreakeven)
        #expect(abs(heldPlan.objectiveUSD - plan.objectiveUSD) <= 1e-9 * abs(plan.objectiveUSD))
        let inSample = try ScenarioFigures.all(of: planned)
        #expect(try ScenarioFigures.all(of: held) == inSample)
    }

    @Test("a build the study cannot make is refused, not dropped")
    func unknownBuild() throws {
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options())
        #expect(throws: PlanningError.self) {
            try pipeline.evaluate(
                try TinyStudy().study(), builds: [.init(facility: "far", hardware: "gpu", year: 2026, units: 1)])
        }
    }
}
