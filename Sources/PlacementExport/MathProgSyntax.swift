/// How values are spelled in a GNU MathProg data section.
enum MathProgSyntax {
    /// MathProg rejects symbols and string literals longer than this.
    static let maximumSymbolLength = 100

    /// A symbol in single quotes (ids contain `-` and `+`, which bare symbols may not).
    static func symbol(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A number that reads back to the same double: whole numbers without a fraction,
    /// everything else in Swift's shortest round-trip form (`0.1`, `1e-05`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A `# ...` comment line for each line of `text`.
    static func comment(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)".trimmingTrailingSpaces() }
            .joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
