import Foundation

/// A CSV document (RFC 4180 quoting, `\n` line ends) built row by row.
///
/// ```swift
/// var table = CSVTable(header: ["facility", "year", "built"])
/// table.append(["abu-dhabi-campus", "2026", "1200"])
/// table.text // "facility,year,built\nabu-dhabi-campus,2026,1200\n"
/// ```
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header \(header.count)")
        rows.append(row)
    }

    public var text: String {
        ([header] + rows).map { $0.map(Self.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// One row as ``text`` writes it, with its line break: a table written line by line.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    /// A field as written: quoted when it holds a comma, quote or line break, and, when it is
    /// text starting with `=`, `+`, `-`, `@`, a tab or a carriage return, prefixed with `'` so
    /// that a spreadsheet shows it as text instead of running it as a formula (OWASP's CSV
    /// injection advice). Finite numbers (`-5`, `-1.5e-3`) stay numbers.
    public static func escape(_ field: String) -> String {
        var field = field
        if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            Double(field)?.isFinite != true
        {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as JSON writes it; empty for a missing or non-finite value.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.format(value)
    }
}
