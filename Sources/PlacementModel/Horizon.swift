/// The planning years, inclusive at both ends; each year has 8760 hours.
///
/// ```swift
/// let horizon = Horizon(start: 2026, end: 2030)
/// horizon.years          // [2026, 2027, 2028, 2029, 2030]
/// horizon.existingInstallYear   // 2025
/// ```
public struct Horizon: Hashable, Sendable {
    /// Hours in every modelled year.
    public static let hoursPerYear = 8760.0

    /// First year.
    public var start: Int
    /// Last year, >= start.
    public var end: Int

    /// Creates a horizon; `end` must not be before `start`.
    public init(start: Int, end: Int) {
        precondition(end >= start, "horizon end before start")
        self.start = start
        self.end = end
    }

    /// Every year from start to end.
    public var years: [Int] { Array(start...end) }

    /// Whether `year` is in the horizon.
    public func contains(_ year: Int) -> Bool { year >= start && year <= end }

    /// The year existing units count as installed: `start - 1`.
    public var existingInstallYear: Int { start - 1 }
}
