/// A column of a worksheet table: its header (with the unit, e.g. `capex (USD)`) and, when
/// given, its width in characters; otherwise the width follows the header and the cells.
///
/// ```swift
/// let column = WorkbookColumn("IT power (MW)")
/// ```
public struct WorkbookColumn: Sendable, Hashable {
    public var header: String
    public var width: Double?

    public init(_ header: String, width: Double? = nil) {
        self.header = header
        self.width = width
    }
}
