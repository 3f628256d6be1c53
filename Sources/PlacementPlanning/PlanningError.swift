import LinearProgramming

/// Failures of the planning pipeline's own stages.
public enum PlanningError: Error, CustomStringConvertible, Sendable {
    case stageFailed(stage: String, block: String, termination: TerminationStatus, message: String?)
    case internalState(String)
    /// A combination the pipeline cannot compute exactly yet, said rather than approximated.
    case unsupported(String)
    /// A held plan's build (at `position` of the builds given) that the study cannot hold.
    case heldBuild(position: Int, reason: String)

    /// Why an adaptive plan (builds by scenario) cannot be held on other scenarios.
    public static let adaptiveHoldReason =
        "its builds depend on its scenarios (adaptive decisions): it can be held only on the scenarios it was "
        + "solved for, with decisions: adaptive"

    public var description: String {
        switch self {
        case .stageFailed(let stage, let block, let termination, let message):
            "the \(stage) of block [\(block)] ended \(termination.rawValue)" + (message.map { ": \($0)" } ?? "")
        case .internalState(let text):
            "internal error: \(text)"
        case .unsupported(let text):
            text
        case .heldBuild(_, let reason):
            "the plan cannot be held on this study: \(reason)"
        }
    }
}
