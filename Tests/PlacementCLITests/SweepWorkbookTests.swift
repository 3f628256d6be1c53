import Foundation
import PlacementTestSupport
import Testing

/// `sweep --workbook` and `merge --output FILE.xlsx`: one row per variant with the CSV's columns,
/// numbers as numbers equal to the CSV's; the same rows from a whole sweep and from its merged
/// shards (CSV or JSONL), the same bytes from two runs; written only when the sweep is complete
/// (a resumed sweep's workbook has the kept rows too); refused with --shard.
@Suite(.serialized)
struct SweepWorkbookTests {
    static let sweep = CommandLineRun.sweep
    static let options = ["--skip-analysis", "--block-size", "2"]

    @Test func aSweepAndItsMergedShardsWriteTheRowsOfTheCSV() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let run = try cli.run(["sweep", Self.sweep, "--output", "runs", "--workbook", "runs.xlsx"] + Self.options)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("wrote runs.xlsx"))
        let csv = try cli.read("runs.csv").split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let book = try XLSXPackage(path: cli.path("runs.xlsx"))
        #expect(book.sheetNames == ["Summary", "Variants"])
        let rows = try book.rows(of: "Variants")
        #expect(rows.count == csv.count)
        #expect(rows[0].map(\.value) == csv[0])
        let status = try #require(csv[0].firstIndex(of: "status"))
        for (row, line) in zip(rows.dropFirst(), csv.dropFirst()) {
            for (column, text) in line.enumerated() where !text.isEmpty {
                let cell = ComparisonWorkbookTests.cell(row, column)
                if column == status {
                    #expect(cell?.value == text && cell?.type == "s")
                } else {
                    WorkbookOutputTests.expectSame(cell, NSNumber(value: try #require(Double(text))))
                }
            }
        }
        let summary = try book.rows(of: "Summary")
        let variants = summary.first { $0.first?.value == "variants" }
        #expect(variants?[1].value.flatMap(Double.init) == Double(csv.count - 1))
        let styles = try book.text("xl/styles.xml")
        for format in ["#,##0", "0.0%", "0"] { #expect(styles.contains("formatCode=\"\(format)\""), "\(format)") }

        // The shards merged into a workbook: the same rows (the Summary names the shards instead of the sweep).
        for shard in 1...3 {
            let outcome = try cli.run(
                ["sweep", Self.sweep, "--output", "part", "--shard", "\(shard)/3"] + Self.options)
            #expect(outcome.status == 0, "\(outcome.error)")
        }
        for ext in ["csv", "jsonl"] {
            let shards = (1...3).map { "part.shard-\($0)-of-3.\(ext)" }
            let merged = try cli.run(["merge", "--output", "\(ext).xlsx"] + shards)
            #expect(merged.status == 0, "\(merged.error)")
            let mergedBook = try XLSXPackage(path: cli.path("\(ext).xlsx"))
            #expect(try mergedBook.rows(of: "Variants") == rows)
        }
        // Runs are byte-identical.
        let again = try cli.run(["merge", "--output", "again.xlsx"] + (1...3).map { "part.shard-\($0)-of-3.csv" })
        #expect(again.status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: cli.path("csv.xlsx")))
                == Data(contentsOf: URL(fileURLWithPath: cli.path("again.xlsx"))))
        // A shard's file name is text from the inputs: a right-to-left override in it reached the
        // merged workbook's Summary as it was; it is neutralised, as in every other workbook.
        let odd = "odd\u{202E}.csv"
        try FileManager.default.copyItem(atPath: cli.path("part.shard-1-of-3.csv"), toPath: cli.path(odd))
        let named = try cli.run([
            "merge", "--output", "odd.xlsx", odd, "part.shard-2-of-3.csv", "part.shard-3-of-3.csv",
        ])
        #expect(named.status == 0, "\(named.error)")
        let cells = try XLSXPackage(path: cli.path("odd.xlsx")).rows(of: "Summary").flatMap { $0 }.compactMap(\.value)
        #expect(cells.contains { $0.contains("odd\u{FFFD}.csv") }, "\(cells)")
        #expect(!cells.contains { $0.unicodeScalars.contains("\u{202E}") })
    }

    @Test func anInterruptedSweepWritesNoWorkbookAndItsResumeWritesTheWholeOne() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let quick = ["--skip-analysis", "--block-size", "1", "--workers", "1"]
        let whole = try cli.run(["sweep", Self.sweep, "--output", "whole", "--workbook", "whole.xlsx"] + quick)
        #expect(whole.status == 0, "\(whole.error)")
        let started = try cli.start(["sweep", Self.sweep, "--output", "runs", "--workbook", "runs.xlsx"] + quick)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? cli.read("runs.csv.partial")) ?? "").split(separator: "\n").count < 3 {
            usleep(20_000)
        }
        kill(started.process.processIdentifier, SIGINT)
        #expect(try cli.finish(started).signalled)
        #expect(!cli.exists("runs.xlsx"))
        let resumed = try cli.run(
            ["sweep", Self.sweep, "--output", "runs", "--resume", "--workbook", "runs.xlsx"] + quick)
        #expect(resumed.status == 0, "\(resumed.error)")
        let rows = try XLSXPackage(path: cli.path("runs.xlsx")).rows(of: "Variants")
        #expect(rows == (try XLSXPackage(path: cli.path("whole.xlsx")).rows(of: "Variants")))
    }

    @Test func aWorkbookIsRefusedWithAShardAndOnStandardOutput() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let sharded = try cli.run(["sweep", Self.sweep, "--shard", "1/2", "--workbook", "a.xlsx"])
        #expect(sharded.status == 64)
        #expect(sharded.error.contains("placement merge --output FILE.xlsx"))
        let standard = try cli.run(["sweep", Self.sweep, "--workbook", "-"])
        #expect(standard.status == 64)
        #expect(standard.error.contains("never standard output"))
        let input = try cli.run(["sweep", Self.sweep, "--workbook", Self.sweep])
        #expect(input.status == 64)
        let merge = try cli.run(["merge", "--output", "all.xls", "a.csv"])
        #expect(merge.status == 64)
        #expect(merge.error.contains("--output must end in .csv, .jsonl, .xlsx or .json (risk shards)"))
        #expect(try cli.names() == ["study"])
    }
}
