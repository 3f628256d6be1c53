import LinearProgramming

/// Failures of the planning pipeline's own stages.
public enum PlanningError: Error, CustomStringConvertible, Sendable {
    case stageFailed(stage: String, block: String, termination: TerminationStatus, message: String?)
    case internalState(String)
    /// A combination the pipeline cannot compute exactly yet, said rather than approximated.
    case unsupported(String)

    public var description: String {
        switch self {
        case .stageFailed(let stage, let block, let termination, let message):
            "the \(stage) of block [\(block)] ended \(termination.rawValue)" + (message.map { ": \($0)" } ?? "")
        case .internalState(let text):
            "internal error: \(text)"
        case .unsupported(let text):
            text
        }
    }
}
