import PlacementRisk
import PlacementWorkbook

extension RiskReport {
    /// The risk report as an analyst's workbook (`risk --format xlsx`, docs/outputs.md): a
    /// Summary of the in-sample and out-of-sample figures side by side (with the seed, the
    /// number of paths and the sampler), one row per path, one row per scenario of the study,
    /// the NPV histogram and the final-year stranded histogram (bins computed here, column
    /// charts) and the utilization fan (a line chart of P5 to P95 by year).
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "risk.xlsx")
    /// ```
    public func workbook() -> Workbook {
        let final = summaries.years.last.map(String.init) ?? ""
        let metadata: [(String, [WorkbookCell], String)] = [
            ("study", [.text(studyPath), .text(studyPath)], ""),
            ("schema of the JSON result", [.text(Self.schema), .text(Self.schema)], ""),
            (
                "scenarios or paths",
                [.number(Double(inSample.count), .usd), .number(Double(paths.count), .usd)], "count"
            ),
            ("seed", [.empty, .number(Double(seed), .integer)], ""),
            ("sampler", [.text("the study's scenarios"), .text(sampler)], ""),
        ]
        let sheets = [
            RiskSheets.summary(
                name: "Summary", columns: ["in-sample (the study's scenarios)", "out-of-sample (paths)"],
                metadata: metadata, [inSampleSummaries, summaries]),
            RiskSheets.figures(name: "Paths", paths),
            RiskSheets.figures(name: "In-sample", inSample),
            RiskSheets.histogram(
                name: "NPV histogram", title: "NPV over \(paths.count) paths", of: \.npv, over: paths,
                markers: inSample, valueName: "NPV", countName: "paths"),
            RiskSheets.fan(name: "Utilization fan", summaries),
            RiskSheets.histogram(
                name: "Stranded histogram", title: "Fleet stranded value in \(final) over \(paths.count) paths",
                of: \.finalYearStranded, over: paths, markers: inSample, valueName: "stranded \(final)",
                countName: "paths"),
        ]
        return Workbook(title: "SovereignPlacement: risk of \(studyPath)", sheets: sheets)
    }
}
