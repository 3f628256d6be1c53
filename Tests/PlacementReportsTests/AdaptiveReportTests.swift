import Foundation
import GLPKSolver
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// The outputs of an adaptive plan (docs/design.md §9) on the phased tiny study of
/// `AdaptiveDecisionTests` (2026-2028; `bust` prices video below its energy cost from 2027): the
/// tree has one node in 2026 and 2027 and one per scenario in 2028, where `boom` builds 10
/// accelerators and `bust` none.
@Suite struct AdaptiveReportTests {
    static func phased() throws -> Study { try TinyStudy.phased.study().withDecisions(.adaptive) }

    @Test func jsonCarriesTheTreeAndCapacityByScenario() throws {
        let result = try TestPlanning.run(try Self.phased(), method: .primal)
        let text = OptimizeReport(studyPath: "tiny.yaml", result: result).json().serialized()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "sovereign-placement.optimize/3")
        #expect(root["decisions"] as? String == "adaptive")
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["year"] as? Int } == [2026, 2027, 2028, 2028])
        #expect(
            nodes.map { $0["scenarios"] as? [String] } == [["boom", "bust"], ["boom", "bust"], ["boom"], ["bust"]])
        #expect((nodes[3]["builds"] as? [Any])?.isEmpty == true)
        // Three years, two scenarios, one fleet: six capacity rows, each with its scenario.
        let capacity = try #require(root["capacity"] as? [[String: Any]])
        #expect(capacity.count == 6)
        let bust2028 = try #require(
            capacity.first { $0["year"] as? Int == 2028 && $0["scenario"] as? String == "bust" })
        #expect(bust2028["installed"] as? Double == 0)
        let boom2028 = try #require(
            capacity.first { $0["year"] as? Int == 2028 && $0["scenario"] as? String == "boom" })
        expectClose(boom2028["installed"] as? Double, 10)
        // The table lists the builds node by node.
        let table = OptimizeReport(studyPath: "tiny.yaml", result: result).table()
        #expect(table.contains("2028, scenarios {bust}: nothing"))
        #expect(table.contains("2028, scenarios {boom}: near gpu 10 (0.0 MW)"))
    }

    @Test func htmlDrawsCapacityByScenarioAndTheValueCard() throws {
        let study = try Self.phased()
        let result = try TestPlanning.run(study, method: .primal)
        var report = HTMLReport(OptimizeReport(studyPath: "tiny.yaml", result: result))
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .primal))
        report.valueOfInformation = ValueReport(try pipeline.valueOfInformation(study), studyPath: "tiny.yaml")
        let html = report.rendered()
        #expect(html.contains("id=\"capacity-by-scenario\""))
        // Linked from the contents after Capacity, unnumbered, the numbers after it unchanged.
        #expect(
            html.contains(
                "<a href=\"#capacity\">1. Capacity</a> <a href=\"#capacity-by-scenario\">Capacity by scenario</a> "
                    + "<a href=\"#service\">2. Zones served</a>"))
        // The capacity panels draw one scenario, and say which; the lead's totals are expectations.
        let panels = try #require(html.range(of: "Adaptive decisions: capacity differs by scenario, and these panels"))
        #expect(html[panels.lowerBound...].prefix(120).contains("scenario &#39;boom&#39; (the stress reference)"))
        #expect(html.contains("of capital (expected over the scenarios)."))
        #expect(html.contains("hold capacity in some scenario;"))
        #expect(html.contains("and capital spent, expected over the scenarios"))
        // One point per scenario and year; a segment per scenario between consecutive years.
        #expect(html.components(separatedBy: "class=\"scenario-point\"").count - 1 == 6)
        #expect(html.components(separatedBy: "class=\"scenario-line\"").count - 1 == 4)
        #expect(html.contains("data-kpi=\"value-of-information\""))
        // EVPI in the adaptive mode is 5,000 USD (AdaptiveDecisionTests).
        #expect(html.contains("USD 5,000"))
    }
}
