import PlacementWorkbook

extension HTMLReport {
    /// The report's workbook companion (`placement report --workbook FILE.xlsx`, docs/outputs.md):
    /// the optimize workbook's sheets, then the sheets of each extra section the report shows,
    /// named after it: "Changed ..." (`--compare`), "Alternatives ..." (`--alternatives`),
    /// "Risk ..." (`--paths`), "Explain ..." (`--explain`) and "Value ..." (`--value`), each as its own command writes it.
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "report.xlsx")
    /// ```
    public func workbook() -> Workbook {
        var sheets = report.workbook().sheets
        if let comparison { sheets += Self.named("Changed", ComparisonReport(comparison).workbook().sheets) }
        if let alternatives { sheets += Self.named("Alternatives", alternatives.workbook().sheets) }
        if let risk { sheets += Self.named("Risk", risk.workbook().sheets) }
        if let explain { sheets += Self.named("Explain", explain.workbook().sheets) }
        if let valueOfInformation { sheets += Self.named("Value", valueOfInformation.workbook().sheets) }
        return Workbook(title: "SovereignPlacement report: \(report.studyPath)", sheets: sheets)
    }

    /// Sheet names within Excel's 31 characters once prefixed.
    private static let shorter = ["Extreme plan builds": "extreme builds", "Optimal plan builds": "optimal builds"]

    /// `sheets` renamed "<prefix> <name>": "Risk summary", but "Risk NPV histogram" (an acronym keeps its case).
    private static func named(_ prefix: String, _ sheets: [Worksheet]) -> [Worksheet] {
        sheets.map { sheet in
            var renamed = sheet
            let name = sheet.name
            let acronym = name.prefix(2).allSatisfy(\.isUppercase)
            let rest = shorter[name] ?? (acronym ? name : name.prefix(1).lowercased() + name.dropFirst())
            renamed.name = "\(prefix) \(rest)"
            return renamed
        }
    }
}
