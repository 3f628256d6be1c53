/// A position in an input file: 1-based line and column (column in Unicode scalars).
struct SourceLocation: Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int

    /// The whole file, for problems without a position.
    static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    /// The first position of a file.
    static func start(of file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }
}
