import GLPKSolver
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Stranded and at-risk book value by hand. Two years, two-year accelerators (1,000 USD,
/// crf 1/2 at rate 0): 10 are built in 2026 for 100 units/hour. Book value: 10,000 in 2026,
/// 10 x 1,000 x (1 - 1/2) = 5,000 in 2027. Scenario `low` (p 0.5) halves demand from 2027.
@Suite struct StrandedAssetRiskTests {
    func analyse() throws -> PlanAnalysis {
        var tiny = TinyStudy()
        tiny.horizon = Horizon(start: 2026, end: 2027)
        tiny.hardware = [TinyStudy.gpu(lifetime: 2)]
        tiny.scenarios = [
            Scenario(id: "base", probability: 0.5),
            Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2027: 0.5])]),
        ]
        let result = try TestPlanning.run(try tiny.study())
        let plan = try #require(result.plan)
        expectClose(plan.fleetYears.first { $0.year == 2026 }?.built, 10)
        return try #require(result.analysis)
    }

    @Test func bookValueDepreciatesStraightLine() throws {
        let risk = try analyse().stranded
        expectClose(risk.fleet[0].bookValue, 10_000)
        expectClose(risk.fleet[1].bookValue, 5_000)
    }

    /// 2027: base uses all 10 (nothing stranded); low uses 5: stranded 5,000 x 5/10 = 2,500,
    /// at risk 5,000 x (1 - 0.5/0.6) = 833.33. Expected: half of each; worst and CVaR at
    /// alpha 0.9 (the worst 10% lies in `low`): the low values.
    /// The write-off holds each block's value to 1e-7 of it (0.09 USD in 2027 base), which buys
    /// 1e-6 of an accelerator: 5e-4 USD of book value. Stranded figures are compared to that.
    @Test func strandedAndAtRiskByScenario() throws {
        let final = try #require(try analyse().stranded.fleet.last)
        #expect(final.year == 2027)
        let writeOffTolerance = 1e-3
        expectClose(final.stranded.byScenario[0], 0, relative: writeOffTolerance)
        expectClose(final.stranded.byScenario[1], 2_500, relative: writeOffTolerance / 2_500)
        expectClose(final.stranded.expected, 1_250, relative: writeOffTolerance / 1_250)
        expectClose(final.stranded.worstScenario, 2_500, relative: writeOffTolerance / 2_500)
        #expect(final.stranded.worstScenarioID == "low")
        expectClose(final.stranded.cvar, 2_500, relative: writeOffTolerance / 2_500)
        expectClose(final.atRisk.byScenario[1], 5_000 * (1 - 0.5 / 0.6))
        expectClose(final.atRisk.expected, 2_500 * (1 - 0.5 / 0.6))
    }

    /// The video stress (demand x 0.3 in `base`): 3 of 10 busy. 2026: stranded 10,000 x 0.7 =
    /// 7,000, at risk 10,000 x (1 - 0.3/0.6) = 5,000; 2027: 3,500 and 2,500.
    @Test func worstStressCase() throws {
        let risk = try analyse().stranded
        expectClose(risk.fleet[0].stranded.worstStress, 7_000)
        expectClose(risk.fleet[0].atRisk.worstStress, 5_000)
        expectClose(risk.fleet[1].stranded.worstStress, 3_500)
        expectClose(risk.fleet[1].atRisk.worstStress, 2_500)
        #expect(risk.fleet[1].stranded.worstStressWorkload == "video")
    }

    /// Fleet utilization in 2027 is 1.0 in base and 0.5 in low: below 0.6 with probability 0.5.
    @Test func probabilityBelowBreakeven() throws {
        expectClose(try analyse().stranded.probabilityBelowBreakeven, 0.5)
    }
}
