/// One sheet of a ``Workbook``: a table whose first row is the header (frozen, with an
/// autofilter over the whole table) and, optionally, charts drawn from its columns.
///
/// ```swift
/// var sheet = Worksheet(name: "Scenarios", columns: [WorkbookColumn("scenario"), WorkbookColumn("NPV (USD)")])
/// sheet.append([.text("base"), .number(1.2e9, .usd)])
/// ```
public struct Worksheet: Sendable, Hashable {
    /// At most 31 characters, none of `[ ] : * ? / \` (Excel's rules; checked when rendered).
    public var name: String
    public var columns: [WorkbookColumn]
    public var rows: [[WorkbookCell]]
    /// Charts of this sheet's columns; a sheet without data rows shows none.
    public var charts: [WorkbookChart]

    public init(
        name: String, columns: [WorkbookColumn], rows: [[WorkbookCell]] = [], charts: [WorkbookChart] = []
    ) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.charts = charts
    }

    /// A sheet of labelled table columns given by their headers.
    public init(name: String, headers: [String], rows: [[WorkbookCell]] = [], charts: [WorkbookChart] = []) {
        self.init(name: name, columns: headers.map { WorkbookColumn($0) }, rows: rows, charts: charts)
    }

    /// A sheet of labelled figures, one a row: label, value and unit.
    ///
    /// ```swift
    /// var summary = Worksheet.figures(name: "Summary", label: "figure")
    /// summary.appendFigure("expected NPV", .number(2.1e9, .usd), unit: "USD")
    /// ```
    public static func figures(name: String, label: String) -> Worksheet {
        Worksheet(
            name: name, columns: [WorkbookColumn(label), WorkbookColumn("value", width: 24), WorkbookColumn("unit")])
    }

    public mutating func append(_ row: [WorkbookCell]) { rows.append(row) }

    /// Adds a row of a ``figures(name:label:)`` sheet; the unit cell stays empty without a unit.
    public mutating func appendFigure(_ label: String, _ value: WorkbookCell, unit: String = "") {
        rows.append([.text(label), value, unit.isEmpty ? .empty : .text(unit)])
    }

    /// The width of each column in characters: the given one, or the widest of the header and
    /// the cells, plus room for the autofilter's button, between 8 and 60.
    var widths: [Double] {
        columns.enumerated().map { index, column in
            if let width = column.width { return width }
            let widest = rows.reduce(column.header.count) { max($0, index < $1.count ? $1[index].displayWidth : 0) }
            return Double(min(max(widest + 3, 8), 60))
        }
    }
}
