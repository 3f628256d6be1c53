import PlacementPlanning
import PlacementWorkbook

extension ExplainReport {
    /// The break-even prices as an analyst's workbook (`explain --format xlsx`, docs/outputs.md):
    /// a Summary (study, tolerance, optimum, solve counts); one row per fleet with today's unit
    /// capex, the break-even, its change, the bracket and the sentence; and the power limits and
    /// budget with their shadow prices.
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "explain.xlsx")
    /// ```
    public func workbook() -> Workbook {
        Workbook(
            title: "SovereignPlacement: what would change the plan of \(studyPath)",
            sheets: [summarySheet(), fleetsSheet(), limitsSheet()])
    }

    private func summarySheet() -> Worksheet {
        let p = prices
        var sheet = Worksheet.figures(name: "Summary", label: "figure")
        sheet.appendFigure("study", .text(studyPath))
        sheet.appendFigure("schema of the JSON result", .text(Self.schema))
        sheet.appendFigure("objective", .number(p.objectiveUSD, .usd), unit: "USD")
        sheet.appendFigure("bisection tolerance", .number(p.tolerance, .percent), unit: "of the break-even")
        sheet.appendFigure("search ceiling", .number(p.searchCeiling, .quantity), unit: "times today's unit capex")
        sheet.appendFigure("integer build blocks", .text(p.integer ? "yes" : "no"))
        sheet.appendFigure("master re-solves", .number(Double(p.masterSolves), .integer))
        sheet.appendFigure("block evaluations", .number(Double(p.evaluations), .integer))
        return sheet
    }

    private func fleetsSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Fleets",
            headers: [
                "facility", "accelerator", "built (units)", "unit capex (USD)", "break-even unit capex (USD)",
                "change", "verdict", "builds at (USD)", "builds none at (USD)", "what would change the plan",
            ])
        for fleet in prices.fleets {
            let optional = { (value: Double?, format: NumberFormat) in
                value.map { WorkbookCell.number($0, format) } ?? .text("")
            }
            sheet.append([
                .text(fleet.facility.rawValue), .text(fleet.hardware.rawValue), .number(fleet.builtUnits, .quantity),
                .number(fleet.unitCapexUSD, .usd), optional(fleet.breakEvenUnitCapexUSD, .usd),
                optional(fleet.change, .percent), .text(fleet.verdict.rawValue), optional(fleet.bracket?.builds, .usd),
                optional(fleet.bracket?.buildsNone, .usd), .text(statement(fleet)),
            ])
        }
        return sheet
    }

    private func limitsSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Limits", headers: ["limit", "facility", "year", "shadow price", "unit", "binding", "in words"])
        for limit in prices.powerLimits {
            sheet.append([
                .text("power"), .text(limit.facility?.rawValue ?? ""), .number(Double(limit.year ?? 0), .integer),
                .number(limit.shadowPrice, .usd), .text("USD per MW"), .text(limit.binding ? "yes" : "no"),
                .text(statement(limit)),
            ])
        }
        if let budget = prices.budget {
            sheet.append([
                .text("budget"), .text(""), .text(""), .number(budget.shadowPrice, .decimal), .text("USD per USD"),
                .text(budget.binding ? "yes" : "no"), .text(statement(budget)),
            ])
        }
        return sheet
    }
}
