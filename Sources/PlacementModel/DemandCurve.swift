import Foundation

/// Annual demand listed for some years and interpolated for the others.
///
/// Between two listed years the value grows geometrically (a constant annual
/// rate), or linearly when either end point is 0. Before the first listed year the
/// first value holds; after the last, the last.
///
/// ```swift
/// let units = DemandCurve(YearSeries([2026: 100, 2028: 400]))
/// units.units(in: 2027)   // 200 (geometric midpoint)
/// units.units(in: 2031)   // 400
/// ```
public struct DemandCurve: Hashable, Sendable {
    /// The listed points.
    public var points: YearSeries

    /// Creates a curve through the listed points.
    public init(_ points: YearSeries) { self.points = points }

    /// Demand in `year`, in work units per year; 0 when no year is listed.
    public func units(in year: Int) -> Double {
        let years = points.years
        let values = points.values
        guard let first = years.first, let last = years.last else { return 0 }
        if year <= first { return values[0] }
        if year >= last { return values[values.count - 1] }
        let upper = years.firstIndex(where: { $0 >= year })!
        if years[upper] == year { return values[upper] }
        let (y0, y1) = (Double(years[upper - 1]), Double(years[upper]))
        let (v0, v1) = (values[upper - 1], values[upper])
        let fraction = (Double(year) - y0) / (y1 - y0)
        if v0 == 0 || v1 == 0 { return v0 + (v1 - v0) * fraction }
        return v0 * pow(v1 / v0, fraction)
    }
}
