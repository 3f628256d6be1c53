import LinearProgramming

/// How a sweep variant ended: the solver's termination, or a failure before or around the
/// solve (the variant could not be built, or the solver raised an error). Written as the
/// termination's name (`optimal`, `timeLimit`, ...) or `error`.
///
/// ```swift
/// VariantStatus(rawValue: "optimal")   // .finished(.optimal)
/// VariantStatus.failed.rawValue        // "error"
/// ```
public enum VariantStatus: Hashable, Sendable, RawRepresentable {
    case finished(TerminationStatus)
    case failed

    public init?(rawValue: String) {
        if rawValue == "error" {
            self = .failed
        } else if let termination = TerminationStatus(rawValue: rawValue) {
            self = .finished(termination)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .finished(let termination): termination.rawValue
        case .failed: "error"
        }
    }

    /// Whether the variant failed outright (no solver status at all).
    public var isFailure: Bool { self == .failed }
    /// The variant's plan is proven optimal (within the decomposition's gap).
    public var isOptimal: Bool { self == .finished(.optimal) }
}
