import Foundation
import PlacementTestSupport
import Testing

/// `alternatives --format xlsx` run as a subprocess: one row per group equal to the JSON of the
/// same run, the range bar chart, and the builds of every extreme plan and of the optimal plan.
@Suite(.serialized)
struct AlternativesWorkbookTests {
    @Test func alternativesWritesTheGroupsOfItsJSONWithRangeBars() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let study = CommandLineRun.study
        #expect(try cli.run(["alternatives", study, "--format", "json", "-o", "a.json"]).status == 0)
        let run = try cli.run(["alternatives", study, "--format", "xlsx", "-o", "a.xlsx"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.read("a.json").utf8)) as? [String: Any])
        let book = try XLSXPackage(path: cli.path("a.xlsx"))
        #expect(book.sheetNames == ["Summary", "Groups", "Extreme plan builds", "Optimal plan builds"])

        let summary = try book.rows(of: "Summary")
        #expect(summary[1].map(\.value) == ["study", study])
        let capital = try #require(summary.first { $0.first?.value == "plan build capital" })
        WorkbookOutputTests.expectSame(capital[1], json["plan_capital_usd"])

        let groups = try #require(json["groups"] as? [[String: Any]])
        let rows = try book.rows(of: "Groups")
        #expect(!groups.isEmpty)
        #expect(rows.count == groups.count + 1)
        #expect(rows[0].first?.value == "facility")
        for (row, group) in zip(rows.dropFirst(), groups) {
            #expect(row[0].value == group["group"] as? String)
            WorkbookOutputTests.expectSame(row[1], group["plan_capital_usd"])
            WorkbookOutputTests.expectSame(row[2], group["min_capital_usd"])
            WorkbookOutputTests.expectSame(row[3], group["max_capital_usd"])
            let least = try #require(group["min_capital_usd"] as? Double)
            let most = try #require(group["max_capital_usd"] as? Double)
            WorkbookOutputTests.expectSame(row[4], most - least)
            WorkbookOutputTests.expectSame(row[5], group["min_plan_it_mw"])
            WorkbookOutputTests.expectSame(row[6], group["max_plan_it_mw"])
            #expect(row[7].value == group["verdict"] as? String && row[7].type == "s")
        }

        let builds = groups.reduce(0) { count, group in
            count
                + ["min_plan", "max_plan"].reduce(0) {
                    $0 + (((group[$1] as? [String: Any])?["builds"] as? [Any])?.count ?? 0)
                }
        }
        #expect(try book.rows(of: "Extreme plan builds").count == builds + 1)
        let planBuilds = try #require(json["plan_builds"] as? [[String: Any]])
        let planRows = try book.rows(of: "Optimal plan builds")
        #expect(planRows.count == planBuilds.count + 1)
        if let first = planBuilds.first {
            #expect(planRows[1][0].value == first["facility"] as? String)
            WorkbookOutputTests.expectSame(planRows[1][3], first["units"])
        }

        let charts = try book.charts.map { try book.text($0) }
        #expect(charts.count == 1)
        let chart = try #require(charts.first)
        #expect(chart.contains("<c:barDir val=\"bar\"/>") && chart.contains("<c:grouping val=\"stacked\"/>"))
        #expect(chart.contains("<c:f>Groups!$C$2:$C$\(groups.count + 1)</c:f>"))
        #expect(chart.contains("<c:f>Groups!$E$2:$E$\(groups.count + 1)</c:f>"))
        #expect(chart.contains("<a:noFill/>"))
        #expect(try book.text("xl/styles.xml").contains("formatCode=\"#,##0.000\""))
    }
}
