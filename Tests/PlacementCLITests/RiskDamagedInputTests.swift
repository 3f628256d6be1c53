import Foundation
import PlacementTestSupport
import Testing

/// Damaged or foreign inputs to `risk` and `merge`, found by hostile use: each is refused with
/// exit 65 (64 for flags) naming the file and the record or row, and nothing is written.
extension RiskCommandTests {
    /// Reads `relative` as a JSON object, lets `edit` change it, and writes it to `to`.
    func editJSON(_ relative: String, to: String, _ edit: (inout [String: Any]) throws -> Void) throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read(relative).utf8)) as? [String: Any])
        try edit(&object)
        try cli.write(to, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }

    /// A shard whose record lacks a year crashed `merge` in the summaries; one with another id or
    /// a utilization of -5 was merged. Each is refused at its record.
    @Test func damagedShardRecordsAreRefusedAtTheRecord() throws {
        defer { cli.remove() }
        try cli.savePlan()
        for shard in 1...2 {
            let outcome = try risk(["--paths", "60", "--seed", "4", "--shard", "\(shard)/2", "-o", "s\(shard).json"])
            try #require(outcome.status == 0, "\(outcome.error)")
        }
        let edits: [(String, (inout [[String: Any]]) -> Void, String)] = [
            (
                "short", { paths in paths[0]["fleet"] = (paths[0]["fleet"] as? [Any]).map { Array($0.dropLast()) } },
                "paths[0]: 'path-00051' has fleet years 2026, 2027, 2028, 2029, not the run's 2026, 2027, 2028, 2029, 2030"
            ),
            (
                "id", { paths in paths[1]["id"] = "path-99999" },
                "paths[1]: path 'path-99999' where 'path-00052' was expected"
            ),
            (
                "probability", { paths in paths[2]["probability"] = 0.5 },
                "paths[2]: path 'path-00053' has probability 0.5, not 1/60 of the run's paths"
            ),
            (
                "utilization",
                { paths in
                    var fleet = paths[3]["fleet"] as? [[String: Any]] ?? []
                    fleet[0]["utilization"] = -5
                    paths[3]["fleet"] = fleet
                }, "paths[3]: path record 'path-00054' has utilization -5.0 in 2026, not between 0 and 1"
            ),
        ]
        for (name, edit, message) in edits {
            try editJSON("s2.json", to: "s2-\(name).json") { object in
                var paths = object["paths"] as? [[String: Any]] ?? []
                edit(&paths)
                object["paths"] = paths
            }
            let merge = try cli.run(["merge", "-o", "merged.json", "s1.json", "s2-\(name).json"])
            #expect(merge.status == 65, "\(name): \(merge.error)")
            #expect(
                merge.error == "error: \(cli.path("s2-\(name).json")): \(message)\n"
                    || merge.error.contains("s2-\(name).json: \(message)"), "\(name): \(merge.error)")
            #expect(!cli.exists("merged.json"))
        }
        let merge = try cli.run(["merge", "-o", "merged.json", "s1.json", "s2.json"])
        #expect(merge.status == 0, "\(merge.error)")
    }

    /// A progress file whose record lacks a year crashed the resumed run after evaluating every
    /// other path (and on every later resume); now it is refused at its line before any path.
    @Test func aDamagedProgressRecordIsRefusedAtItsLine() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let flags = ["--paths", "60", "--seed", "4", "--threads", "1"]
        let whole = try risk(flags + ["-o", "whole.json"])
        try #require(whole.status == 0, "\(whole.error)")
        let shard = try risk(flags + ["--shard", "1/1", "-o", "shard.json"])
        try #require(shard.status == 0, "\(shard.error)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("shard.json").utf8)) as? [String: Any])
        let fingerprint = try #require(object["fingerprint"] as? String)
        var records = try #require(object["paths"] as? [[String: Any]]).prefix(50).map { record in
            String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        }
        var damaged = try #require(object["paths"] as? [[String: Any]])[4]
        damaged["fleet"] = (damaged["fleet"] as? [Any]).map { Array($0.dropLast()) }
        records[4] = String(decoding: try JSONSerialization.data(withJSONObject: damaged), as: UTF8.self)
        let header = "# placement-risk/1 run=\(fingerprint) seed=4 paths=60 shard=1/1"
        try cli.write("run.json.partial", ([header] + records).joined(separator: "\n") + "\n")
        let resumed = try risk(flags + ["-o", "run.json", "--resume"])
        #expect(resumed.status == 65)
        #expect(
            resumed.error.contains(
                "cannot resume from run.json.partial:6: 'path-00005' has fleet years 2026, 2027, 2028, 2029, not the "
                    + "run's 2026, 2027, 2028, 2029, 2030; rerun without --resume"), "\(resumed.error)")
        #expect(!cli.exists("run.json"))

        // More records than the run has paths crashed the run after "resuming: 61 of 60 paths".
        let all = try #require(object["paths"] as? [[String: Any]]).map { record in
            String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        }
        try cli.write("run.json.partial", ([header] + all + [all[0]]).joined(separator: "\n") + "\n")
        let overfull = try risk(flags + ["-o", "run.json", "--resume"])
        #expect(overfull.status == 65)
        #expect(
            overfull.error.contains(
                "cannot resume from run.json.partial:62: a record past the run's last path (60 paths)"),
            "\(overfull.error)")
        #expect(!cli.exists("run.json"))
    }

    /// The largest seed is written with every digit (1e15 and above were written as 1.0e15).
    @Test func theLargestSeedIsWrittenWholeAndNamesTooLongForTheProgressFileAreRefused() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let largest = try risk(["--paths", "2", "--seed", "9007199254740991"])
        #expect(largest.status == 0, "\(largest.error)")
        #expect(largest.output.contains("\"seed\": 9007199254740991,"), "\(largest.output.prefix(300))")
        // 247 bytes is the longest name whose FILE.partial (8 bytes more) a file system holds.
        let long = String(repeating: "b", count: 243) + ".json"
        let refused = try risk(["--paths", "2", "-o", long])
        #expect(refused.status == 64, "\(refused.error)")
        #expect(
            refused.error.contains(
                "error: --output: the file name '\(long).partial' is 256 bytes; a file name holds at most 255"),
            "\(refused.error)")
        let fits = try risk(["--paths", "2", "-o", String(long.dropFirst())])
        #expect(fits.status == 0, "\(fits.error)")
        #expect(try cli.names() == ["study", "plan.json", String(long.dropFirst())])
    }

    /// Seeds from 2^53 up were written as the same JSON number, so shards of two seeds merged;
    /// such seeds, and shard counts above the most paths, are refused as flags.
    @Test func seedsAndShardCountsAJSONNumberCannotHoldAreRefused() throws {
        defer { cli.remove() }
        let cases: [([String], String)] = [
            (
                ["--seed", "9007199254740992"],
                "--seed must be at most 9007199254740991 (2^53 - 1), got 9007199254740992"
            ),
            (
                ["--format", "json", "-o", "s.json", "--shard", "1/100001"],
                "--shard I/N: N must be at most 100000, got 100001"
            ),
        ]
        for (flags, message) in cases {
            let outcome = try cli.run(["risk", CommandLineRun.study] + flags)
            #expect(outcome.status == 64, "\(flags): \(outcome.error)")
            #expect(outcome.error.contains(message), "\(flags): \(outcome.error)")
        }
        let sample = try cli.run(["sample", CommandLineRun.study, "--seed", "18446744073709551615", "-o", "p.yaml"])
        #expect(sample.status == 64 && sample.error.contains("--seed must be at most"), "\(sample.error)")
    }

    /// A saved plan that builds what the study cannot, that has no plan, or that lists a row twice
    /// was held as another plan (exit 0) or failed as a solver failure (exit 70); each is refused at
    /// its row before any solve.
    @Test func aPlanTheStudyCannotHoldIsRefusedAtItsRow() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("plan.json").utf8)) as? [String: Any])
        let rows = try #require(plan["capacity"] as? [[String: Any]])
        let built = try #require(rows.firstIndex { ($0["built"] as? Double ?? 0) > 0 })
        let row = rows[built]
        let name = "\(row["hardware"] ?? "") at \(row["facility"] ?? "")"
        try editJSON("plan.json", to: "late.json") { object in
            var capacity = object["capacity"] as? [[String: Any]] ?? []
            capacity[built]["year"] = 2099
            object["capacity"] = capacity
        }
        try editJSON("plan.json", to: "none.json") { object in object["capacity"] = nil }
        try editJSON("plan.json", to: "twice.json") { object in
            object["capacity"] = (object["capacity"] as? [[String: Any]] ?? []) + [row]
        }
        let hint = "  hint: hold a result of `placement optimize \(CommandLineRun.study) --format json`\n"
        let cases: [(String, String)] = [
            (
                "late.json",
                "late.json: error: capacity[\(built)]: it builds \(name) in 2099, which the study cannot build\n"
            ),
            ("none.json", "none.json: error: capacity: missing: the result holds no plan (it ended optimal)\n"),
            (
                "twice.json",
                "twice.json: error: capacity[\(rows.count)]: \(name) in \(row["year"] ?? "") is listed again (first at capacity[\(built)])\n"
            ),
        ]
        for (plan, message) in cases {
            let risk = try cli.run(["risk", CommandLineRun.study, "--plan", plan, "--paths", "3", "-o", "r.json"])
            #expect(risk.status == 65, "\(plan): \(risk.error)")
            #expect(risk.error == message + hint, "\(plan): \(risk.error)")
            let evaluate = try cli.run([
                "evaluate", plan, "--study", CommandLineRun.study, "--scenarios", "study/Models/scenarios.yaml",
            ])
            #expect(evaluate.status == 65 && evaluate.error == message + hint, "\(plan): \(evaluate.error)")
            #expect(!cli.exists("r.json"))
        }
    }

    /// An adaptive study's plan depends on its scenarios: `risk` and `report --paths` solved it and
    /// then failed as a solver failure (exit 70). Its own plan is refused before the solve, and a
    /// saved adaptive plan at its first row that depends on a scenario.
    @Test func anAdaptivePlanIsRefusedOnSampledPathsBeforeAnySolve() throws {
        defer { cli.remove() }
        try cli.makeStudyAdaptive()
        let message =
            "error: \(CommandLineRun.study): decisions: adaptive: the plan's builds depend on the study's scenarios, "
            + "so it cannot be held on sampled paths\n"
        for command in [
            ["risk", CommandLineRun.study, "--paths", "3"],
            ["report", CommandLineRun.study, "--paths", "3", "-o", "r.html"],
        ] {
            let outcome = try cli.run(command)
            #expect(outcome.status == 64, "\(command): \(outcome.error)")
            #expect(outcome.error.hasPrefix(message), "\(command): \(outcome.error)")
            #expect(outcome.error.contains("hint: hold a here-and-now plan with --plan"), "\(outcome.error)")
        }
        #expect(!cli.exists("r.html"))
        try cli.savePlan()
        let held = try cli.run(["risk", CommandLineRun.study, "--plan", "plan.json", "--paths", "3"])
        #expect(held.status == 65, "\(held.error)")
        #expect(held.error.hasPrefix("plan.json: error: capacity["), "\(held.error)")
        #expect(
            held.error.contains(
                "its builds depend on its scenarios (adaptive decisions): it can be held only on the scenarios it was "
                    + "solved for, with decisions: adaptive, not on sampled paths"), "\(held.error)")
    }

    /// An adaptive plan's rows of one node of the scenario tree are one decision: a row that
    /// disagrees with another of its node was ignored, and a row for every scenario beside rows
    /// by scenario was added. Both are refused at the row.
    @Test func adaptivePlanRowsThatContradictEachOtherAreRefused() throws {
        defer { cli.remove() }
        try cli.makeStudyAdaptive()
        try cli.savePlan()
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("plan.json").utf8)) as? [String: Any])
        let rows = try #require(plan["capacity"] as? [[String: Any]])
        // The first year has one node: every scenario's row of a fleet lists the same build.
        let first = try #require(rows.firstIndex { $0["year"] as? Int == 2026 && $0["scenario"] != nil })
        let second = try #require(
            rows.indices.first { n in
                n > first && rows[n]["year"] as? Int == 2026
                    && rows[n]["facility"] as? String == rows[first]["facility"] as? String
                    && rows[n]["hardware"] as? String == rows[first]["hardware"] as? String
            })
        try editJSON("plan.json", to: "other.json") { object in
            var capacity = object["capacity"] as? [[String: Any]] ?? []
            capacity[second]["built"] = (capacity[second]["built"] as? Double ?? 0) + 500
            object["capacity"] = capacity
        }
        try editJSON("plan.json", to: "mixed.json") { object in
            var shared = rows[first]
            shared["scenario"] = nil
            object["capacity"] = rows + [shared]
        }
        let cases = [
            ("other.json", "other.json: error: capacity[\(second)]: it builds "),
            ("mixed.json", "mixed.json: error: capacity[\(rows.count)]: it builds "),
        ]
        for (file, start) in cases {
            let outcome = try cli.run([
                "evaluate", file, "--study", CommandLineRun.study, "--scenarios", "study/Models/scenarios.yaml",
            ])
            #expect(outcome.status == 65, "\(file): \(outcome.error)")
            #expect(outcome.error.hasPrefix(start), "\(file): \(outcome.error)")
        }
        let other = try cli.run([
            "evaluate", "other.json", "--study", CommandLineRun.study, "--scenarios", "study/Models/scenarios.yaml",
        ])
        #expect(other.error.contains("and the two share a node of the scenario tree (one decision)"), "\(other.error)")
        let held = try cli.run([
            "evaluate", "plan.json", "--study", CommandLineRun.study, "--scenarios", "study/Models/scenarios.yaml",
        ])
        #expect(held.status == 0, "\(held.error)")
    }

    /// Multipliers that overflowed were held at the range's top without a word (or miscounted);
    /// `sample` and `risk` now count each one held.
    @Test func heldMultipliersAreCountedAndWarnedAbout() throws {
        defer { cli.remove() }
        let scenarios = "study/Models/scenarios.yaml"
        let text = try cli.read(scenarios)
        try cli.write(
            scenarios,
            text.replacingOccurrences(
                of: "demand.video: {drift: 0.05, volatility: 0.3}", with: "demand.video: {drift: 10, volatility: 0}"))
        // exp(10 (i + 1)) is above 1,000 in each of the 5 years: 3 paths x 5 years held.
        let warning =
            "warning: 15 sampled multipliers fell outside the scenarios file's ranges (0 to 1000; efficiency "
            + "0.001 to 1000) and were held at the nearest bound"
        let sample = try cli.run(["sample", CommandLineRun.study, "--paths", "3", "-o", "p.yaml"])
        #expect(sample.status == 0 && sample.error.contains(warning), "\(sample.error)")
        #expect(try cli.read("p.yaml").components(separatedBy: "2026: 1000, 2027: 1000, 2028: 1000").count == 4)
        try cli.savePlan()
        let risk = try cli.run(["risk", CommandLineRun.study, "--plan", "plan.json", "--paths", "3", "-o", "r.json"])
        #expect(risk.status == 0 && risk.error.contains(warning), "\(risk.error)")
    }
}
