import Foundation

/// Counts of values in equal bins with round edges, for the risk charts (the report's NPV and
/// stranded-value histograms, and the workbook's column charts, which draw the same counts).
///
/// The bin width is 1, 2, 2.5 or 5 times a power of ten, the first at least the span over
/// `target` bins; the first edge is the lowest value rounded down to a multiple of the width.
/// A value on an edge falls in the bin that starts there. Every value of `covering` lies inside
/// the bins too (the in-sample markers), without being counted. Equal values (or one) give one
/// bin of width 1 starting at the value rounded down.
///
/// ```swift
/// let histogram = RiskHistogram([0.5, 1.2, 1.9, 3.1], target: 3)
/// histogram.bins.map(\.count)   // [1, 2, 0, 1]: width 1 (span 2.6 over 3 bins), [0, 1) ... [3, 4)
/// ```
public struct RiskHistogram: Sendable, Hashable {
    /// One bin: the values `v` with `lower <= v < upper`.
    public struct Bin: Sendable, Hashable {
        public var lower: Double
        public var upper: Double
        public var count: Int
    }

    public let bins: [Bin]
    public let width: Double

    /// Bins `values` (at least one, all finite), about `target` of them (a count by the square
    /// root rule when nil: between 5 and 30).
    public init(_ values: [Double], covering extra: [Double] = [], target: Int? = nil) {
        precondition(!values.isEmpty, "a histogram needs a value")
        let all = (values + extra).filter(\.isFinite)
        let low = all.min() ?? 0
        let high = all.max() ?? 0
        let wanted = Double(target ?? min(30, max(5, Int(Double(values.count).squareRoot().rounded(.up)))))
        let width = high > low ? Self.roundWidth(atLeast: (high - low) / wanted) : 1
        let first = (low / width).rounded(.down) * width
        let count = max(1, Int(((high - first) / width).rounded(.down)) + 1)
        var counts = Array(repeating: 0, count: count)
        for value in values where value.isFinite {
            counts[min(count - 1, max(0, Int(((value - first) / width).rounded(.down))))] += 1
        }
        self.width = width
        bins = counts.enumerated().map { index, count in
            Bin(lower: first + Double(index) * width, upper: first + Double(index + 1) * width, count: count)
        }
    }

    /// The index of the bin that holds `value` (clamped to the first and last).
    public func bin(of value: Double) -> Int {
        guard let first = bins.first?.lower else { return 0 }
        return min(bins.count - 1, max(0, Int(((value - first) / width).rounded(.down))))
    }

    /// 1, 2, 2.5 or 5 times a power of ten, the smallest at least `rough` (> 0).
    static func roundWidth(atLeast rough: Double) -> Double {
        let magnitude = pow(10, log10(rough).rounded(.down))
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    }
}
