/// Why a study's paths cannot be drawn.
///
/// ```swift
/// do { _ = try PathSampler(study: study) } catch { print(error.message) }
/// ```
public struct SamplingError: Error, Hashable, Sendable {
    /// What is wrong, as a sentence for the command line.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
