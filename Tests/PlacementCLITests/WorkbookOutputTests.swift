import Foundation
import PlacementTestSupport
import Testing

/// `--format xlsx` run as a subprocess: the workbook read back (unzipped, XML parsed) against the
/// JSON of the same run, its charts and formats, byte-identical runs, and where it is refused.
@Suite(.serialized)
struct WorkbookOutputTests {
    static let study = CommandLineRun.study
    static let sheets = [
        "Summary", "Scenarios", "Capacity", "Capacity by year", "Utilization", "Fleet utilization", "Demand",
        "Financials", "Shadow prices", "Unreachable demand", "Resilience", "Stranded and at risk", "Stranded by case",
        "Assumptions", "Facilities", "Accelerators", "Workloads", "Tenants",
    ]

    /// A cell's number as written in the sheet XML against the JSON's: equal to the 15 significant
    /// digits Excel keeps. libxlsxwriter prints 16 digits with its own conversion, whose 16th digit
    /// may differ from the correctly rounded one by one.
    static func expectSame(_ cell: XLSXPackage.Cell?, _ json: Any?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cell?.type == nil, sourceLocation: sourceLocation)
        guard let written = cell?.value.flatMap(Double.init), let expected = (json as? NSNumber)?.doubleValue else {
            Issue.record("no number: \(String(describing: cell)) against \(String(describing: json))")
            return
        }
        #expect(
            abs(written - expected) <= 1e-15 * abs(expected), "\(written) against \(expected)",
            sourceLocation: sourceLocation)
    }

    @Test func optimizeWritesTheSheetsAndFiguresOfItsJSON() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        #expect(try cli.run(["optimize", Self.study, "--format", "json", "-o", "plan.json"]).status == 0)
        let run = try cli.run(["optimize", Self.study, "--format", "xlsx", "-o", "plan.xlsx"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.isEmpty)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("plan.json").utf8)) as? [String: Any])
        let book = try XLSXPackage(path: cli.path("plan.xlsx"))
        #expect(book.sheetNames == Self.sheets)

        let capacity = try #require(json["capacity"] as? [[String: Any]])
        let capacityRows = try book.rows(of: "Capacity")
        #expect(capacityRows.count == capacity.count + 1)
        for (index, row) in capacity.enumerated() where index % 7 == 0 {
            let cells = capacityRows[index + 1]
            #expect(cells[0].value == row["facility"] as? String)
            #expect(cells[1].value == row["hardware"] as? String)
            Self.expectSame(cells[4], row["installed"])
            Self.expectSame(cells[6], row["it_mw"])
            Self.expectSame(cells[7], row["capex_usd"])
        }

        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        let scenarioRows = try book.rows(of: "Scenarios")
        #expect(scenarioRows.count == scenarios.count + 1)
        for (row, scenario) in zip(scenarioRows.dropFirst(), scenarios) {
            #expect(row[0].value == scenario["id"] as? String)
            Self.expectSame(row[2], scenario["npv_usd"])
        }

        let utilization = try #require((json["utilization"] as? [String: Any])?["fleets"] as? [[String: Any]])
        let utilizationRows = try book.rows(of: "Utilization")
        #expect(utilizationRows.count == utilization.count + 1)
        Self.expectSame(utilizationRows.last?[5], utilization.last?["used_hours"])

        let summary = try book.rows(of: "Summary")
        let expectedNPV = summary.first { $0.first?.value == "expected NPV" }
        Self.expectSame(expectedNPV?[1], json["expected_npv_usd"])
        #expect(summary[1].map(\.value) == ["study", Self.study])

        let stranded = try #require((json["stranded_assets"] as? [String: Any])?["fleet"] as? [[String: Any]])
        let strandedRows = try book.rows(of: "Stranded and at risk")
        Self.expectSame(strandedRows[1][3], (stranded[0]["stranded"] as? [String: Any])?["expected_usd"])
        let unreachable = try #require(json["unreachable_demand"] as? [Any])
        #expect(try book.rows(of: "Unreachable demand").count == unreachable.count + 1)

        // The assumptions are numbers too; each facility of the capacity table has its row.
        let discount = try book.rows(of: "Assumptions").first { $0.first?.value == "discount rate" }
        #expect(discount?[1].type == nil && discount?[1].value.flatMap(Double.init) != nil)
        let facilities = Set(try book.rows(of: "Facilities").dropFirst().compactMap { $0.first?.value })
        #expect(Set(capacity.compactMap { $0["facility"] as? String }).isSubset(of: facilities))

        let styles = try book.text("xl/styles.xml")
        for format in ["#,##0", "0.0%", "#,##0.000", "#,##0.0", "0"] {
            #expect(styles.contains("formatCode=\"\(format)\""), "\(format)")
        }
        let charts = try book.charts.map { try book.text($0) }
        #expect(charts.count == 3)
        #expect(charts.contains { $0.contains("<c:grouping val=\"stacked\"/>") && $0.contains("'Capacity by year'!") })
        #expect(charts.contains { $0.contains("<c:lineChart>") && $0.contains("'Fleet utilization'!") })
        #expect(
            charts.contains { $0.contains("<c:grouping val=\"clustered\"/>") && $0.contains("'Stranded by case'!") })
    }

    /// A scenario name with a right-to-left override reached the workbook as it was, where Excel
    /// shows the text reversed; it is neutralised to U+FFFD, as the HTML report does.
    @Test func controlAndBidirectionalCharactersAreNeutralised() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let scenarios = "study/Models/scenarios.yaml"
        try cli.write(
            scenarios,
            try cli.read(scenarios).replacingOccurrences(
                of: "name: Video adoption boom", with: #"name: "Video \u202Eexe.gnp boom""#))
        let run = try cli.run(["optimize", Self.study, "--format", "xlsx", "-o", "w.xlsx"])
        try #require(run.status == 0, "\(run.error)")
        let book = try XLSXPackage(path: cli.path("w.xlsx"))
        let cells = try book.sheetNames.flatMap { try book.rows(of: $0) }.flatMap { $0 }.compactMap(\.value)
        #expect(cells.contains("Video \u{FFFD}exe.gnp boom"), "the name is shown, neutralised")
        #expect(!cells.contains { $0.unicodeScalars.contains("\u{202E}") })
    }

    @Test func stressWritesTheSameWorkbookAndRunsAreByteIdentical() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        #expect(try cli.run(["optimize", Self.study, "--format", "xlsx", "-o", "a.xlsx"]).status == 0)
        #expect(try cli.run(["stress", Self.study, "--format", "xlsx", "-o", "b.xlsx"]).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: cli.path("a.xlsx")))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: cli.path("b.xlsx")))))
        // No temporary file is left beside the output.
        #expect(try cli.names() == ["study", "a.xlsx", "b.xlsx"])
    }

    @Test(arguments: [
        ["optimize", study, "--format", "xlsx"],
        ["optimize", study, "--format", "xlsx", "--output", "-"],
        ["stress", study, "--format", "xlsx", "-o", "-"],
    ])
    func standardOutputIsRefused(arguments: [String]) throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let run = try cli.run(arguments)
        #expect(run.status == 64)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("--format xlsx writes a binary workbook"))
        #expect(run.error.contains("--output FILE.xlsx"))
    }

    @Test func aTerminalIsRefusedAsStandardOutputAndAsTheOutputFile() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let terminal = try #require(PseudoTerminal())
        defer { terminal.close() }
        let onStandardOutput = try cli.run(["optimize", Self.study, "--format", "xlsx"], standardOutput: terminal.path)
        #expect(onStandardOutput.status == 64)
        #expect(onStandardOutput.error.contains("--output"))
        let asFile = try cli.run(["optimize", Self.study, "--format", "xlsx", "-o", terminal.path])
        #expect(asFile.status == 64)
        #expect(asFile.error.contains("--output \(terminal.path) is a terminal"))
    }

    @Test func anInputIsRefused() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let before = try cli.read("study/Models/baseline.yaml")
        let input = try cli.run(["optimize", Self.study, "--format", "xlsx", "-o", "study/Models/baseline.yaml"])
        #expect(input.status == 64)
        #expect(input.error.contains("is the study"))
        #expect(try cli.read("study/Models/baseline.yaml") == before)
    }
}
