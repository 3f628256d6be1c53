import Foundation

/// The mean, its standard error and the quantiles of a figure over weighted outcomes
/// (docs/design.md §8, summaries). Paths weigh `1/N` each; the study's own scenarios weigh
/// their probabilities.
///
/// The q-quantile is the smallest value with at least a share q of the weight at or below it.
/// The standard error is `sqrt(n / (n - 1) * sum w_i^2 (x_i - mean)^2)` with the weights
/// summing to 1: for `N` equal weights, the sample standard deviation over `sqrt(N)`; 0 for
/// one outcome.
///
/// ```swift
/// let summary = Summary([3, 1, 2, 4])
/// summary.mean                 // 2.5
/// summary.quantile(0.5)        // 2
/// summary.quantiles["p95"]     // 4
/// ```
public struct Summary: Sendable, Hashable {
    /// The quantile levels reported, with their keys.
    public static let levels: [(key: String, q: Double)] = [
        ("p5", 0.05), ("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p90", 0.90), ("p95", 0.95),
    ]

    /// The values in ascending order, with their weights (normalised to sum to 1).
    public let sorted: [(value: Double, weight: Double)]
    public let mean: Double
    public let standardError: Double

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        lhs.sorted.elementsEqual(rhs.sorted) { $0.value == $1.value && $0.weight == $1.weight }
    }

    public func hash(into hasher: inout Hasher) {
        for item in sorted {
            hasher.combine(item.value)
            hasher.combine(item.weight)
        }
    }

    /// `values` with `weights` (equal when nil); the weights are normalised.
    public init(_ values: [Double], weights: [Double]? = nil) {
        precondition(!values.isEmpty, "a summary needs a value")
        let raw = weights ?? Array(repeating: 1, count: values.count)
        precondition(raw.count == values.count, "one weight per value")
        let total = raw.reduce(0, +)
        // Sorted by value, ties in input order, so the result does not depend on the sort's stability.
        sorted = zip(values, raw).enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }.map { (value: $0.element.0, weight: $0.element.1 / total) }
        let mean = zip(values, raw).reduce(0) { $0 + $1.0 * $1.1 } / total
        self.mean = mean
        let n = Double(values.count)
        let spread = zip(values, raw).reduce(0) { sum, item in
            let w = item.1 / total
            return sum + w * w * (item.0 - mean) * (item.0 - mean)
        }
        standardError = values.count > 1 ? (n / (n - 1) * spread).squareRoot() : 0
    }

    /// The smallest value with at least a share `q` of the weight at or below it (`q` in 0...1).
    public func quantile(_ q: Double) -> Double {
        var cumulative = 0.0
        for item in sorted {
            cumulative += item.weight
            // The tolerance absorbs the rounding of sums of 1/N (ten 0.1s fall short of 1).
            if cumulative >= q - 1e-12 { return item.value }
        }
        return sorted[sorted.count - 1].value
    }

    /// The reported quantiles by key (`p5` ... `p95`).
    public var quantiles: [String: Double] {
        Dictionary(uniqueKeysWithValues: Self.levels.map { ($0.key, quantile($0.q)) })
    }

    /// The mean of the lowest `share` of the weight, the outcome at the boundary weighted by
    /// its fraction (`share` in (0, 1]). With `share = 1 - alpha` on NPV it is the CVaR.
    public func lowerTailMean(share: Double) -> Double {
        precondition(share > 0, "a tail needs weight")
        var taken = 0.0
        var sum = 0.0
        for item in sorted where taken < share {
            let weight = min(item.weight, share - taken)
            sum += weight * item.value
            taken += weight
        }
        return sum / taken
    }
}
