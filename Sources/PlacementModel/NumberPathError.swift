/// A number path that names nothing changeable, or a value outside its field's range.
///
/// ```swift
/// do { try study.setNumber(at: "facilities.riyadh-hexagn.pue", to: 1.2) }
/// catch { print(error) }   // unknown facility 'riyadh-hexagn'; did you mean 'riyadh-hexagon'?
/// ```
public struct NumberPathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `unknown facility 'riyadh-hexagn'`.
    public var message: String
    /// A fix: a did-you-mean or the accepted values.
    public var hint: String

    /// Creates an error.
    public init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    /// `message; hint`.
    public var description: String { hint.isEmpty ? message : "\(message); \(hint)" }
}
