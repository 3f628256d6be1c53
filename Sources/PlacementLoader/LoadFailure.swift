/// Why a study or sweep could not be loaded: every error found, and whether an input
/// was missing or unreadable (exit 66) or present but invalid (exit 65).
///
/// ```swift
/// do {
///     let loaded = try StudyLoader().loadStudy(at: "Models/baseline.yaml")
/// } catch {
///     for diagnostic in error.diagnostics { print(diagnostic) }
///     exit(error.kind.exitCode)
/// }
/// ```
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// The class of failure, which decides the exit code.
    public enum Kind: String, Hashable, Sendable {
        /// An input file does not exist or cannot be read (sysexits EX_NOINPUT, 66).
        case missingInput
        /// Every file was read but the data is invalid (sysexits EX_DATAERR, 65).
        case invalidData

        /// 66 for ``missingInput``, 65 for ``invalidData``.
        public var exitCode: Int32 { self == .missingInput ? 66 : 65 }
    }

    /// Missing input wins over invalid data when both occur.
    public var kind: Kind
    /// Every error and warning found, in file order then by position.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic rendered, one after another.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
