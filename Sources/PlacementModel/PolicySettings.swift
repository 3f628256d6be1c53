/// Diversification policy.
///
/// ```swift
/// let policy = PolicySettings(maxCategoryShare: 0.6)   // no workload above 60% of a facility's hours
/// ```
public struct PolicySettings: Hashable, Sendable {
    /// Largest share of a facility's accelerator-hours one workload may take, 0 < share <= 1
    /// (default 1: no limit).
    public var maxCategoryShare: Double

    /// Creates policy settings.
    public init(maxCategoryShare: Double = 1) { self.maxCategoryShare = maxCategoryShare }
}
