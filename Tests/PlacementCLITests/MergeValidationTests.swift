import Foundation
import Testing

/// `merge` checks every shard row as `--resume` does: an edited row, a spreadsheet formula
/// among them, is refused (exit 65) with the file and line, with or without `--sweep`.
@Suite struct MergeValidationTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    /// The two shards of the fixture sweep, as CSV and JSONL.
    func shards() throws {
        for shard in 1...2 {
            let outcome = try cli.run([
                "sweep", CommandLineRun.sweep, "--output", "part", "--shard", "\(shard)/2", "--skip-analysis",
                "--block-size", "2",
            ])
            #expect(outcome.status == 0, "\(outcome.error)")
        }
    }

    /// Replaces field `field` (0-based) of the first row of a CSV shard.
    func editCSV(_ name: String, field: Int, to value: String) throws {
        var lines = try cli.read(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[field] = value
        lines[2] = fields.joined(separator: ",")
        try cli.write(name, lines.joined(separator: "\n"))
    }

    @Test(arguments: [[], ["--sweep", CommandLineRun.sweep]])
    func anEditedRowIsRefused(sweep: [String]) throws {
        defer { cli.remove() }
        try shards()
        let csv = ["part.shard-1-of-2.csv", "part.shard-2-of-2.csv"]
        let intact = try cli.run(["merge", "--output", "all.csv"] + sweep + csv)
        #expect(intact.status == 0, "\(intact.error)")
        // The expected NPV (after the variant, two varied values and the status) becomes a formula.
        try editCSV(csv[0], field: 4, to: "=HYPERLINK(\"\"http://x\"\")")
        let formula = try cli.run(["merge", "--output", "bad.csv"] + sweep + csv)
        #expect(formula.status == 65)
        #expect(formula.error.contains("error: part.shard-1-of-2.csv:3: '=HYPERLINK("), "\(formula.error)")
        // A number not as placement writes it (a plausible value written canonically cannot be told apart).
        try editCSV(csv[0], field: 4, to: "1.0")
        let number = try cli.run(["merge", "--output", "bad.csv"] + sweep + csv)
        #expect(number.status == 65)
        #expect(
            number.error.contains("error: part.shard-1-of-2.csv:3: it is not a row as placement writes it (edited?)"),
            "\(number.error)")
        let jsonl = csv.map { $0.replacingOccurrences(of: ".csv", with: ".jsonl") }
        let text = try cli.read(jsonl[1])
        let edited = text.replacingOccurrences(
            of: #""expected_npv_usd":"#, with: #""expected_npv_usd":"=HYPERLINK()","x":"#)
        #expect(edited != text)
        try cli.write(jsonl[1], edited)
        let json = try cli.run(["merge", "--output", "bad.jsonl"] + sweep + jsonl)
        #expect(json.status == 65)
        #expect(
            json.error.contains("error: part.shard-2-of-2.jsonl:2: it is not a JSON object of a sweep row"),
            "\(json.error)")
        #expect(!cli.exists("bad.csv") && !cli.exists("bad.jsonl"))
    }
}
