import PlacementModel

/// One path drawn by ``PathSampler``: the yearly log increments of every factor and the
/// multipliers they give, by factor (in the model's order) and horizon year.
///
/// ```swift
/// let path = try PathSampler(study: study).paths(count: 1000, seed: 7)[0]
/// path.increments[0][1]    // factor 0's shock in the second horizon year
/// path.multipliers[0][4]   // factor 0's multiplier in the fifth year
/// ```
public struct SampledPath: Hashable, Sendable {
    /// 0-based index among all the paths of the draw.
    public let index: Int
    /// `e[j][i]`: factor j's log increment in horizon year i.
    public let increments: [[Double]]
    /// `reference_j(year_i) * exp(sum_{l<=i} e[j][l])`, before any clamping to the file ranges.
    public let multipliers: [[Double]]

    /// The id the samples file gives the path: `path-00001` for index 0, padded to at least
    /// five digits and to the digits of `count`.
    public func id(of count: Int) -> ScenarioID { Self.id(index: index, count: count) }

    /// The id of the path at 0-based `index` of `count` (``id(of:)``).
    public static func id(index: Int, count: Int) -> ScenarioID {
        let width = max(5, String(count).count)
        let digits = String(index + 1)
        return ScenarioID("path-" + String(repeating: "0", count: max(0, width - digits.count)) + digits)
    }
}
