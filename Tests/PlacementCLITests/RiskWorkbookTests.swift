import Foundation
import PlacementTestSupport
import Testing

/// `risk --format xlsx`, `evaluate --format xlsx` and `report --paths --workbook` run as
/// subprocesses on the small test study (with the uncertainty section the sample tests add):
/// the sheets, one row per path, and cells equal to the JSON of the same run to the last digit.
@Suite(.serialized)
struct RiskWorkbookTests {
    let cli: CommandLineRun

    init() throws {
        cli = try CommandLineRun()
        try cli.appendUncertainty()
    }

    func json(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(cli.read(name).utf8)) as? [String: Any])
    }

    /// Each row of a Paths or Scenarios sheet against its JSON record: id, probability, NPV, then
    /// every year's utilization, stranded and at-risk value, and the final year's verdict.
    static func expectRows(_ rows: [[XLSXPackage.Cell]], _ records: [[String: Any]]) throws {
        #expect(rows.count == records.count + 1)
        for (row, record) in zip(rows.dropFirst(), records) {
            let fleet = try #require(record["fleet"] as? [[String: Any]])
            #expect(row[0].value == record["id"] as? String && row[0].type == "s")
            WorkbookOutputTests.expectSame(row[1], record["probability"])
            WorkbookOutputTests.expectSame(row[2], record["npv_usd"])
            for (y, year) in fleet.enumerated() {
                WorkbookOutputTests.expectSame(row[3 + y], year["utilization"])
                WorkbookOutputTests.expectSame(row[3 + fleet.count + y], year["stranded_usd"])
                WorkbookOutputTests.expectSame(row[3 + 2 * fleet.count + y], year["at_risk_usd"])
            }
            let below = record["below_breakeven_final_year"] as? Bool
            #expect(row.last?.value == below.map { $0 ? "yes" : "no" })
        }
    }

    @Test func riskWritesThePathsAndSummariesOfItsJSON() throws {
        defer { cli.remove() }
        let common = ["risk", CommandLineRun.study, "--paths", "7", "--seed", "5"]
        let first = try cli.run(common + ["--format", "json", "-o", "risk.json"])
        try #require(first.status == 0, "\(first.error)")
        let run = try cli.run(common + ["--format", "xlsx", "-o", "risk.xlsx"])
        try #require(run.status == 0, "\(run.error)")
        #expect(run.output.isEmpty)
        let again = try cli.run(common + ["--format", "xlsx", "-o", "again.xlsx"])
        #expect(again.status == 0)
        let bytes = ["again.xlsx", "risk.xlsx"].map { FileManager.default.contents(atPath: cli.path($0)) }
        #expect(bytes[0] != nil && bytes[0] == bytes[1])

        let json = try json("risk.json")
        let book = try XLSXPackage(path: cli.path("risk.xlsx"))
        #expect(
            book.sheetNames == [
                "Summary", "Paths", "In-sample", "NPV histogram", "Utilization fan", "Stranded histogram",
            ])
        let paths = try #require(json["paths"] as? [[String: Any]])
        #expect(paths.count == 7)
        try Self.expectRows(try book.rows(of: "Paths"), paths)
        let inSample = try #require(json["in_sample"] as? [String: Any])
        try Self.expectRows(try book.rows(of: "In-sample"), try #require(inSample["scenarios"] as? [[String: Any]]))

        let summary = try book.rows(of: "Summary")
        func row(_ label: String) throws -> [XLSXPackage.Cell] {
            try #require(summary.first { $0.first?.value == label }, "no row \(label)")
        }
        let npv = try #require((json["summaries"] as? [String: Any])?["npv"] as? [String: Any])
        let ownNPV = try #require((inSample["summaries"] as? [String: Any])?["npv"] as? [String: Any])
        WorkbookOutputTests.expectSame(try row("expected NPV")[1], ownNPV["mean"])
        WorkbookOutputTests.expectSame(try row("expected NPV")[2], npv["mean"])
        WorkbookOutputTests.expectSame(try row("CVaR NPV")[2], npv["cvar"])
        WorkbookOutputTests.expectSame(try row("P95 NPV")[2], (npv["quantiles"] as? [String: Any])?["p95"])
        let stranded = try #require((json["summaries"] as? [String: Any])?["stranded"] as? [[String: Any]])
        let finalStranded = try #require(stranded.last)
        WorkbookOutputTests.expectSame(
            try row("expected stranded, \(finalStranded["year"] as? Int ?? 0)")[2], finalStranded["mean"])
        let below = try #require(json["probability_below_breakeven"] as? [String: Any])
        WorkbookOutputTests.expectSame(
            try row("P(fleet utilization below breakeven), \(finalStranded["year"] as? Int ?? 0)")[2], below["value"])
        #expect(try row("seed").last?.value == "5" && (try row("sampler"))[2].value == "latin-hypercube")

        // The histogram counts every path once; the fan has one row per year.
        let bins = try book.rows(of: "NPV histogram").dropFirst()
        #expect(bins.reduce(0) { $0 + (Int($1[3].value ?? "") ?? 0) } == 7)
        #expect(try book.rows(of: "Utilization fan").count == stranded.count + 1)
        let charts = try book.charts.map { try book.text($0) }
        #expect(charts.filter { $0.contains("<c:barChart>") }.count == 2)
        #expect(charts.filter { $0.contains("<c:lineChart>") && $0.contains("'Utilization fan'!$F$2") }.count == 1)
        let styles = try book.text("xl/styles.xml")
        #expect(styles.contains("formatCode=\"#,##0\"") && styles.contains("formatCode=\"0.0%\""))
    }

    @Test func evaluateWritesItsScenariosAndSummaries() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let common = ["evaluate", "plan.json", "--scenarios", "study/Models/scenarios.yaml"]
        #expect(try cli.run(common + ["--format", "json", "-o", "held.json"]).status == 0)
        let run = try cli.run(common + ["--format", "xlsx", "-o", "held.xlsx"])
        try #require(run.status == 0, "\(run.error)")
        let json = try json("held.json")
        let book = try XLSXPackage(path: cli.path("held.xlsx"))
        #expect(
            book.sheetNames == ["Summary", "Scenarios", "NPV histogram", "Utilization fan", "Stranded histogram"])
        try Self.expectRows(try book.rows(of: "Scenarios"), try #require(json["scenarios"] as? [[String: Any]]))
        let summary = try book.rows(of: "Summary")
        let expected = try #require(summary.first { $0.first?.value == "expected NPV" })
        let npv = try #require((json["summaries"] as? [String: Any])?["npv"] as? [String: Any])
        WorkbookOutputTests.expectSame(expected[1], npv["mean"])
        #expect(try book.charts.count == 3)
        // Each bin's probability is its scenarios' (they counted 1/count each, against the summaries).
        let bins = try book.rows(of: "NPV histogram").dropFirst().map { row in
            (
                from: Double(row[1].value ?? "") ?? .nan, to: Double(row[2].value ?? "") ?? .nan,
                probability: Double(row[4].value ?? "") ?? .nan
            )
        }
        var expectedProbability = Array(repeating: 0.0, count: bins.count)
        for scenario in try #require(json["scenarios"] as? [[String: Any]]) {
            let value = try #require(scenario["npv_usd"] as? Double)
            let bin = bins.lastIndex { $0.from <= value } ?? 0
            expectedProbability[bin] += try #require(scenario["probability"] as? Double)
        }
        for (bin, want) in zip(bins, expectedProbability) {
            #expect(abs(bin.probability - want) <= 1e-12, "\(bin) against \(want)")
        }
    }

    @Test func reportWritesTheRiskSectionAndItsWorkbook() throws {
        defer { cli.remove() }
        let run = try cli.run([
            "report", CommandLineRun.study, "--paths", "6", "--seed", "5", "-o", "r.html", "--workbook", "r.xlsx",
        ])
        try #require(run.status == 0, "\(run.error)")
        let page = try cli.read("r.html")
        #expect(page.contains("<section id=\"risk\""))
        let histogram = try #require(page.components(separatedBy: "id=\"risk-npv-histogram\"").last)
        let counts = histogram.components(separatedBy: "</svg>")[0].components(separatedBy: "data-count=\"").dropFirst()
        #expect(counts.reduce(0) { $0 + (Int($1.prefix { $0.isNumber }) ?? 0) } == 6)
        #expect(
            histogram.components(separatedBy: "</svg>")[0].components(separatedBy: "class=\"in-sample-marker\"").count
                == 4)

        // The same paths as `placement risk` on the report's plan: the workbook's Paths equal its JSON.
        let risk = try cli.run([
            "risk", CommandLineRun.study, "--paths", "6", "--seed", "5", "--format", "json", "-o", "risk.json",
        ])
        try #require(risk.status == 0, "\(risk.error)")
        let book = try XLSXPackage(path: cli.path("r.xlsx"))
        #expect(book.sheetNames.first == "Summary" && book.sheetNames.contains("Capacity by year"))
        #expect(
            Array(book.sheetNames.suffix(6)) == [
                "Risk summary", "Risk paths", "Risk in-sample", "Risk NPV histogram", "Risk utilization fan",
                "Risk stranded histogram",
            ])
        try Self.expectRows(
            try book.rows(of: "Risk paths"), try #require(try json("risk.json")["paths"] as? [[String: Any]]))
    }

    @Test func reportIsTheSameBytesWithOneAndTwoThreadsAndHoldsASavedPlan() throws {
        defer { cli.remove() }
        for threads in ["1", "2"] {
            let run = try cli.run([
                "report", CommandLineRun.study, "--paths", "5", "--seed", "9", "--threads", threads, "-o",
                "r\(threads).html", "--workbook", "r\(threads).xlsx",
            ])
            try #require(run.status == 0, "\(run.error)")
        }
        let bytes = ["r1.xlsx", "r2.xlsx"].map { FileManager.default.contents(atPath: cli.path($0)) }
        #expect(bytes[0] != nil && bytes[0] == bytes[1])
        // The page's assumptions show the solve's wall-clock times; the risk section is the same bytes.
        let sections = try ["r1.html", "r2.html"].map { name in
            let page = try cli.read(name)
            let start = try #require(page.range(of: "<section id=\"risk\""))
            return String(page[start.lowerBound...]).components(separatedBy: "</section>")[0]
        }
        #expect(sections[0].contains("risk-npv-histogram") && sections[0] == sections[1])
        // --plan: the saved plan's builds are held, and the section says so.
        #expect(try cli.run(["optimize", CommandLineRun.study, "--format", "json", "-o", "plan.json"]).status == 0)
        let saved = try cli.run([
            "report", CommandLineRun.study, "--paths", "5", "--seed", "9", "--plan", "plan.json", "-o", "held.html",
        ])
        try #require(saved.status == 0, "\(saved.error)")
        #expect(try cli.read("held.html").contains("The builds of plan.json held on 5 paths"))
        #expect(try cli.read("r1.html").contains("This report&#39;s plan held on 5 paths"))
    }

    @Test func reportWorkbookHoldsTheCompareAndAlternativesSheets() throws {
        defer { cli.remove() }
        let study = CommandLineRun.study
        #expect(try cli.run(["optimize", study, "--format", "json", "-o", "base.json"]).status == 0)
        let run = try cli.run([
            "report", study, "--compare", "base.json", "--alternatives", "-o", "r.html", "--workbook", "r.xlsx",
        ])
        try #require(run.status == 0, "\(run.error)")
        let names = try XLSXPackage(path: cli.path("r.xlsx")).sheetNames
        #expect(names.first == "Summary" && !names.contains { $0.hasPrefix("Risk") })
        #expect(["Changed summary", "Changed materiality", "Changed capacity"].allSatisfy(names.contains))
        #expect(
            Array(names.suffix(4)) == [
                "Alternatives summary", "Alternatives groups", "Alternatives extreme builds",
                "Alternatives optimal builds",
            ])
        // Each group's sheets hold what its own command writes: the alternatives' groups, one a row.
        let alone = try cli.run(["alternatives", study, "--format", "xlsx", "-o", "a.xlsx"])
        try #require(alone.status == 0, "\(alone.error)")
        let groups = try XLSXPackage(path: cli.path("a.xlsx")).rows(of: "Groups")
        let companion = try XLSXPackage(path: cli.path("r.xlsx")).rows(of: "Alternatives groups")
        #expect(companion == groups)
    }

    @Test func reportPathsNeedTheUncertaintyModelBeforeTheSolve() throws {
        let plain = try CommandLineRun()
        defer { plain.remove() }
        let outcome = try plain.run(["report", CommandLineRun.study, "--paths", "3"])
        #expect(outcome.status == 65, "\(outcome.error)")
        #expect(outcome.error.contains("hint: add 'uncertainty:'"), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: plain.path("report.html")))
    }

    @Test func reportRefusesBadRiskAndWorkbookFlags() throws {
        defer { cli.remove() }
        let cases: [([String], String)] = [
            (["--seed", "3"], "--seed goes with --paths"),
            (["--plan", "plan.json"], "--plan goes with --paths"),
            (["--paths", "0"], "--paths must be between 1 and 100000, got 0"),
            (["--workbook", "-"], "--workbook writes a binary workbook"),
            (["--workbook", "report.html"], "--output and --workbook name the same file"),
            (["--workbook", CommandLineRun.study], "--workbook \(CommandLineRun.study) is the study of this run"),
            (["--workbook", "missing/r.xlsx"], "--workbook: the directory missing/ does not exist"),
        ]
        for (flags, message) in cases {
            let outcome = try cli.run(["report", CommandLineRun.study] + flags)
            #expect(outcome.status == 64, "\(flags): \(outcome.error)")
            #expect(outcome.error.contains(message), "\(flags): \(outcome.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("report.html")))
    }
}
