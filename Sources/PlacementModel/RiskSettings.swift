/// Weight of the CVaR term in the objective.
///
/// ```swift
/// let risk = RiskSettings(alpha: 0.9, weight: 0.2)
/// ```
public struct RiskSettings: Hashable, Sendable {
    /// CVaR confidence level, 0 < alpha < 1 (default 0.9).
    public var alpha: Double
    /// Weight of CVaR against expected NPV, 0...1 (default 0: risk neutral).
    public var weight: Double

    /// Creates risk settings.
    public init(alpha: Double = 0.9, weight: Double = 0) {
        self.alpha = alpha
        self.weight = weight
    }
}
