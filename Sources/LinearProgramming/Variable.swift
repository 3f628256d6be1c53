/// A handle to a column of a ``LinearProgram``.
///
/// Handles are plain indices: cheap to store in the model-building code's own
/// tables and valid for the model that returned them (and its copies).
///
/// ```swift
/// var lp = LinearProgram(sense: .maximize)
/// let x = lp.addVariable(name: "x", lower: 0, upper: 4, objective: 3)
/// print(x.index) // 0
/// ```
public struct Variable: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Zero-based column position.
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }

    public var description: String { "column \(index + 1)" }
}
