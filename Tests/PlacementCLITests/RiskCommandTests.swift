import Foundation
import Testing

/// `placement risk`: the JSON's keys, the same bytes whatever the thread count, the samples file
/// it writes, and bad flags refused naming the flag.
@Suite struct RiskCommandTests {
    let cli: CommandLineRun

    init() throws {
        cli = try CommandLineRun()
        try cli.appendUncertainty()
    }

    @Test func jsonKeysAndTheSameBytesWithOneAndTwoThreads() throws {
        defer { cli.remove() }
        try cli.savePlan()
        var outputs: [String] = []
        for threads in ["1", "2"] {
            let outcome = try cli.run([
                "risk", CommandLineRun.study, "--plan", "plan.json", "--paths", "6", "--seed", "3", "--threads",
                threads,
                "--format", "json", "--write-samples", "paths-\(threads).yaml",
            ])
            try #require(outcome.status == 0, "\(outcome.error)")
            outputs.append(outcome.output)
        }
        #expect(outputs[0] == outputs[1])
        #expect(try cli.read("paths-1.yaml") == cli.read("paths-2.yaml"))
        let sample = try cli.run(["sample", CommandLineRun.study, "--paths", "6", "--seed", "3", "-o", "sampled.yaml"])
        try #require(sample.status == 0, "\(sample.error)")
        #expect(try cli.read("paths-1.yaml") == cli.read("sampled.yaml"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "sovereign-placement.risk/1")
        let paths = try #require(json["paths"] as? [[String: Any]])
        #expect(paths.count == 6)
        let first = try #require(paths.first)
        #expect(first["id"] as? String == "path-00001")
        #expect(Set(first.keys).isSuperset(of: ["id", "npv_usd", "fleet", "below_breakeven_final_year"]))
        let fleet = try #require(first["fleet"] as? [[String: Any]])
        #expect(fleet.count == 5)
        #expect(Set(fleet[0].keys) == ["year", "utilization", "stranded_usd", "at_risk_usd"])
        let summaries = try #require(json["summaries"] as? [String: Any])
        #expect(Set(summaries.keys) == ["npv", "utilization", "stranded", "at_risk"])
        let npv = try #require(summaries["npv"] as? [String: Any])
        #expect(Set(npv.keys) == ["mean", "standard_error", "quantiles", "var", "cvar"])
        let quantiles = try #require(npv["quantiles"] as? [String: Any])
        #expect(Set(quantiles.keys) == ["p5", "p10", "p25", "p50", "p75", "p90", "p95"])
        #expect((summaries["stranded"] as? [Any])?.count == 5)
        let below = try #require(json["probability_below_breakeven"] as? [String: Any])
        #expect(Set(below.keys) == ["value", "low", "high"])
        let inSample = try #require(json["in_sample"] as? [String: Any])
        #expect((inSample["scenarios"] as? [Any])?.count == 3)
        #expect(inSample["summaries"] is [String: Any])
        let samples = try #require(json["samples"] as? [String: Any])
        #expect(samples["seed"] as? Int == 3 && samples["paths"] as? Int == 6)
        #expect(samples["sampler"] as? String == "latin-hypercube")
    }

    @Test func badFlagsAreRefusedNamingTheFlag() throws {
        defer { cli.remove() }
        let cases: [([String], String)] = [
            (["--paths", "0"], "--paths must be between 1 and 100000, got 0"),
            (["--plan", "plan.yaml"], "--plan needs a saved result of `placement optimize --format json`"),
            (["--write-samples", ""], "--write-samples needs a file name"),
        ]
        for (flags, message) in cases {
            let outcome = try cli.run(["risk", CommandLineRun.study] + flags)
            #expect(outcome.status == 64, "\(flags): \(outcome.error)")
            #expect(outcome.error.contains(message), "\(flags): \(outcome.error)")
        }
    }

    @Test func aStudyWithoutUncertaintyIsRefused() throws {
        defer { cli.remove() }
        let scenarios = cli.directory.appendingPathComponent("study/Models/scenarios.yaml")
        let text = try String(contentsOf: scenarios, encoding: .utf8)
        try #require(text.contains("uncertainty:"))
        try String(text[..<text.range(of: "uncertainty:")!.lowerBound]).write(
            to: scenarios, atomically: true, encoding: .utf8)
        let outcome = try cli.run(["risk", CommandLineRun.study, "--paths", "2"])
        #expect(outcome.status == 65, "\(outcome.error)")
        #expect(outcome.error.contains("no 'uncertainty' section"), "\(outcome.error)")
    }
}
