/// A native Excel chart drawn from the columns of the sheet it sits on: categories from one
/// column, one series per value column (named by the column's header), over every data row.
/// It is placed to the right of the table. A ``Kind/rangeBar`` takes exactly two value columns:
/// where each bar starts and how long it is.
///
/// ```swift
/// let chart = WorkbookChart(
///     kind: .stackedColumn, title: "Installed accelerators", categories: 0, values: [2, 3],
///     categoryAxis: "facility, year", valueAxis: "accelerators")
/// ```
public struct WorkbookChart: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Vertical bars stacked per category (one segment per series).
        case stackedColumn
        /// Vertical bars side by side per category.
        case column
        /// Vertical bars that touch (no gap between categories), one series, no legend: the counts
        /// of a histogram's bins, the categories its bins.
        case histogram
        /// One line per series.
        case line
        /// Horizontal range bars: each category's bar runs from its first value column to the
        /// first plus the second (a width, not an end). Excel has no range bar, so it is a stacked
        /// bar whose first series has no fill, border or legend entry.
        case rangeBar
    }

    public var kind: Kind
    public var title: String
    /// The column (0-based) holding the category labels.
    public var categories: Int
    /// The columns (0-based) holding the series' values.
    public var values: [Int]
    public var categoryAxis: String
    public var valueAxis: String
    /// The value axis' number format (e.g. percentages for utilization).
    public var valueFormat: NumberFormat

    public init(
        kind: Kind, title: String, categories: Int, values: [Int], categoryAxis: String, valueAxis: String,
        valueFormat: NumberFormat = .general
    ) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.values = values
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.valueFormat = valueFormat
    }
}
