/// Values keyed by year that carry forward: the value in a year is the value of the
/// latest listed year at or before it.
///
/// Used for `power_mw` and the scenario multipliers. Before the first listed year
/// the caller's default applies (0 for power, 1 for a multiplier).
///
/// ```swift
/// let power = YearSeries([2026: 200, 2028: 1000])
/// power.value(in: 2025, default: 0)   // 0
/// power.value(in: 2027, default: 0)   // 200
/// power.value(in: 2030, default: 0)   // 1000
/// ```
public struct YearSeries: Hashable, Sendable {
    /// Listed years, ascending and unique.
    public private(set) var years: [Int]
    /// Values, parallel to ``years``.
    public private(set) var values: [Double]

    /// An empty series: every year takes the default.
    public init() {
        years = []
        values = []
    }

    /// Creates a series from a year-to-value dictionary.
    public init(_ valuesByYear: [Int: Double]) {
        let sorted = valuesByYear.sorted { $0.key < $1.key }
        years = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// Whether no year is listed.
    public var isEmpty: Bool { years.isEmpty }

    /// The value in `year`: the latest listed year `<= year`, else `defaultValue`.
    public func value(in year: Int, default defaultValue: Double) -> Double {
        guard let index = years.lastIndex(where: { $0 <= year }) else { return defaultValue }
        return values[index]
    }

    /// The value listed for exactly `year`, if any.
    public func listedValue(for year: Int) -> Double? {
        years.firstIndex(of: year).map { values[$0] }
    }

    /// Lists `value` for `year`, replacing a listed value or inserting the year in order.
    public mutating func set(_ value: Double, for year: Int) {
        if let index = years.firstIndex(of: year) {
            values[index] = value
            return
        }
        let index = years.firstIndex(where: { $0 > year }) ?? years.endIndex
        years.insert(year, at: index)
        values.insert(value, at: index)
    }
}
