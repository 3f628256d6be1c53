import Foundation

/// One cell of a worksheet table: a number with its display format, text, or nothing.
///
/// Text is always written as a string cell, never as a formula: a name such as `=1+1` or
/// `=HYPERLINK(...)` stays the text it is.
///
/// ```swift
/// let row: [WorkbookCell] = [.text("riyadh-hexagon"), .number(2030, .integer), .number(0.82, .percent)]
/// ```
public enum WorkbookCell: Sendable, Hashable {
    /// A number shown in `format`; a NaN or infinity is written as an empty cell.
    case number(Double, NumberFormat)
    case text(String)
    case empty

    /// A number, or an empty cell when `value` is nil or not finite (Excel has no NaN or infinity).
    public static func number(_ value: Double?, _ format: NumberFormat) -> WorkbookCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value, format)
    }

    /// Roughly how many characters the cell takes on screen, for column widths.
    var displayWidth: Int {
        switch self {
        case .text(let text): text.count
        case .empty: 0
        case .number(let value, let format):
            switch format {
            case .percent: 7
            case .integer: String(Int(value.rounded())).count
            default:
                // Digits, separators every three digits, sign and decimals.
                max(1, Int(log10(max(abs(value), 1))) + 1) * 4 / 3 + 5
            }
        }
    }
}
