/// A probability estimated from outcomes, with its 95% Wilson score interval.
///
/// With `p` the estimate, `n` the outcomes and `z = 1.959964`:
/// `(p + z²/2n ± z sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n)`. For weighted outcomes `n` is
/// the effective count `1 / sum w_i²` (weights summing to 1), which is `N` for `N` equal weights.
///
/// ```swift
/// let below = WilsonInterval(successes: 2, trials: 10)
/// below.value   // 0.2
/// below.low     // 0.0567
/// below.high    // 0.5098
/// ```
public struct WilsonInterval: Sendable, Hashable {
    /// The 0.975 quantile of the standard normal.
    public static let z = 1.959963984540054

    public let value: Double
    public let low: Double
    public let high: Double

    /// The interval of an estimate `value` from `trials` outcomes (effective count).
    public init(value: Double, trials: Double) {
        self.value = value
        let z2 = Self.z * Self.z
        let denominator = 1 + z2 / trials
        let centre = (value + z2 / (2 * trials)) / denominator
        let half =
            Self.z / denominator * (value * (1 - value) / trials + z2 / (4 * trials * trials)).squareRoot()
        low = max(0, centre - half)
        high = min(1, centre + half)
    }

    /// `successes` among `trials` equally weighted outcomes.
    public init(successes: Int, trials: Int) {
        self.init(value: Double(successes) / Double(trials), trials: Double(trials))
    }
}
