/// A simplex basis: whether each row and column of a linear program is basic, or non-basic at
/// which bound. A session's optimal basis can be read, stored in one byte per row and column,
/// and installed again in a session of the same shape, so a solve continues from it.
///
/// Bases of independent programs put side by side (their columns and rows concatenated, as a
/// program that joins them lays them out) form a basis of the joined program:
///
/// ```swift
/// let parts = try sessions.map { try $0.basis()! }
/// var joined = Basis(rows: parts.flatMap(\.rows), columns: parts.flatMap(\.columns))
/// joined.columns.append(.atLower)       // a column the joined program adds, at 0
/// try combined.setBasis(joined)
/// let solution = try combined.solve(using: .primal)   // starts from the joined optimum
/// ```
public struct Basis: Sendable, Hashable {
    /// One row's or column's place in the basis.
    public enum Status: UInt8, Sendable, Hashable {
        case basic
        /// Non-basic at its lower bound.
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
        /// Non-basic and free (at zero).
        case free
        /// Non-basic and fixed (lower equals upper).
        case fixed
    }

    /// Per row of the program, in order.
    public var rows: [Status]
    /// Per column of the program, in order.
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// How many rows and columns are basic (a valid basis has as many as the program has rows).
    public var basicCount: Int {
        rows.reduce(0) { $0 + ($1 == .basic ? 1 : 0) } + columns.reduce(0) { $0 + ($1 == .basic ? 1 : 0) }
    }
}
