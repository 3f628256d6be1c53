extension Workbook {
    /// This workbook with `transform` applied to every text it shows: the title, sheet headers,
    /// text cells and chart titles and axis names (sheet names are the reports' own). The caller
    /// neutralises text from input files this way before rendering, as every other output does.
    ///
    /// ```swift
    /// let shown = workbook.mappingText { $0.replacingOccurrences(of: "\u{202E}", with: "\u{FFFD}") }
    /// ```
    public func mappingText(_ transform: (String) -> String) -> Workbook {
        var copy = self
        copy.title = transform(title)
        copy.sheets = sheets.map { sheet in
            var sheet = sheet
            sheet.columns = sheet.columns.map { WorkbookColumn(transform($0.header), width: $0.width) }
            sheet.rows = sheet.rows.map { row in
                row.map { cell in
                    guard case .text(let text) = cell else { return cell }
                    return .text(transform(text))
                }
            }
            sheet.charts = sheet.charts.map { chart in
                var chart = chart
                chart.title = transform(chart.title)
                chart.categoryAxis = transform(chart.categoryAxis)
                chart.valueAxis = transform(chart.valueAxis)
                return chart
            }
            return sheet
        }
        return copy
    }
}
