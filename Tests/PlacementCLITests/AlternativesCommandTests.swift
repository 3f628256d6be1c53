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

    /// The same study made adaptive (decisions: adaptive): capital and IT MW are expected values,
    /// flagged in the JSON and the table, and every build names its node and the node's scenarios;
    /// the first year has one node holding every scenario. `explain` searches it too.
    @Test func adaptiveStudyHasExpectedCapitalAndBuildsPerNode() throws {
        defer { cli.remove() }
        try cli.makeStudyAdaptive()
        let outcome = try cli.run(["alternatives", CommandLineRun.study, "--format", "json"])
        try #require(outcome.status == 0, "\(outcome.error)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(root["expected"] as? Bool == true)
        let planBuilds = try #require(root["plan_builds"] as? [[String: Any]])
        #expect(!planBuilds.isEmpty)
        let groups = try #require(root["groups"] as? [[String: Any]])
        let extremes = try groups.flatMap { group in
            try ["min_plan", "max_plan"].flatMap { key in
                try #require((group[key] as? [String: Any])?["builds"] as? [[String: Any]])
            }
        }
        let years = planBuilds.compactMap { $0["year"] as? Double }
        for build in planBuilds + extremes {
            #expect(build["node"] is Double)
            let scenarios = try #require(build["scenarios"] as? [String])
            #expect(!scenarios.isEmpty)
            if build["year"] as? Double == years.min() { #expect(build["node"] as? Double == 0) }
        }
        // Some later year splits into nodes of fewer scenarios than the first year's.
        let counts = planBuilds.compactMap { ($0["scenarios"] as? [String])?.count }
        #expect(counts.min() ?? 0 < counts.max() ?? 0)
        for group in groups {
            let (least, most) = (
                group["min_capital_usd"] as? Double ?? .nan, group["max_capital_usd"] as? Double ?? .nan
            )
            let plan = try #require(group["plan_capital_usd"] as? Double)
            #expect(least <= plan + 1e-6 * max(1, plan) && plan <= most + 1e-6 * max(1, most))
        }
        let table = try cli.run(["alternatives", CommandLineRun.study])
        #expect(table.output.contains("Adaptive decisions: capital and IT MW are expected values"))
        let explain = try cli.run(["explain", CommandLineRun.study, "--format", "json"])
        try #require(explain.status == 0, "\(explain.error)")
        let prices = try #require(try JSONSerialization.jsonObject(with: Data(explain.output.utf8)) as? [String: Any])
        #expect((prices["fleets"] as? [[String: Any]])?.isEmpty == false)
    }

    /// The study built in whole blocks of 1,000 accelerators (`integer_blocks`): each extreme is
    /// a branch and bound of the master, so every build of every plan is a whole number of
    /// blocks, every extreme plan is within the slack, and each group's range holds its capital
    /// in the optimal plan.
    @Test func integerBlocksGiveWholeBlockPlansWithinTheSlack() throws {
        defer { cli.remove() }
        let path = cli.path(CommandLineRun.study)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data((text + "integer_blocks: {units: 1000}\n").utf8).write(to: URL(fileURLWithPath: path))
        // The table read the decomposition's gap alone ("gap 0.0e+00"): the master is a MIP solved to
        // its own gap, which it now shows beside it.
        let optimize = try cli.run(["optimize", CommandLineRun.study, "--method", "decomposed", "--skip-analysis"])
        try #require(optimize.status == 0, "\(optimize.error)")
        #expect(optimize.output.contains(", MIP gap "), "\(optimize.output.suffix(400))")
        #expect(optimize.output.contains("(read the two together)"))
        let outcome = try cli.run(["alternatives", CommandLineRun.study, "--format", "json"])
        try #require(outcome.status == 0, "\(outcome.error)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let objective = try #require(root["objective_usd"] as? Double)
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(groups.count == 4)
        var builds = try #require(root["plan_builds"] as? [[String: Any]])
        for group in groups {
            let least = try #require(group["min_capital_usd"] as? Double)
            let most = try #require(group["max_capital_usd"] as? Double)
            let plan = try #require(group["plan_capital_usd"] as? Double)
            #expect(least <= plan + 1e-6 * max(1, plan) && plan <= most + 1e-6 * max(1, most))
            for key in ["min_plan", "max_plan"] {
                let extreme = try #require(group[key] as? [String: Any])
                let value = try #require(extreme["objective_usd"] as? Double)
                #expect(value >= objective - 0.02 * abs(objective) - 1e-7 * abs(objective))
                builds += try #require(extreme["builds"] as? [[String: Any]])
            }
        }
        #expect(!builds.isEmpty)
        for build in builds {
            let units = try #require(build["units"] as? Double)
            #expect(units > 0 && units.truncatingRemainder(dividingBy: 1000) == 0, "\(build)")
        }
    }

    @Test func csvHasOneRowPerGroup() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["alternatives", CommandLineRun.study, "--by", "hardware", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let lines = outcome.output.split(separator: "\n")
        #expect(
            lines.first
                == "group,plan_capital_usd,min_capital_usd,max_capital_usd,min_plan_it_mw,max_plan_it_mw,verdict")
        #expect(lines.count > 1)
    }

    /// `--gap 0` is accepted, but no evaluated point met a gap of exactly 0: the search failed with
    /// an internal error (exit 70). It takes round-off (1e-9) as its gap now, and the optimal
    /// plan's capital stays within every group's range.
    @Test func aGapOfZeroStillFindsEveryExtreme() throws {
        defer { cli.remove() }
        let outcome = try cli.run([
            "alternatives", CommandLineRun.study, "--gap", "0", "--by", "hardware", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(!groups.isEmpty)
        for group in groups {
            let least = try #require(group["min_capital_usd"] as? Double)
            let most = try #require(group["max_capital_usd"] as? Double)
            let planned = try #require(group["plan_capital_usd"] as? Double)
            #expect(least <= planned + 1e-6 * max(1, planned) && planned <= most + 1e-6 * max(1, most), "\(group)")
        }
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
