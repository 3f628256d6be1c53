/// The correlation of two factors' shocks within a year, as a scenarios file's
/// `correlation` lists it: `[first, second, rho]`.
///
/// ```swift
/// let pair = FactorCorrelation(first: "demand.video", second: "efficiency.video", rho: -0.4)
/// ```
public struct FactorCorrelation: Hashable, Sendable {
    /// One factor's name.
    public var first: String
    /// The other factor's name.
    public var second: String
    /// The correlation, strictly between -1 and 1.
    public var rho: Double

    /// Creates a correlation entry.
    public init(first: String, second: String, rho: Double) {
        self.first = first
        self.second = second
        self.rho = rho
    }
}
