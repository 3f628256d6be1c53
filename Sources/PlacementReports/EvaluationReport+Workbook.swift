import PlacementRisk
import PlacementWorkbook

extension EvaluationReport {
    /// The evaluation as an analyst's workbook (`evaluate --format xlsx`, docs/outputs.md): a
    /// Summary (plan, study, scenarios file and the summaries), one row per scenario of the
    /// file, the NPV and final-year stranded histograms (column charts) and the utilization fan
    /// (a line chart of P5 to P95 by year).
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "evaluation.xlsx")
    /// ```
    public func workbook() -> Workbook {
        let final = summaries.years.last.map(String.init) ?? ""
        let metadata: [(String, [WorkbookCell], String)] = [
            ("plan", [.text(plan)], ""), ("study", [.text(studyPath)], ""),
            ("scenarios file", [.text(scenariosFile)], ""), ("schema of the JSON result", [.text(Self.schema)], ""),
            ("scenarios", [.number(Double(scenarios.count), .usd)], "count"),
        ]
        let sheets = [
            RiskSheets.summary(name: "Summary", columns: ["value"], metadata: metadata, [summaries]),
            RiskSheets.figures(name: "Scenarios", scenarios),
            RiskSheets.histogram(
                name: "NPV histogram", title: "NPV over \(scenarios.count) scenarios", of: \.npv, over: scenarios,
                markers: [], valueName: "NPV", countName: "scenarios"),
            RiskSheets.fan(name: "Utilization fan", summaries),
            RiskSheets.histogram(
                name: "Stranded histogram", title: "Fleet stranded value in \(final) over \(scenarios.count) scenarios",
                of: \.finalYearStranded, over: scenarios, markers: [], valueName: "stranded \(final)",
                countName: "scenarios"),
        ]
        return Workbook(title: "SovereignPlacement: \(plan) held on \(scenariosFile)", sheets: sheets)
    }
}
