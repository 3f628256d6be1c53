import Foundation
import Testing

/// `--resume` checks that kept rows are well formed and agree across the CSV and JSONL, not that
/// their figures are right: a row edited the same way in both files is kept. `--verify N` solves
/// the blocks of N kept rows again and refuses the partial files when a row differs.
@Suite struct ResumeVerifyTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let quick = ["--skip-analysis", "--block-size", "2", "--workers", "1"]

    /// Partial files holding the first `kept` rows of a complete run, the second row's expected
    /// NPV replaced by `npv` in both files when given.
    func partialFiles(kept: Int, npv: String?) throws {
        let reference = try cli.run(["sweep", CommandLineRun.sweep, "-o", "ref"] + Self.quick)
        #expect(reference.status == 0, "\(reference.error)")
        // A file-size limit stops a run after its first lines: its partial files carry the fingerprint.
        let stopped = try cli.runUnderFileSizeLimit(blocks: 1, ["sweep", CommandLineRun.sweep, "-o", "k"] + Self.quick)
        #expect(stopped.status == 73, "\(stopped.error)")
        let csv = try cli.read("ref.csv").split(separator: "\n").map(String.init)
        let jsonl = try cli.read("ref.jsonl").split(separator: "\n").map(String.init)
        let csvHead = try #require(try cli.read("k.csv.partial").split(separator: "\n").first)
        let jsonHead = try #require(try cli.read("k.jsonl.partial").split(separator: "\n").first)
        var csvRows = Array(csv[1...kept])
        var jsonRows = Array(jsonl[0..<kept])
        if let npv {
            var fields = csvRows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let old = fields[4]
            fields[4] = npv
            csvRows[1] = fields.joined(separator: ",")
            jsonRows[1] = jsonRows[1].replacingOccurrences(
                of: "\"expected_npv_usd\":\(old),", with: "\"expected_npv_usd\":\(npv),")
            #expect(jsonRows[1].contains("\"expected_npv_usd\":\(npv),"))
        }
        try cli.write("k.csv.partial", ([String(csvHead), csv[0]] + csvRows).joined(separator: "\n") + "\n")
        try cli.write("k.jsonl.partial", ([String(jsonHead)] + jsonRows).joined(separator: "\n") + "\n")
    }

    @Test func aRowEditedInBothFilesIsKeptByResumeAndRefusedByVerify() throws {
        defer { cli.remove() }
        try partialFiles(kept: 4, npv: "1")
        let before = try cli.read("k.csv.partial") + cli.read("k.jsonl.partial")
        let verified = try cli.run(
            ["sweep", CommandLineRun.sweep, "-o", "k", "--resume", "--verify", "4"] + Self.quick)
        #expect(verified.status == 65)
        #expect(
            verified.error.contains("error: cannot resume from k.csv.partial: 1 of 4 kept rows checked differ"),
            "\(verified.error)")
        #expect(try cli.read("k.csv.partial") + cli.read("k.jsonl.partial") == before)
        #expect(!cli.exists("k.lock") && !cli.exists("k.csv"))
        // Without --verify the well-formed, consistent edit is kept, as docs/outputs.md says.
        let resumed = try cli.run(["sweep", CommandLineRun.sweep, "-o", "k", "--resume"] + Self.quick)
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(try cli.read("k.csv") != cli.read("ref.csv"))
    }

    @Test func untouchedRowsPassVerifyAndGiveTheSameBytes() throws {
        defer { cli.remove() }
        try partialFiles(kept: 3, npv: nil)
        let verified = try cli.run(
            ["sweep", CommandLineRun.sweep, "-o", "k", "--resume", "--verify", "2"] + Self.quick)
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.error.contains("verified 2 kept rows by solving"), "\(verified.error)")
        #expect(try cli.read("k.csv") == cli.read("ref.csv"))
        #expect(try cli.read("k.jsonl") == cli.read("ref.jsonl"))
    }

    @Test func verifyNeedsResume() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["sweep", CommandLineRun.sweep, "-o", "k", "--verify", "2"])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("--verify checks kept rows: use it with --resume"), "\(outcome.error)")
    }
}
