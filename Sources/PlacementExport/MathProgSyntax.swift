import PlacementModel

/// How values are spelled in a GNU MathProg data section.
enum MathProgSyntax {
    /// MathProg rejects symbols and string literals longer than this.
    static let maximumSymbolLength = 100

    /// A symbol in single quotes (ids contain `-` and `+`, which bare symbols may not). Quotes
    /// are doubled; a control character (ids hold none; a line break would end the literal) is
    /// written escaped, so no text can leave the literal.
    static func symbol(_ text: String) -> String {
        "'" + DisplayText.escaped(text).replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A number that reads back to the same double: whole numbers without a fraction,
    /// everything else in Swift's shortest round-trip form (`0.1`, `1e-05`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A `# ...` comment line for each line of `text`. Lines are split at every line break
    /// (`\r\n` is one Character in Swift, so splitting on "\n" alone would miss it) and any other
    /// control character is escaped: no text, a study path included, can end the comment.
    static func comment(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { "# \(DisplayText.escaped(String($0)))".trimmingTrailingSpaces() }
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
