/// One varied number of a ``Sweep``: a number path and the values it takes.
///
/// ```swift
/// SweepDimension(path: "stress.shock", values: [0.5, 0.7, 0.9])
/// ```
public struct SweepDimension: Hashable, Sendable {
    /// A number path of the study (see ``Study/setNumber(at:to:)``).
    public var path: String
    /// Values in file order.
    public var values: [Double]

    /// Creates a dimension.
    public init(path: String, values: [Double]) {
        self.path = path
        self.values = values
    }
}
