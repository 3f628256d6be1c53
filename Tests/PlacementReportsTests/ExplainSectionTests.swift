import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// `placement explain`'s words and the report's "What would change the plan" section on a tiny
/// study (TinyStudy's numbers: 10 accelerators serve the demand, each draws 8.76 MWh a year and
/// sells 87,600 USD of work): near (100 USD/MWh, room for 5 accelerators) and next (200 USD/MWh,
/// room for all), each allowing one accelerator at 1,000 USD.
///
/// - near builds 5 and would stop above 1,000 + 1,752 - 876 = 1,876 USD (+88%): next serves it all.
/// - next builds 5 and would stop above 87,600 - 1,752 = 85,848 USD: the demand goes unserved.
/// - near's power binds: one more MW (1,000 accelerators, the first 5 of which move from next)
///   saves 1,752 - 876 = 876 USD per accelerator: 876,000 USD per MW at the margin.
@Suite struct ExplainSectionTests {
    static func prices() throws -> (BreakEvenPrices, Study) {
        var tiny = TinyStudy()
        var near = TinyStudy.facility("near", powerMW: 0.005, electricity: 100)
        near.allowedHardware = ["gpu-a"]
        var next = TinyStudy.facility("next", electricity: 200)
        next.allowedHardware = ["gpu-b"]
        tiny.facilities = [near, next]
        tiny.hardware = [TinyStudy.gpu("gpu-a"), TinyStudy.gpu("gpu-b")]
        tiny.latency = [
            LatencyPair(zone: "home", facility: "near"): 10, LatencyPair(zone: "home", facility: "next"): 10,
        ]
        let study = try tiny.study()
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        return (try pipeline.explain(study), study)
    }

    @Test func statementsSayTheBreakEvensInDomainWords() throws {
        let (prices, _) = try Self.prices()
        let report = ExplainReport(prices, studyPath: "tiny.yaml")
        let near = try #require(prices.fleets.first { $0.facility == "near" })
        let exit = try #require(near.breakEvenUnitCapexUSD)
        #expect(exit >= 1876 * (1 - 1e-9) && exit <= 1876 * 1.001)
        #expect(report.statement(near).hasPrefix("near would build no gpu-a above 1,87"))
        #expect(report.statement(near).hasSuffix(" USD per unit (+88%); today it builds 5 at 1,000 USD per unit"))
        #expect(!prices.builtUnitsAreExpected)
        let next = try #require(prices.fleets.first { $0.facility == "next" })
        let nextExit = try #require(next.breakEvenUnitCapexUSD)
        #expect(nextExit >= 85_848 * (1 - 1e-9) && nextExit <= 85_848 * 1.001)
        let limits = report.bindingLimits
        #expect(limits.count == 1)
        #expect(
            report.statement(try #require(limits.first)) == "one more MW at near in 2026 would add 876,000 USD to NPV")
        let table = report.table()
        #expect(table.contains("  near would build no gpu-a above "))
        #expect(table.contains("Limits at the optimum (shadow prices: the first unit only):"))
    }

    @Test func theReportGetsAWhatWouldChangeThePlanSection() throws {
        let (prices, study) = try Self.prices()
        var html = HTMLReport(OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(study)))
        #expect(!html.rendered().contains("id=\"explain\""))
        html.explain = ExplainReport(prices, studyPath: "tiny.yaml")
        let page = html.rendered()
        #expect(page.contains("<section id=\"explain\""))
        #expect(page.contains("<h2>7. What would change the plan</h2>"))
        #expect(page.contains("<li>near would build no gpu-a above 1,87"))
        #expect(page.contains("<li>one more MW at near in 2026 would add 876,000 USD to NPV</li>"))
        #expect(page.contains("href=\"#explain\""))

        // With the risk section before it, each has its own number, the one the contents give.
        html.risk = RiskSectionTests.report
        let both = html.rendered()
        #expect(both.contains("<h2>7. Risk over sampled paths</h2>"))
        #expect(both.contains("<h2>8. What would change the plan</h2>"))
        #expect(both.contains("<a href=\"#risk\">7. Risk over sampled paths</a> <a href=\"#explain\">8. What would"))
    }
}
