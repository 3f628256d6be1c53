/// A result file that cannot be compared: where (file, and the line and column of a syntax
/// error or the key path of a missing or mistyped field), what, and how to fix it.
public struct ResultFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// `line:column` of a JSON syntax error; nil for a problem with a field.
    public var position: (line: Int, column: Int)?
    /// The key path of the field, e.g. `capacity[3].year`; empty for the whole file.
    public var field: String
    public var message: String
    public var hint: String

    public init(
        file: String, position: (line: Int, column: Int)? = nil, field: String = "", message: String,
        hint: String
    ) {
        self.file = file
        self.position = position
        self.field = field
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let location = file + (position.map { ":\($0.line):\($0.column)" } ?? "")
        return "\(location): error: \(field.isEmpty ? "" : field + ": ")\(message)\n  hint: \(hint)"
    }

    public static func == (lhs: ResultFileError, rhs: ResultFileError) -> Bool {
        lhs.description == rhs.description
    }
}
