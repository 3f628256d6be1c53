import Foundation

/// A workload's shape over the local day, resampled to the study's UTC time slices.
///
/// `values` has one positive entry per equal part of the local day (its length
/// divides 24). It is expanded to 24 hourly values (each entry repeated
/// `24 / count` times) and normalised to mean 1.
///
/// ```swift
/// let profile = DailyProfile([1, 3])!        // night 1, day 3 (12 h each)
/// profile.hourly[0]                          // 0.5
/// profile.sliceFactors(slices: 2, utcOffsetHours: 0)    // [0.5, 1.5]
/// profile.sliceFactors(slices: 2, utcOffsetHours: 12)   // [1.5, 0.5]
/// ```
public struct DailyProfile: Hashable, Sendable {
    /// The entries as written, one per equal part of the local day.
    public private(set) var values: [Double]

    /// Creates a profile, or `nil` when the length does not divide 24 or an entry is
    /// not a positive finite number.
    public init?(_ values: [Double]) {
        guard Self.isValid(values) else { return nil }
        self.values = values
    }

    /// Whether `values` can form a profile.
    public static func isValid(_ values: [Double]) -> Bool {
        !values.isEmpty && 24 % values.count == 0 && values.allSatisfy { $0 > 0 && $0.isFinite }
    }

    /// A profile that is flat over the day.
    public static let flat = DailyProfile([1])!

    /// Replaces entry `index` with a positive finite value; returns `false` otherwise.
    @discardableResult
    public mutating func setValue(_ value: Double, at index: Int) -> Bool {
        guard values.indices.contains(index), value > 0, value.isFinite else { return false }
        values[index] = value
        return true
    }

    /// The 24 local hourly values, normalised to mean 1.
    public var hourly: [Double] {
        let repeats = 24 / values.count
        let expanded = (0..<24).map { values[$0 / repeats] }
        let mean = expanded.reduce(0, +) / 24
        return expanded.map { $0 / mean }
    }

    /// The whole-hour shift from UTC to local time: `round_half_up(offset) = floor(offset + 0.5)`,
    /// so -3.5 gives -3 and 5.5 gives 6.
    public static func localHourShift(utcOffsetHours: Double) -> Int {
        Int((utcOffsetHours + 0.5).rounded(.down))
    }

    /// The profile factor of each of `slices` equal UTC slices for a zone at `utcOffsetHours`.
    ///
    /// Slice `k` covers UTC hours `[k*24/n, (k+1)*24/n)`; UTC hour `u` reads local hour
    /// `(u + shift) mod 24`. The factors average to 1. `slices` must divide 24.
    public func sliceFactors(slices: Int, utcOffsetHours: Double) -> [Double] {
        precondition(slices > 0 && 24 % slices == 0, "time slices must divide 24")
        let local = hourly
        let shift = Self.localHourShift(utcOffsetHours: utcOffsetHours)
        let hoursPerSlice = 24 / slices
        return (0..<slices).map { slice in
            var sum = 0.0
            for utcHour in slice * hoursPerSlice..<(slice + 1) * hoursPerSlice {
                let localHour = ((utcHour + shift) % 24 + 24) % 24
                sum += local[localHour]
            }
            return sum / Double(hoursPerSlice)
        }
    }
}
