/// A handle to a row of a ``LinearProgram``.
///
/// ```swift
/// var lp = LinearProgram(sense: .maximize)
/// let x = lp.addVariable(name: "x", objective: 1)
/// let row = lp.addConstraint(name: "cap", terms: [(x, 1)], .lessOrEqual(5))
/// print(row.index) // 0
/// ```
public struct Constraint: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Zero-based row position.
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (lhs: Constraint, rhs: Constraint) -> Bool { lhs.index < rhs.index }

    public var description: String { "row \(index + 1)" }
}
