import Foundation
import Testing

/// `placement evaluate`: a saved plan held on the study's own scenarios file reports optimize's
/// NPV and fleet stranded and at-risk value by scenario; bad flags are refused.
@Suite struct EvaluateCommandTests {
    let cli: CommandLineRun

    init() throws { cli = try CommandLineRun() }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Relative 1e-9: optimize's canonical stage may start each block from the basis the
    /// investment solve left (the decomposed method), evaluate's from a cold one; both hold the
    /// block's optimal value, so the figures agree to the simplex's precision, not always to the bit.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    @Test func ownScenariosGiveOptimizesFigures() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let evaluate = try cli.run([
            "evaluate", "plan.json", "--scenarios", "study/Models/scenarios.yaml", "--format", "json",
        ])
        try #require(evaluate.status == 0, "\(evaluate.error)")
        let saved = try json(try cli.read("plan.json"))
        let held = try json(evaluate.output)
        #expect(held["schema"] as? String == "sovereign-placement.evaluate/1")
        #expect(held["study"] as? String == CommandLineRun.study)
        let scenarios = try #require(held["scenarios"] as? [[String: Any]])
        let planned = try #require(saved["scenarios"] as? [[String: Any]])
        try #require(scenarios.count == planned.count)
        for (a, b) in zip(scenarios, planned) {
            #expect(a["id"] as? String == b["id"] as? String)
            #expect(Self.close(a["npv_usd"] as? Double ?? .nan, b["npv_usd"] as? Double ?? .nan), "\(a) \(b)")
        }
        let stranded = try #require(saved["stranded_assets"] as? [String: Any])
        let fleet = try #require(stranded["fleet"] as? [[String: Any]])
        for (s, scenario) in scenarios.enumerated() {
            let years = try #require(scenario["fleet"] as? [[String: Any]])
            try #require(years.count == fleet.count)
            for (year, row) in zip(years, fleet) {
                #expect(year["year"] as? Int == row["year"] as? Int)
                for (key, figure) in [("stranded_usd", "stranded"), ("at_risk_usd", "at_risk")] {
                    let byScenario = (row[figure] as? [String: Any])?["by_scenario_usd"] as? [Double] ?? []
                    #expect(
                        Self.close(year[key] as? Double ?? .nan, byScenario[s]),
                        "\(key) \(year) \(byScenario)")
                }
            }
        }
    }

    @Test func badFlagsAreRefused() throws {
        defer { cli.remove() }
        let study = try cli.run([
            "evaluate", CommandLineRun.study, "--scenarios", "study/Models/scenarios.yaml", "--study", "x.yaml",
        ])
        #expect(study.status == 64)
        #expect(study.error.contains("--study goes with a saved plan"), "\(study.error)")
        let missing = try cli.run(["evaluate", "plan.json"])
        #expect(missing.status == 64)
        #expect(missing.error.contains("--scenarios"), "\(missing.error)")
    }
}
