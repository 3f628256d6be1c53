/// An inconsistency found when a ``Study`` is assembled in code (the loader reports
/// these as located diagnostics before it builds a study).
public struct StudyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is inconsistent.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
