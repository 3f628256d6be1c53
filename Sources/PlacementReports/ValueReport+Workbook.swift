import PlacementModel
import PlacementWorkbook

extension ValueReport {
    /// The value of information as an analyst's workbook (`value --format xlsx`, docs/outputs.md):
    /// a Summary (study, decisions mode, whether every solve was proven optimal, the mean
    /// scenario's own optimum) and one row per figure with its meaning, charted as columns so RP,
    /// WS and EEV read against each other.
    ///
    /// ```swift
    /// try OutputFile.write(ValueReport(value, studyPath: path).workbook().xlsx(), to: "value.xlsx")
    /// ```
    public func workbook() -> Workbook {
        Workbook(
            title: "SovereignPlacement: value of information of \(studyPath)", sheets: [summarySheet(), figuresSheet()])
    }

    private func summarySheet() -> Worksheet {
        var sheet = Worksheet.figures(name: "Summary", label: "figure")
        sheet.appendFigure("study", .text(studyPath))
        sheet.appendFigure("schema of the JSON result", .text(Self.schema))
        sheet.appendFigure("decisions", .text(value.decisions.rawValue))
        sheet.appendFigure("every solve proven optimal", .text(value.allOptimal ? "yes" : "no"))
        sheet.appendFigure("EV (the mean scenario's own optimum)", .number(value.expectedValue, .usd), unit: "USD")
        return sheet
    }

    private func figuresSheet() -> Worksheet {
        let chart = WorkbookChart(
            kind: .column, title: "Value of information", categories: 1, values: [2], categoryAxis: "figure",
            valueAxis: "risk-weighted NPV (USD)", valueFormat: .usd)
        var sheet = Worksheet(
            name: "Figures", headers: ["key", "figure", "value (USD)", "meaning"], charts: [chart])
        for figure in figures {
            sheet.append([.text(figure.key), .text(figure.label), .number(figure.usd, .usd), .text(figure.meaning)])
        }
        return sheet
    }
}
