import Foundation
import Testing

/// `compare --format csv` writes strings read from a saved result: one that a spreadsheet would
/// run as a formula is written as text (a leading `'`).
@Suite struct CompareCSVTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    @Test func aFormulaInASavedResultIsWrittenAsText() throws {
        defer { cli.remove() }
        let saved = try cli.run([
            "optimize", CommandLineRun.study, "--format", "json", "--skip-analysis", "-o", "a.json",
        ])
        #expect(saved.status == 0, "\(saved.error)")
        let text = try cli.read("a.json")
        try cli.write(
            "b.json",
            text.replacingOccurrences(of: #""riyadh-hexagon""#, with: #""=HYPERLINK(\"http://x\",\"y\")""#)
                .replacingOccurrences(of: #""abu-dhabi-campus""#, with: #""@SUM(A1)""#))
        let outcome = try cli.run(["compare", "a.json", "b.json", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains(#""'=HYPERLINK(""http://x"",""y"")""#), "\(outcome.output)")
        #expect(outcome.output.contains(",'@SUM(A1),"), "\(outcome.output)")
        let cells = outcome.output.split(separator: "\n").flatMap { $0.split(separator: ",") }
        #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("@") || $0.hasPrefix("\"=") })
    }
}
