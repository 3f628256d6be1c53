import PlacementCompare
import PlacementWorkbook

extension ComparisonReport {
    /// The comparison as an analyst's workbook (`compare --format xlsx`, docs/outputs.md): a
    /// Summary of the two inputs, their statuses and money figures with the difference and
    /// whether it is material; the materiality rule; one sheet per section of the JSON (the same
    /// rows: only what changed); and the installed IT MW of each facility in the final year, base
    /// against changed, with a clustered bar chart. A fleet-wide row has an empty facility cell.
    ///
    /// ```swift
    /// try OutputFile.write(ComparisonReport(comparison).workbook().xlsx(), to: "compare.xlsx")
    /// ```
    public func workbook() -> Workbook {
        let c = comparison
        return Workbook(
            title: "SovereignPlacement: compare \(c.base.source) with \(c.changed.source)",
            sheets: [
                summarySheet(), materialitySheet(), capacitySheet(), installedSheet(), utilizationSheet(),
                resilienceSheet(), strandedSheet(), limitsSheet(), reachabilitySheet(),
            ])
    }

    /// Base, changed and difference headers of a figure, e.g. `installed, base (accelerators)`.
    private static func headers(_ figure: String, unit: String) -> [String] {
        ["base", "changed", "difference"].map { "\(figure), \($0) (\(unit))" }
    }

    private static func cells(_ figure: PlanComparison.Figure, _ format: NumberFormat) -> [WorkbookCell] {
        [.number(figure.base, format), .number(figure.changed, format), .number(figure.difference, format)]
    }

    private static func facility(_ id: String?) -> WorkbookCell { id.map(WorkbookCell.text) ?? .empty }

    private static func material(_ figure: PlanComparison.Figure) -> WorkbookCell {
        .text(figure.isChanged ? "yes" : "no")
    }

    private var finalYear: WorkbookCell { .number(comparison.finalYear.map(Double.init), .integer) }

    private func summarySheet() -> Worksheet {
        let c = comparison
        var sheet = Worksheet(
            name: "Summary", headers: ["figure", "base", "changed", "difference", "material", "unit"])
        sheet.append([.text("result"), .text(c.base.source), .text(c.changed.source)])
        sheet.append([.text("termination"), .text(c.base.termination), .text(c.changed.termination)])
        sheet.append([
            .text("final year"), .number(c.base.finalYear.map(Double.init), .integer),
            .number(c.changed.finalYear.map(Double.init), .integer),
        ])
        for (label, figure) in [("expected NPV", c.expectedNPV), ("CVaR NPV", c.cvarNPV), ("capex", c.capex)] {
            sheet.append([.text(label)] + Self.cells(figure, .usd) + [Self.material(figure), .text("USD")])
        }
        return sheet
    }

    private func materialitySheet() -> Worksheet {
        let c = comparison
        var sheet = Worksheet.figures(name: "Materiality", label: "rule")
        sheet.appendFigure("share (--threshold)", .number(c.thresholds.share, .decimal), unit: "share")
        sheet.appendFigure("accelerators", .number(c.thresholds.units, .quantity), unit: "accelerators")
        sheet.appendFigure("expected NPV solver tolerance", .number(c.moneyTolerance, .general), unit: "share")
        sheet.appendFigure("shadow price share", .number(c.thresholds.priceShare, .decimal), unit: "share")
        sheet.appendFigure("immaterial differences hidden", .number(Double(c.hiddenDifferences), .usd))
        sheet.appendFigure("rule", .text(Self.materialityRule(c)))
        return sheet
    }

    /// A `scenario` column after the year when a row is one scenario's (an adaptive result).
    private func capacitySheet() -> Worksheet {
        let byScenario = comparison.capacity.contains { $0.scenario != nil }
        var sheet = Worksheet(
            name: "Capacity",
            headers: ["facility", "accelerator", "year"] + (byScenario ? ["scenario"] : [])
                + Self.headers("built", unit: "accelerators")
                + Self.headers("installed", unit: "accelerators") + Self.headers("IT power", unit: "MW"))
        for change in comparison.capacity {
            sheet.append(
                [.text(change.facility), .text(change.hardware), .number(Double(change.year), .integer)]
                    + (byScenario ? [.text(change.scenario ?? "")] : [])
                    + Self.cells(change.built, .quantity) + Self.cells(change.installed, .quantity)
                    + Self.cells(change.itMW, .megawatts))
        }
        return sheet
    }

    /// Every facility's installed IT MW in the comparison's final year, in either plan (all of
    /// them, not only the changed ones), in the order they first appear.
    private func installedSheet() -> Worksheet {
        let c = comparison
        // Facilities in the order the results list them; MW expected over the scenarios (adaptive plans).
        var facilities: [String] = []
        for row in c.base.capacity + c.changed.capacity
        where row.year == c.finalYear && !facilities.contains(row.facility) {
            facilities.append(row.facility)
        }
        let base = c.finalYear.map { PlanComparison.installedMW(of: c.base, in: $0) } ?? [:]
        let changed = c.finalYear.map { PlanComparison.installedMW(of: c.changed, in: $0) } ?? [:]
        let year = c.finalYear.map { " in \($0)" } ?? ""
        let chart = WorkbookChart(
            kind: .column, title: "Installed IT power by facility\(year)", categories: 0, values: [1, 2],
            categoryAxis: "facility", valueAxis: "IT power (MW)", valueFormat: .megawatts)
        var sheet = Worksheet(
            name: "Installed IT MW",
            headers: ["facility", "base (MW)", "changed (MW)", "difference (MW)"], charts: [chart])
        for facility in facilities {
            let figure = PlanComparison.Figure(base[facility] ?? 0, changed[facility] ?? 0)
            sheet.append([.text(facility)] + Self.cells(figure, .megawatts))
        }
        return sheet
    }

    private func utilizationSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Utilization",
            headers: ["facility", "year", "scenario"] + Self.headers("utilization", unit: "share") + ["material"])
        for change in comparison.utilization {
            sheet.append(
                [Self.facility(change.facility), finalYear, .text(change.scenario)]
                    + Self.cells(change.utilization, .percent) + [Self.material(change.utilization)])
        }
        return sheet
    }

    private func resilienceSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Resilience",
            headers: ["facility", "year"] + Self.headers("resilience", unit: "share")
                + ["material", "worst stress, base", "worst stress, changed"])
        for change in comparison.resilience {
            sheet.append(
                [Self.facility(change.facility), finalYear] + Self.cells(change.resilience, .percent)
                    + [
                        Self.material(change.resilience), change.worstStress.base.map(WorkbookCell.text) ?? .empty,
                        change.worstStress.changed.map(WorkbookCell.text) ?? .empty,
                    ])
        }
        return sheet
    }

    private func strandedSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Stranded and at risk",
            headers: ["facility", "year"] + Self.headers("book value", unit: "USD")
                + Self.headers("stranded, expected", unit: "USD") + Self.headers("stranded, worst stress", unit: "USD")
                + Self.headers("at risk, expected", unit: "USD"))
        for change in comparison.stranded {
            sheet.append(
                [Self.facility(change.facility), finalYear] + Self.cells(change.bookValue, .usd)
                    + Self.cells(change.stranded, .usd) + Self.cells(change.strandedWorstStress, .usd)
                    + Self.cells(change.atRisk, .usd))
        }
        return sheet
    }

    /// Power limits, then the budget: the budget's year cell is empty (it spans the horizon).
    private func limitsSheet() -> Worksheet {
        let c = comparison
        var sheet = Worksheet(
            name: "Limits",
            headers: ["limit", "facility", "year", "change"]
                + ["base", "changed", "difference"].map {
                    "shadow price, \($0)"
                } + ["unit"])
        for limit in c.powerLimits {
            sheet.append(
                [
                    .text("power"), .text(limit.facility), .number(Double(limit.year), .integer),
                    .text(limit.change.rawValue),
                ]
                    + Self.cells(limit.shadowPrice, .usd) + [.text("USD/MW")])
        }
        if let budget = c.budget {
            sheet.append(
                [.text("budget"), .empty, .empty, .text(budget.change.rawValue)]
                    + Self.cells(budget.shadowPrice, .decimal) + [.text("USD/USD")])
        }
        return sheet
    }

    private func reachabilitySheet() -> Worksheet {
        var sheet = Worksheet(name: "Reachability", headers: ["tenant", "zone", "change", "reason"])
        for change in comparison.reachability {
            sheet.append([
                .text(change.tenant), .text(change.zone), .text(change.change.rawValue), .text(change.reason),
            ])
        }
        return sheet
    }
}
