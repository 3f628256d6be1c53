import Foundation
import ResultFormats

/// The risk report for people (a table) and for spreadsheets (one CSV row per path).
extension RiskReport {
    /// In-sample (the study's scenarios) and out-of-sample (the paths) side by side.
    ///
    /// ```swift
    /// print(report.table())
    /// ```
    public func table() -> String {
        let final = summaries.years.last.map(String.init) ?? "-"
        let rows: [(String, (RiskSummaries) -> String)] = [
            ("expected NPV", { Self.money($0.npv.mean) }),
            ("  standard error", { Self.money($0.npv.standardError) }),
            ("P5 NPV", { Self.money($0.npv.quantile(0.05)) }),
            ("P50 NPV", { Self.money($0.npv.quantile(0.5)) }),
            ("P95 NPV", { Self.money($0.npv.quantile(0.95)) }),
            ("CVaR NPV (alpha \(Self.plain(summaries.alpha)))", { Self.money($0.conditionalValueAtRisk) }),
            ("expected stranded \(final)", { Self.money($0.stranded.last?.mean) }),
            ("P90 stranded \(final)", { Self.money($0.stranded.last?.quantile(0.9)) }),
            ("P(below breakeven) \(final)", { Self.probability($0.probabilityBelowBreakeven) }),
        ]
        let columns = [
            "in-sample (\(inSample.count) scenario\(inSample.count == 1 ? "" : "s"))",
            "out-of-sample (\(paths.count) path\(paths.count == 1 ? "" : "s"), seed \(seed))",
        ]
        let cells = rows.map { [$0.0, $0.1(inSampleSummaries), $0.1(summaries)] }
        let widths = (0..<3).map { c in
            ([["", columns[0], columns[1]][c]] + cells.map { $0[c] }).map(\.count).max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: widths[1] - row[1].count) + row[1] + "  "
                + String(repeating: " ", count: widths[2] - row[2].count) + row[2]
        }
        var text = "Risk of the plan of \(studyPath) (docs/design.md §8)\n"
        text += line(["", columns[0], columns[1]]) + "\n"
        for row in cells { text += line(row) + "\n" }
        text += "money in millions of USD; P(below breakeven) with its 95% Wilson interval\n"
        return text
    }

    /// One row per path: its NPV and the final year's fleet figures.
    ///
    /// ```swift
    /// try report.csv().write(toFile: "paths.csv", atomically: true, encoding: .utf8)
    /// ```
    public func csv() -> String { Self.csv(paths) }

    /// ``csv()`` in pieces, the header line then one line per path: joined they are `csv()`.
    public func csvPieces() -> some Sequence<String> {
        [AnySequence([CSVTable.line(Self.csvHeader)]), AnySequence(paths.lazy.map { CSVTable.line(Self.csvRow($0)) })]
            .joined()
    }

    /// One CSV row per scenario: its NPV and the final year's fleet figures.
    static func csv(_ scenarios: [ScenarioFigures]) -> String {
        var table = CSVTable(header: csvHeader)
        for path in scenarios { table.append(csvRow(path)) }
        return table.text
    }

    static let csvHeader = [
        "id", "npv_usd", "final_year", "utilization", "stranded_usd", "at_risk_usd", "below_breakeven_final_year",
    ]

    static func csvRow(_ path: ScenarioFigures) -> [String] {
        let final = path.fleet.last
        return [
            path.scenario.rawValue, CSVTable.number(path.npv), final.map { String($0.year) } ?? "",
            CSVTable.number(final?.utilization), CSVTable.number(final?.stranded), CSVTable.number(final?.atRisk),
            path.belowBreakevenFinalYear.map { $0 ? "true" : "false" } ?? "",
        ]
    }

    /// Millions of USD to 3 decimals; `-` for none.
    static func money(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.3f", value / 1e6)
    }

    private static func probability(_ interval: WilsonInterval?) -> String {
        guard let interval else { return "-" }
        return String(format: "%.3f [%.3f, %.3f]", interval.value, interval.low, interval.high)
    }

    private static func plain(_ value: Double) -> String { String(format: "%g", value) }
}
