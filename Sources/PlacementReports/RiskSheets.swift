import PlacementRisk
import PlacementWorkbook

/// The sheets that `risk`, `evaluate` and the report's workbook share (docs/outputs.md): the
/// summaries' figures, one row per scenario or path with every year's fleet figures, a
/// histogram's bins with a column chart, and the utilization fan with a line chart. The cells
/// hold the very doubles the JSON result writes.
///
/// ```swift
/// let sheet = RiskSheets.figures(name: "Paths", report.paths)
/// ```
enum RiskSheets {
    /// The figures of each of `summaries` side by side, one column each (headed `columns`).
    static func summary(
        name: String, columns: [String], metadata: [(String, [WorkbookCell], String)], _ summaries: [RiskSummaries]
    ) -> Worksheet {
        var sheet = Worksheet(
            name: name,
            columns: [WorkbookColumn("figure")] + columns.map { WorkbookColumn($0, width: 24) } + [
                WorkbookColumn("unit")
            ])
        func add(_ label: String, _ cells: [WorkbookCell], _ unit: String) {
            sheet.append([.text(label)] + cells + [unit.isEmpty ? .empty : .text(unit)])
        }
        for (label, cells, unit) in metadata { add(label, cells, unit) }
        guard let first = summaries.first else { return sheet }
        let final = first.years.last.map { ", \($0)" } ?? ""
        add("alpha (CVaR level)", summaries.map { .number($0.alpha, .decimal) }, "")
        add("expected NPV", summaries.map { .number($0.npv.mean, .usd) }, "USD")
        add("standard error of expected NPV", summaries.map { .number($0.npv.standardError, .usd) }, "USD")
        for level in Summary.levels {
            add("\(level.key.uppercased()) NPV", summaries.map { .number($0.npv.quantiles[level.key], .usd) }, "USD")
        }
        add("VaR NPV", summaries.map { .number($0.valueAtRisk, .usd) }, "USD")
        add("CVaR NPV", summaries.map { .number($0.conditionalValueAtRisk, .usd) }, "USD")
        add("expected stranded\(final)", summaries.map { .number($0.stranded.last?.mean, .usd) }, "USD")
        add("P90 stranded\(final)", summaries.map { .number($0.stranded.last?.quantile(0.9), .usd) }, "USD")
        add("expected at risk\(final)", summaries.map { .number($0.atRisk.last?.mean, .usd) }, "USD")
        add(
            "expected fleet utilization\(final)", summaries.map { .number($0.utilization.last??.mean, .percent) },
            "share")
        add(
            "P(fleet utilization below breakeven)\(final)",
            summaries.map { .number($0.probabilityBelowBreakeven?.value, .percent) }, "probability")
        add(
            "  95% interval, low", summaries.map { .number($0.probabilityBelowBreakeven?.low, .percent) },
            "probability (Wilson)")
        add(
            "  95% interval, high", summaries.map { .number($0.probabilityBelowBreakeven?.high, .percent) },
            "probability (Wilson)")
        return sheet
    }

    /// One row per scenario or path: its probability, NPV, every year's utilization, stranded
    /// and at-risk value, and whether the final year's utilization is below breakeven.
    static func figures(name: String, _ scenarios: [ScenarioFigures]) -> Worksheet {
        let years = scenarios.first?.fleet.map(\.year) ?? []
        var sheet = Worksheet(
            name: name,
            headers: ["id", "probability", "NPV (USD)"] + years.map { "utilization \($0)" }
                + years.map { "stranded \($0) (USD)" } + years.map { "at risk \($0) (USD)" }
                + ["below breakeven, final year"])
        for figures in scenarios {
            let below: WorkbookCell = figures.belowBreakevenFinalYear.map { .text($0 ? "yes" : "no") } ?? .empty
            sheet.append(
                [.text(figures.scenario.rawValue), .number(figures.probability, .decimal), .number(figures.npv, .usd)]
                    + figures.fleet.map { .number($0.utilization, .percent) }
                    + figures.fleet.map { .number($0.stranded, .usd) } + figures.fleet.map { .number($0.atRisk, .usd) }
                    + [below])
        }
        return sheet
    }

    /// The bins of a histogram of one figure over `figures` (covering the `markers`, each named in
    /// the bin that holds it), with a histogram chart of the counts (touching columns).
    static func histogram(
        name: String, title: String, of marker: (ScenarioFigures) -> Double, over figures: [ScenarioFigures],
        markers: [ScenarioFigures], valueName: String, countName: String
    ) -> Worksheet {
        let values = figures.map(marker)
        let histogram = RiskHistogram(values, covering: markers.map(marker))
        var sheet = Worksheet(
            name: name,
            headers: [
                "\(valueName) bin (USD)", "from (USD)", "to (USD)", countName, "probability",
                "study's scenarios in the bin",
            ],
            charts: [
                WorkbookChart(
                    kind: .histogram, title: title, categories: 0, values: [3], categoryAxis: "\(valueName) (USD)",
                    valueAxis: countName, valueFormat: .usd)
            ])
        // The bins' probabilities: each record's own (1/N for sampled paths; a scenarios file's
        // may differ), so the column agrees with the probability-weighted summaries.
        var probability = Array(repeating: 0.0, count: histogram.bins.count)
        for record in figures {
            let bin = histogram.bin(of: marker(record))
            if probability.indices.contains(bin) { probability[bin] += record.probability }
        }
        let total = figures.reduce(0) { $0 + $1.probability }
        for (index, bin) in histogram.bins.enumerated() {
            let here = markers.filter { histogram.bin(of: marker($0)) == index }.map(\.scenario.rawValue)
            sheet.append([
                .text("\(Format.money(bin.lower)) to \(Format.money(bin.upper))"), .number(bin.lower, .usd),
                .number(bin.upper, .usd), .number(Double(bin.count), .usd),
                .number(total > 0 ? probability[index] / total : 0, .percent),
                here.isEmpty ? .empty : .text(here.joined(separator: ", ")),
            ])
        }
        return sheet
    }

    /// Fleet utilization by year: P5, P25, P50, P75 and P95 over the scenarios or paths, and the
    /// mean, with a line chart of the five quantiles (the fan).
    static func fan(name: String, _ summaries: RiskSummaries) -> Worksheet {
        let levels = ["p5", "p25", "p50", "p75", "p95"]
        var sheet = Worksheet(
            name: name,
            headers: ["year"] + levels.map { "\($0.uppercased()) utilization" } + ["mean utilization"],
            charts: [
                WorkbookChart(
                    kind: .line, title: "Fleet utilization by year: P5, P25, median, P75, P95", categories: 0,
                    values: Array(1...levels.count), categoryAxis: "year", valueAxis: "fleet utilization",
                    valueFormat: .percent)
            ])
        for (year, summary) in zip(summaries.years, summaries.utilization) {
            let quantiles = summary?.quantiles ?? [:]
            sheet.append(
                [.number(Double(year), .integer)] + levels.map { .number(quantiles[$0], .percent) } + [
                    .number(summary?.mean, .percent)
                ])
        }
        return sheet
    }
}
