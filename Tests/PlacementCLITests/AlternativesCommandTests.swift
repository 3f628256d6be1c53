import Foundation
import Testing

/// `placement alternatives` as a user runs it: the JSON schema's keys, a group per facility with
/// its range read against the material share, CSV rows, and the flags' validation.
@Suite struct AlternativesCommandTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    @Test func jsonHasEveryGroupWithItsRangeAndVerdict() throws {
        defer { cli.remove() }
        let outcome = try cli.run([
            "alternatives", CommandLineRun.study, "--slack", "0.02", "--by", "facility", "--format", "json", "-o",
            "alternatives.json",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        let data = try Data(contentsOf: cli.directory.appendingPathComponent("alternatives.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["schema"] as? String == "sovereign-placement.alternatives/1")
        #expect(root["slack"] as? Double == 0.02)
        #expect(root["material"] as? Double == 0.01)
        #expect(root["by"] as? String == "facility")
        let objective = try #require(root["objective_usd"] as? Double)
        let capital = try #require(root["plan_capital_usd"] as? Double)
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(!groups.isEmpty)
        for group in groups {
            let least = try #require(group["min_capital_usd"] as? Double)
            let most = try #require(group["max_capital_usd"] as? Double)
            #expect(least <= most + 1e-6 * max(1, most))
            let verdict = try #require(group["verdict"] as? String)
            let material = 0.01 * capital
            #expect(
                verdict == (least >= material && least > 0 ? "essential" : most < material ? "excluded" : "optional"))
            // Every extreme plan is within the slack of the optimum (to the solve's 1e-7 gap).
            for key in ["min_plan", "max_plan"] {
                let plan = try #require(group[key] as? [String: Any])
                let value = try #require(plan["objective_usd"] as? Double)
                #expect(value >= objective - 0.02 * abs(objective) - 1e-7 * abs(objective))
                #expect(plan["builds"] is [[String: Any]])
            }
            for key in ["group", "plan_capital_usd", "min_plan_it_mw", "max_plan_it_mw"] { #expect(group[key] != nil) }
        }
    }

    @Test func csvHasOneRowPerGroup() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["alternatives", CommandLineRun.study, "--by", "hardware", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.first == "group,min_capital_usd,max_capital_usd,min_plan_it_mw,max_plan_it_mw,verdict")
        #expect(lines.count > 1)
    }

    @Test(arguments: [
        (["--slack", "0.9"], "--slack must be in [0, 0.5], got 0.9"),
        (["--material", "-1"], "--material must be in [0, 1], got -1.0"),
        (["--by", "planet"], "The value 'planet' is invalid for '--by <by>'"),
    ])
    func badFlagsAreUsageErrorsNamingTheFlag(flags: [String], message: String) throws {
        defer { cli.remove() }
        let outcome = try cli.run(["alternatives", CommandLineRun.study] + flags)
        #expect(outcome.status == 64)
        #expect(outcome.error.contains(message), "\(outcome.error)")
    }
}
