/// How a number cell is shown in Excel. The stored value is always the full double; the format
/// only rounds what the analyst sees. Units go in the column header, not in the format, so a
/// pasted cell stays a plain number.
///
/// ```swift
/// let cell = WorkbookCell.number(1_250_000, .usd)   // shown as 1,250,000
/// ```
public enum NumberFormat: String, Sendable, CaseIterable, Hashable {
    /// Money in whole dollars, and whole counts, with thousands separators (`#,##0`).
    case usd = "#,##0"
    /// A share shown as a percentage with one decimal (`0.0%`); 0.5 is shown as 50.0%.
    case percent = "0.0%"
    /// Megawatts with three decimals and thousands separators (`#,##0.000`).
    case megawatts = "#,##0.000"
    /// Counts that a linear program may leave fractional (accelerators, hours): `#,##0.0`.
    case quantity = "#,##0.0"
    /// A year or an identifier-like whole number, without separators (`0`).
    case integer = "0"
    /// A ratio or index with four decimals (`0.0000`).
    case decimal = "0.0000"
    /// Excel's General format.
    case general = "General"
}
