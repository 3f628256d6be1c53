import Foundation
import PlacementReports
import PlacementTestSupport
import PlacementWorkbook
import Testing

/// A plan that builds nothing on a site with no existing units (docs/design.md §4, "Empty fleets
/// and unreachable demand"): its fleet has no utilization (`null`), and the probability of being
/// below breakeven is `null` because no scenario has an installed fleet in the final year. It
/// used to read 1 (100%), maximal risk for a fleet that does not exist.
///
/// The study is ``TinyStudy`` with the tenant paying 0.005 USD a unit: serving a unit costs
/// 0.1 USD / 10 units = 0.01 USD of energy before any capital, so the optimum serves nothing,
/// builds nothing and has NPV 0.
@Suite struct EmptyFleetTests {
    static let report: Result<OptimizeReport, ReportError> = Result {
        var tiny = TinyStudy()
        tiny.tenants = [TinyStudy.tenant("stream", workload: "video", unitsPerYear: 876_000, price: 0.005)]
        return OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(try tiny.study()))
    }.mapError { ReportError(description: "\($0)") }

    struct ReportError: Error, CustomStringConvertible {
        var description: String
    }

    /// The member at `path` of a JSON object (nil when absent).
    static func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        path.reduce(Optional(value)) { current, key in
            guard case .object(let members)? = current else { return nil }
            return members.first { $0.0 == key }?.1
        }
    }

    @Test func thePlanBuildsNothingAndHasNoValue() throws {
        let report = try Self.report.get()
        let json = report.json()
        #expect(
            Self.member(json, "capacity")?.serialized() == """
                [
                  {
                    "facility": "near",
                    "hardware": "gpu",
                    "year": 2026,
                    "built": 0,
                    "installed": 0,
                    "existing": 0,
                    "it_mw": 0,
                    "capex_usd": 0,
                    "book_value_usd": 0
                  }
                ]
                """)
        #expect(Self.member(json, "expected_npv_usd") == .number(0))
    }

    @Test func fleetUtilizationAndTheProbabilityBelowBreakevenAreNull() throws {
        let json = try Self.report.get().json()
        #expect(
            Self.member(json, "utilization", "fleet")?.serialized() == """
                [
                  {
                    "year": 2026,
                    "scenario": "base",
                    "installed": 0,
                    "used_hours": 0,
                    "utilization": null,
                    "peak_busy": 0,
                    "category_mix": null,
                    "herfindahl": null
                  }
                ]
                """)
        #expect(Self.member(json, "stranded_assets", "probability_fleet_below_breakeven_final_year") == .null)
        // Resilience divides by the reference utilization, which is not defined either.
        #expect(
            Self.member(json, "resilience", "fleet")?.serialized() == """
                [
                  {
                    "year": 2026,
                    "reference_utilization": null,
                    "stressed_utilization": {
                      "video": null
                    },
                    "resilience": null,
                    "worst_stress": null
                  }
                ]
                """)
    }

    @Test func tablesShowADashWhereAFigureIsNotDefined() throws {
        let report = try Self.report.get()
        let table = report.table().split(separator: "\n").map(String.init)
        #expect(table.contains("  P(fleet utilization below breakeven) -"))
        #expect(table.contains("  fleet resilience          -"))
        let fleetRow = try #require(table.firstIndex { $0.hasPrefix("  fleet utilization") }).advanced(by: 2)
        #expect(table[fleetRow].split(separator: " ") == ["base", "-"])

        let stress = report.stressTables().split(separator: "\n").map(String.init)
        #expect(stress.contains("P(fleet utilization below breakeven in 2026) = -"))
        let reference = try #require(stress.first { $0.hasPrefix("  no stress (base)") })
        #expect(reference.split(separator: " ") == ["no", "stress", "(base)", "-", "-"])
    }

    @Test func theHTMLReportSaysNotDefined() throws {
        let html = HTMLReport(try Self.report.get()).rendered()
        #expect(
            html.contains(
                """
                <div class="kpi" data-kpi="below-breakeven"><div class="kpi-label">P(below breakeven)</div>\
                <div class="kpi-value">-</div><div class="kpi-note">not defined: no scenario has an installed fleet in 2026\
                </div></div>
                """))
        #expect(
            html.contains(
                """
                <div class="kpi-value">-</div><div class="kpi-note">utilization under the worst one-workload shock \
                relative to base; not defined: no accelerator is busy in the reference dispatch</div></div>
                """))
        #expect(html.contains("Fleet \u{00b7} base \u{00b7} 2026: nothing installed"))
    }

    /// The workbook of a plan that installs nothing: every sheet, an empty capacity pivot and no
    /// stacked chart over it (the other two charts have rows to draw).
    @Test func theWorkbookHasEverySheetAndNoCapacityChart() throws {
        let workbook = try Self.report.get().workbook()
        #expect(workbook.sheets.first { $0.name == "Capacity by year" }?.rows.isEmpty == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try workbook.xlsx().write(to: file)
        let book = try XLSXPackage(path: file.path)
        #expect(book.sheetNames == workbook.sheets.map(\.name))
        let charts = try book.charts.map { try book.text($0) }
        #expect(!charts.contains { $0.contains("<c:grouping val=\"stacked\"/>") })
        #expect(try book.rows(of: "Capacity").count == 2)
    }
}
