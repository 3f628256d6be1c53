import Foundation

/// A plain-text table with aligned columns: the first column left-aligned, the rest right-aligned.
///
/// ```swift
/// var table = TextTable(header: ["facility", "2026", "2027"])
/// table.append(["abu-dhabi-campus", "1,200", "3,400"])
/// print(table.rendered())
/// ```
public struct TextTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public var isEmpty: Bool { rows.isEmpty }

    public func rendered(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).map { indent + $0 }.joined(separator: "\n")
    }
}

/// Number formats for people: thousands separators, money in M/B USD, percentages.
public enum Format {
    /// `value` with thousands separators and `decimals` decimals; "-" when not finite; from 1e21
    /// on (digits a double does not hold, up to 309 of them) in scientific notation, `1.700e+308`.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 1e21 { return String(format: "%.3e", value) }
        let negative = value < 0
        let scaled = (abs(value) * pow10(decimals)).rounded() / pow10(decimals)
        // "%.0f" prints any finite double's integer part exactly; Int64 would trap from 9.2e18 on.
        var integer = String(format: "%.0f", scaled.rounded(.down))
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if decimals > 0 {
            let fraction = Int64(((scaled - scaled.rounded(.down)) * pow10(decimals)).rounded())
            let digits = String(fraction)
            grouped += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return (negative && scaled != 0 ? "-" : "") + grouped
    }

    /// USD as "12.34 B", "567.8 M" or "12,345".
    public static func money(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude >= 1e9 { return grouped(value / 1e9, decimals: 2) + " B" }
        if magnitude >= 1e6 { return grouped(value / 1e6, decimals: 1) + " M" }
        return grouped(value)
    }

    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return grouped(value * 100, decimals: 1) + "%"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
