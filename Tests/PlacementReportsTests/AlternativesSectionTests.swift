import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// The report's "Near-optimal alternatives" section on a tiny study with a cheap site the demand
/// needs and a dear one (the hand derivation is in NearOptimalAlternativesTests): cheap is
/// essential (least 9,600.58 USD against a material 100), dear optional (0 to 17,144.80).
@Suite struct AlternativesSectionTests {
    @Test func rangeBarsCarryTheVerdictsAndThePlanMark() throws {
        var tiny = TinyStudy()
        tiny.facilities = [
            TinyStudy.facility("cheap", electricity: 100), TinyStudy.facility("dear", electricity: 5_000),
        ]
        tiny.latency = [
            LatencyPair(zone: "home", facility: "cheap"): 10, LatencyPair(zone: "home", facility: "dear"): 10,
        ]
        let study = try tiny.study()
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let found = try pipeline.alternatives(study, slack: 0.02, by: .facility)
        let alternatives = AlternativesReport(found, studyPath: "tiny.yaml", material: 0.01)
        #expect(found.groups.map(\.name) == ["cheap", "dear"])
        #expect(found.groups.map { alternatives.verdict($0) } == [.essential, .optional])
        expectClose(found.groups[0].planCapitalUSD, 10_000, relative: 1e-9)

        var html = HTMLReport(OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(study)))
        #expect(!html.rendered().contains("id=\"alternatives\""))
        html.alternatives = alternatives
        let page = html.rendered()
        #expect(page.contains("<section id=\"alternatives\""))
        #expect(page.contains("<h2>7. Near-optimal alternatives</h2>"))
        #expect(page.contains("data-group=\"cheap\" data-verdict=\"essential\""))
        #expect(page.contains("data-group=\"dear\" data-verdict=\"optional\""))
        #expect(page.components(separatedBy: "class=\"plan-mark\"").count == 3)
        #expect(page.contains("href=\"#alternatives\""))
    }
}
