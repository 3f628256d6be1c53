import PlacementModel

/// One problem found in an input file, located by file, line and column.
///
/// Renders as
/// ```text
/// Regions/india.yaml:14:7: error: unknown key 'pu' in facility 'mumbai-campus'
///   hint: did you mean 'pue'?
/// ```
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        /// The study cannot be used.
        case error
        /// The study loads, but something is probably not what the planner meant.
        case warning
    }

    /// The file as the user named it (files referenced by a study: joined to the study's
    /// directory and normalised).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file (e.g. it cannot be read).
    public var line: Int
    /// 1-based column in Unicode scalars; 0 with ``line`` 0.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String

    /// Creates a diagnostic.
    public init(
        file: String, line: Int, column: Int, severity: Severity, message: String, hint: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// Creates a diagnostic at a location.
    init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String) {
        self.init(
            file: location.file, line: location.line, column: location.column, severity: severity,
            message: message, hint: hint)
    }

    /// `file:line:column: severity: message` and, on the next line, `  hint: hint`. Control and
    /// bidirectional characters quoted from a file (or a path) are escaped (``DisplayText``), so a
    /// file can neither drive the terminal nor forge diagnostic lines.
    public var description: String {
        let position = line > 0 ? "\(DisplayText.escaped(file)):\(line):\(column)" : DisplayText.escaped(file)
        return
            "\(position): \(severity.rawValue): \(DisplayText.escaped(message))\n  hint: \(DisplayText.escaped(hint))"
    }
}
