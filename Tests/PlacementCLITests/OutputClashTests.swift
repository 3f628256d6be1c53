import Foundation
import Testing

/// Every file a command reads is an input, saved results and sweep bases included, and every
/// file it writes (a sweep's lock and partial files included) is an output: no output may be an
/// input, two outputs of one run may not share a file, and only one may go to standard output.
@Suite struct OutputClashTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let study = CommandLineRun.study

    /// A saved result of the fixture study, as `a.json`.
    func saveResult(_ name: String = "a.json") throws -> String {
        let outcome = try cli.run(["optimize", Self.study, "--format", "json", "--output", name, "--skip-analysis"])
        #expect(outcome.status == 0, "\(outcome.error)")
        return try cli.read(name)
    }

    @Test func compareAndReportRefuseToWriteOverASavedResultTheyRead() throws {
        defer { cli.remove() }
        let saved = try saveResult()
        try cli.write("b.json", saved)
        let compare = try cli.run(["compare", "a.json", "b.json", "-o", "a.json"])
        #expect(compare.status == 64)
        #expect(
            compare.error.contains(
                "error: --output a.json is a saved result read by this run; writing it would destroy the input"),
            "\(compare.error)")
        let changed = try cli.run(["compare", "a.json", "b.json", "-o", "./b.json"])
        #expect(changed.status == 64)
        #expect(changed.error.contains("error: --output ./b.json is a saved result read by this run (b.json)"))
        let report = try cli.run(["report", Self.study, "--compare", "a.json", "-o", "a.json"])
        #expect(report.status == 64)
        #expect(report.error.contains("error: --output a.json is a saved result read by this run"), "\(report.error)")
        #expect(try cli.read("a.json") == saved)
        #expect(try cli.read("b.json") == saved)
    }

    @Test(arguments: [
        (
            ["--format", "json", "--export-mps", "a.json", "-o", "a.json"],
            "error: --output and --export-mps name the same file (a.json); one would replace the other"
        ),
        (
            ["--export-lp", "c", "--export-mps", "./c", "-o", "plan.txt"],
            "error: --export-lp and --export-mps name the same file (c and ./c); one would replace the other"
        ),
        (
            ["--export-lp", "-", "--export-mps", "-", "--format", "json", "-o", "plan.json"],
            "error: --export-lp and --export-mps both write to standard output"
        ),
        (
            ["--export-lp", "-", "--format", "json"],
            "error: --output (standard output by default) and --export-lp both write to standard output"
        ),
    ])
    func twoOutputsOfOneRunMayNotShareAFile(options: [String], message: String) throws {
        defer { cli.remove() }
        try cli.write("a.json", "old\n")
        let outcome = try cli.run(["optimize", Self.study, "--skip-analysis"] + options)
        #expect(outcome.status == 64)
        #expect(outcome.error.contains(message), "\(outcome.error)")
        #expect(outcome.output.isEmpty)
        #expect(try cli.read("a.json") == "old\n")
        #expect(try cli.names() == ["study", "a.json"])
    }

    @Test(arguments: [("p.lock", "p"), ("q.csv.partial", "q"), ("r.jsonl.partial", "r.csv")])
    func aSweepRefusesABaseStudyNamedLikeItsLockOrPartialFile(base: String, prefix: String) throws {
        defer { cli.remove() }
        // The base study, copied under the name of one of the sweep's own files (its paths are relative to it).
        try FileManager.default.copyItem(
            atPath: cli.path("study/Models/baseline.yaml"), toPath: cli.path("study/Models/\(base)"))
        let sweep = try cli.read(CommandLineRun.sweep).replacingOccurrences(
            of: "base: baseline.yaml", with: "base: \(base)")
        try cli.write("study/Models/s.yaml", sweep)
        let copy = try cli.read("study/Models/\(base)")
        let outcome = try cli.run([
            "sweep", "study/Models/s.yaml", "--output", "study/Models/\(prefix)", "--skip-analysis",
        ])
        #expect(outcome.status == 64)
        #expect(
            outcome.error.contains("is the sweep's base study of this run; writing it would destroy the input"),
            "\(outcome.error)")
        #expect(try cli.read("study/Models/\(base)") == copy)
    }

    @Test func standardOutputIsKnownByTheFileItIs() throws {
        defer { cli.remove() }
        try cli.write("out.txt", "")
        let redirected = try cli.run(
            ["optimize", Self.study, "--skip-analysis", "--export-lp", "out.txt"], standardOutput: cli.path("out.txt"))
        #expect(redirected.status == 64)
        #expect(
            redirected.error.contains(
                "error: --output (standard output by default) and --export-lp both write to standard output"),
            "\(redirected.error)")
        // A device takes any number of outputs.
        let discarded = try cli.run([
            "optimize", Self.study, "--skip-analysis", "--export-lp", "/dev/null", "--export-mps", "/dev/null",
        ])
        #expect(discarded.status == 0, "\(discarded.error)")
    }

    @Test func anOutputBelowAFileSaysItIsAFile() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["optimize", Self.study, "-o", "study/Models/baseline.yaml/x"])
        #expect(outcome.status == 64)
        #expect(
            outcome.error.contains("error: --output: study/Models/baseline.yaml is a file, not a directory"),
            "\(outcome.error)")
    }
}
