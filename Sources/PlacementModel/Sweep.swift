/// A family of study variants: numbers of a base study varied over lists of values.
///
/// `grid` takes every combination (the last dimension varies fastest); `zip` takes
/// the i-th value of every dimension together (all lists have the same length).
///
/// ```swift
/// let sweep = Sweep(base: "Models/baseline.yaml", mode: .grid, dimensions: [
///     SweepDimension(path: "facilities.riyadh-hexagon.electricity_usd_per_mwh", values: [30, 45, 60]),
///     SweepDimension(path: "discount_rate", values: [0.06, 0.08]),
/// ])
/// sweep.variantCount            // 6
/// let first = try sweep.variant(0, of: study)   // electricity 30, discount 0.06
/// ```
public struct Sweep: Hashable, Sendable {
    /// How dimensions combine.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Every combination.
        case grid
        /// Values taken together by position.
        case zip
    }

    /// The base study's path as the loader displays it.
    public var base: String
    /// How dimensions combine.
    public var mode: Mode
    /// What varies, in file order.
    public var dimensions: [SweepDimension]

    /// Creates a sweep.
    public init(base: String, mode: Mode, dimensions: [SweepDimension]) {
        self.base = base
        self.mode = mode
        self.dimensions = dimensions
    }

    /// The most variants a sweep may have (documented in docs/file-formats.md); larger grids are
    /// refused before any work.
    public static let maximumVariants = 1_000_000_000

    /// Number of variants (0 when a dimension has no value); `Int.max` when the grid is too
    /// large to count.
    public var variantCount: Int {
        guard !dimensions.isEmpty else { return 0 }
        switch mode {
        case .grid:
            return dimensions.reduce(1) { product, dimension in
                let (result, overflow) = product.multipliedReportingOverflow(by: dimension.values.count)
                return overflow ? Int.max : result
            }
        case .zip: return dimensions.map(\.values.count).min() ?? 0
        }
    }

    /// The (path, value) settings of variant `position`, in dimension order.
    public func assignments(ofVariant position: Int) -> [(path: String, value: Double)] {
        precondition(position >= 0 && position < variantCount, "variant out of range")
        switch mode {
        case .zip:
            return dimensions.map { ($0.path, $0.values[position]) }
        case .grid:
            var remainder = position
            var settings: [(path: String, value: Double)] = []
            for dimension in dimensions.reversed() {
                settings.append((dimension.path, dimension.values[remainder % dimension.values.count]))
                remainder /= dimension.values.count
            }
            return settings.reversed()
        }
    }

    /// `base` with variant `position` applied.
    public func variant(_ position: Int, of base: Study) throws(NumberPathError) -> Study {
        var study = base
        for setting in assignments(ofVariant: position) {
            try study.setNumber(at: setting.path, to: setting.value)
        }
        return study
    }
}
