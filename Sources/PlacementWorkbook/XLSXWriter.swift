import CXLSXWriter
import Foundation

/// The one place that calls libxlsxwriter: renders a validated ``Workbook`` to a file. Every C
/// string it passes is a copy owned here until the workbook is closed, so no pointer outlives
/// the Swift string it came from, whatever the library keeps.
final class XLSXWriter {
    private let path: String
    private let temporaryDirectory: String
    private var strings: [UnsafeMutablePointer<CChar>] = []

    init(path: String, temporaryDirectory: String) {
        self.path = path
        self.temporaryDirectory = temporaryDirectory
    }

    deinit { for string in strings { free(string) } }

    /// A C copy of `text` that lives as long as this writer.
    private func c(_ text: String) -> UnsafeMutablePointer<CChar> {
        let copy = strdup(text)!
        strings.append(copy)
        return copy
    }

    func write(_ book: Workbook) throws {
        var options = lxw_workbook_options()
        options.constant_memory = 0
        options.tmpdir = c(temporaryDirectory)
        options.use_zip64 = 0
        guard let workbook = workbook_new_opt(c(path), &options) else {
            throw WorkbookError("libxlsxwriter could not start a workbook at \(path)")
        }
        // workbook_close frees the workbook whether or not it could write it.
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }

        var properties = lxw_doc_properties()
        properties.title = c(book.title)
        properties.created = time_t(book.created.timeIntervalSince1970.rounded(.down))
        try check(workbook_set_properties(workbook, &properties), "the document properties")

        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(header)
        var formats: [NumberFormat: UnsafeMutablePointer<lxw_format>] = [:]
        for format in NumberFormat.allCases {
            let cell = workbook_add_format(workbook)
            format_set_num_format(cell, c(format.rawValue))
            formats[format] = cell
        }

        for sheet in book.sheets {
            guard let worksheet = workbook_add_worksheet(workbook, c(sheet.name)) else {
                throw WorkbookError("libxlsxwriter refused the sheet '\(sheet.name)'")
            }
            try writeTable(sheet, to: worksheet, header: header, formats: formats)
            guard !sheet.rows.isEmpty else { continue }
            if !sheet.charts.isEmpty {
                // The charts sit right of the table: printed in landscape, one page wide, so that
                // no chart is cut at the page's edge (LibreOffice and Excel both honour it).
                worksheet_set_landscape(worksheet)
                worksheet_fit_to_pages(worksheet, 1, 0)
            }
            for (position, chart) in sheet.charts.enumerated() {
                try insert(chart, of: sheet, into: worksheet, workbook: workbook, position: position)
            }
        }
        closed = true
        try check(workbook_close(workbook), "the workbook \(path)")
    }

    private func writeTable(
        _ sheet: Worksheet, to worksheet: UnsafeMutablePointer<lxw_worksheet>,
        header: UnsafeMutablePointer<lxw_format>?, formats: [NumberFormat: UnsafeMutablePointer<lxw_format>]
    ) throws {
        let what = "sheet '\(sheet.name)'"
        for (column, width) in sheet.widths.enumerated() {
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), what)
        }
        for (column, item) in sheet.columns.enumerated() {
            try check(worksheet_write_string(worksheet, 0, lxw_col_t(column), c(item.header), header), what)
        }
        for (index, row) in sheet.rows.enumerated() {
            let line = lxw_row_t(index + 1)
            for (column, cell) in row.enumerated() {
                let column = lxw_col_t(column)
                switch cell {
                // A string cell (shared string table): Excel never evaluates it, whatever it starts with.
                case .text(let text): try check(worksheet_write_string(worksheet, line, column, c(text), nil), what)
                case .number(let value, let format) where value.isFinite:
                    try check(worksheet_write_number(worksheet, line, column, value, formats[format]), what)
                // Excel has no NaN or infinity: such a number is left out, as an empty cell.
                case .number, .empty: continue
                }
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        let lastColumn = lxw_col_t(sheet.columns.count - 1)
        try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lastColumn), what)
    }

    private func insert(
        _ chart: WorkbookChart, of sheet: Worksheet, into worksheet: UnsafeMutablePointer<lxw_worksheet>,
        workbook: UnsafeMutablePointer<lxw_workbook>, position: Int
    ) throws {
        let type: lxw_chart_type =
            switch chart.kind {
            case .stackedColumn: LXW_CHART_COLUMN_STACKED
            case .column, .histogram: LXW_CHART_COLUMN
            case .line: LXW_CHART_LINE
            case .rangeBar: LXW_CHART_BAR_STACKED
            }
        guard let drawn = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
            throw WorkbookError("libxlsxwriter could not add the chart '\(chart.title)'")
        }
        let name = c(sheet.name)
        let lastRow = lxw_row_t(sheet.rows.count)
        for column in chart.values {
            guard let series = chart_add_series(drawn, nil, nil) else {
                throw WorkbookError("libxlsxwriter could not add a series to the chart '\(chart.title)'")
            }
            let categories = lxw_col_t(chart.categories)
            chart_series_set_categories(series, name, 1, categories, lastRow, categories)
            chart_series_set_values(series, name, 1, lxw_col_t(column), lastRow, lxw_col_t(column))
            chart_series_set_name_range(series, name, 0, lxw_col_t(column))
            if chart.kind == .rangeBar, column == chart.values.first {
                // The bar's start: stacked under the visible length but drawn as nothing.
                var fill = lxw_chart_fill()
                fill.none = 1
                chart_series_set_fill(series, &fill)
                var line = lxw_chart_line()
                line.none = 1
                chart_series_set_line(series, &line)
            }
        }
        chart_title_set_name(drawn, c(chart.title))
        // In libxlsxwriter's bar charts x is the horizontal axis: there it holds the values.
        let (categoryAxis, valueAxis) =
            chart.kind == .rangeBar
            ? (drawn.pointee.y_axis, drawn.pointee.x_axis) : (drawn.pointee.x_axis, drawn.pointee.y_axis)
        chart_axis_set_name(categoryAxis, c(chart.categoryAxis))
        chart_axis_set_name(valueAxis, c(chart.valueAxis))
        chart_axis_set_num_format(valueAxis, c(chart.valueFormat.rawValue))
        // A range bar and a histogram have one visible series, named by the axis: no legend. (Deleting
        // only the range bar's start entry is not enough: LibreOffice then shows the start's name.)
        let legend =
            chart.kind == .rangeBar || chart.kind == .histogram ? LXW_CHART_LEGEND_NONE : LXW_CHART_LEGEND_BOTTOM
        // A histogram's bins touch, as its values run on without a break.
        if chart.kind == .histogram { chart_set_series_gap(drawn, 0) }
        chart_legend_set_position(drawn, UInt8(legend.rawValue))
        var options = lxw_chart_options()
        // Wider for many categories (50 facility-years), so their labels stay legible.
        options.x_scale = min(4, max(1.5, Double(sheet.rows.count) / 16))
        options.y_scale = 1.5
        // To the right of the table, one below the other (22 rows high at this scale, and a gap).
        let row = lxw_row_t(1 + position * 24)
        let column = lxw_col_t(sheet.columns.count + 1)
        try check(worksheet_insert_chart_opt(worksheet, row, column, drawn, &options), "chart '\(chart.title)'")
    }

    private func check(_ error: lxw_error, _ what: String) throws {
        guard error != LXW_NO_ERROR else { return }
        throw WorkbookError("cannot write \(what): \(String(cString: lxw_strerror(error)))")
    }
}
