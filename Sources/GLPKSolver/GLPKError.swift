import LinearProgramming

/// What went wrong on the way to (not inside) a solve. A solve that ends without an
/// optimum is not an error: it is a ``Solution`` with the reason in its statuses.
///
/// ```swift
/// do { _ = try GLPKSolver().solve(lp) }
/// catch GLPKError.invalidModel(let problem) { print("fix the model:", problem) }
/// ```
public enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model failed ``LinearProgram/validate()``; nothing reached GLPK.
    case invalidModel(ModelError)
    /// GLPK raised a fatal error inside `call`; its session is gone (see ``GLPKSession``).
    case glpkFailure(call: String, message: String)
    /// The session lost its GLPK problem to an earlier fatal error; open a new one.
    case sessionInvalidated
    /// Sensitivity analysis needs an optimal basis from a simplex solve of an LP.
    case noOptimalBasis(String)
    /// GLPK could not write the file.
    case exportFailed(path: String)
    /// The requested operation does not apply to this model.
    case unsupported(String)

    public var description: String {
        switch self {
        case .invalidModel(let problem): "invalid model: \(problem)"
        case .glpkFailure(let call, let message):
            "GLPK failed in \(call): \(message.isEmpty ? "no message" : message)"
        case .sessionInvalidated:
            "the GLPK session was invalidated by an earlier GLPK failure; create a new session"
        case .noOptimalBasis(let why): "no optimal basis for sensitivity analysis: \(why)"
        case .exportFailed(let path): "GLPK could not write \(path)"
        case .unsupported(let what): what
        }
    }
}
