import Foundation
import PlacementTestSupport
import Testing

/// `placement explain` as a user runs it on the small test study (two scenarios' worth of CVaR,
/// a budget): the JSON schema's keys, each fleet's break-even on the side its sentence states,
/// CSV rows, the workbook against the JSON of the same run, `report --explain`, and bad input.
@Suite(.serialized)
struct ExplainCommandTests {
    @Test func jsonHasEveryFleetWithItsBreakEvenAndTheLimits() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let outcome = try cli.run(["explain", CommandLineRun.study, "--format", "json", "-o", "explain.json"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("explain.json").utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "sovereign-placement.explain/1")
        #expect(root["tolerance"] as? Double == 0.001)
        #expect(root["integer"] as? Bool == false)
        let constraints = try #require(root["constraints"] as? [String: Any])
        #expect(constraints["power"] is [[String: Any]])
        #expect(constraints["budget"] is [String: Any])
        let fleets = try #require(root["fleets"] as? [[String: Any]])
        #expect(fleets.count >= 5)
        for fleet in fleets {
            let built = try #require(fleet["built"] as? Bool)
            let capex = try #require(fleet["unit_capex_usd"] as? Double)
            let verdict = try #require(fleet["verdict"] as? String)
            let statement = try #require(fleet["statement"] as? String)
            #expect(statement.hasPrefix("\(fleet["facility"] as? String ?? "?") would"))
            guard verdict == "break_even" else {
                #expect(fleet["break_even_unit_capex_usd"] is NSNull)
                continue
            }
            let breakEven = try #require(fleet["break_even_unit_capex_usd"] as? Double)
            let bracket = try #require(fleet["bracket"] as? [String: Double])
            let low = try #require(bracket["builds_usd"])
            let high = try #require(bracket["builds_none_usd"])
            #expect(low < high && high - low <= 0.001 * high)
            // Built fleets stop above today's capex, unbuilt ones start below it.
            #expect(built ? breakEven == high && high > capex : breakEven == low && low < capex)
        }
    }

    @Test func csvHasOneRowPerFleet() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let outcome = try cli.run(["explain", CommandLineRun.study, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let lines = outcome.output.split(separator: "\n")
        let header =
            "facility,hardware,built,built_units,unit_capex_usd,break_even_unit_capex_usd,change,verdict,reason,"
            + "bracket_builds_usd,bracket_builds_none_usd"
        #expect(lines.first.map(String.init) == header)
        #expect(lines.count >= 6)
    }

    @Test func theWorkbookHasTheFleetsOfItsJSON() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        #expect(try cli.run(["explain", CommandLineRun.study, "--format", "json", "-o", "e.json"]).status == 0)
        let run = try cli.run(["explain", CommandLineRun.study, "--format", "xlsx", "-o", "e.xlsx"])
        #expect(run.status == 0, "\(run.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.read("e.json").utf8)) as? [String: Any])
        let book = try XLSXPackage(path: cli.path("e.xlsx"))
        #expect(book.sheetNames == ["Summary", "Fleets", "Limits"])
        let fleets = try #require(json["fleets"] as? [[String: Any]])
        let rows = try book.rows(of: "Fleets")
        #expect(rows.count == fleets.count + 1)
        // Empty cells are not written: cells are found by their column letter.
        func cell(_ row: [XLSXPackage.Cell], _ column: String) -> XLSXPackage.Cell? {
            row.first { String($0.reference.prefix { $0.isLetter }) == column }
        }
        for (row, fleet) in zip(rows.dropFirst(), fleets) {
            #expect(cell(row, "A")?.value == fleet["facility"] as? String)
            #expect(cell(row, "B")?.value == fleet["hardware"] as? String)
            WorkbookOutputTests.expectSame(cell(row, "D"), fleet["unit_capex_usd"])
            if let breakEven = fleet["break_even_unit_capex_usd"] as? Double {
                WorkbookOutputTests.expectSame(cell(row, "E"), breakEven)
            }
            #expect(cell(row, "G")?.value == fleet["verdict"] as? String)
            #expect(cell(row, "J")?.value == fleet["statement"] as? String)
        }
    }

    @Test func theReportGetsTheSection() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let outcome = try cli.run(["report", CommandLineRun.study, "--explain", "-o", "r.html"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let page = try cli.read("r.html")
        #expect(page.contains("<section id=\"explain\""))
        #expect(page.contains("What would change the plan"))
    }

    @Test(arguments: [
        (["--tolerance", "0.5"], 64, "--tolerance must be in [0.0001, 0.1], got 0.5"),
        (["--tolerance", "cheap"], 64, "The value 'cheap' is invalid for '--tolerance <tolerance>'"),
        (["--format", "pdf"], 64, "The value 'pdf' is invalid for '--format"),
    ])
    func badFlagsAreUsageErrorsNamingTheFlag(flags: [String], status: Int32, message: String) throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let outcome = try cli.run(["explain", CommandLineRun.study] + flags)
        #expect(outcome.status == status)
        #expect(outcome.error.contains(message), "\(outcome.error)")
    }

    /// The blocks are spread over the worker threads, each always on the same one: the same bytes.
    @Test func theSameBytesWhateverTheThreads() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        for threads in ["1", "3"] {
            let run = try cli.run([
                "explain", CommandLineRun.study, "--threads", threads, "--format", "json", "-o", "t\(threads).json",
            ])
            #expect(run.status == 0, "\(run.error)")
        }
        #expect(try cli.read("t1.json") == cli.read("t3.json"))
    }

    /// `--facility` narrows the search to one site; an unknown one is a usage error with a hint.
    @Test func facilityNarrowsTheSearchAndAnUnknownOneIsRefused() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let one = try cli.run(["explain", CommandLineRun.study, "--facility", "riyadh-hexagon", "--format", "csv"])
        #expect(one.status == 0, "\(one.error)")
        let rows = one.output.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("riyadh-hexagon,") })
        let typo = try cli.run(["explain", CommandLineRun.study, "--facility", "riyadh-hexagn"])
        #expect(typo.status == 64)
        #expect(
            typo.error.contains("--facility riyadh-hexagn: the study has no such facility")
                && typo.error.contains("riyadh-hexagon"), "\(typo.error)")
    }

    @Test func aMissingStudyExits66AndABadOneNamesTheField() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let missing = try cli.run(["explain", "study/Models/nowhere.yaml"])
        #expect(missing.status == 66)
        #expect(missing.error.contains("nowhere.yaml"), "\(missing.error)")
        try cli.write(
            "study/Models/bad.yaml",
            try cli.read(CommandLineRun.study).replacingOccurrences(
                of: "discount_rate: 0.08", with: "discount_rate: lots"))
        let bad = try cli.run(["explain", "study/Models/bad.yaml"])
        #expect(bad.status == 65)
        #expect(bad.error.contains("bad.yaml:") && bad.error.contains("discount_rate"), "\(bad.error)")
    }
}
