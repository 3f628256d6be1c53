import Foundation
import PlacementModel

/// A sampled path as the scenario a samples file gives it (``SamplesFile``): the factors'
/// multipliers to 6 significant digits, held to the loader's ranges, the reference scenario's
/// other multipliers copied, probability `1 / count`. Evaluating the path in process and
/// evaluating the written file therefore solve the same numbers.
///
/// ```swift
/// let sampler = try PathSampler(study: study)
/// let scenarios = sampler.paths(count: 100, seed: 7).map { PathScenario.scenario(of: $0, count: 100, sampler: sampler) }
/// let paths = try study.replacingScenarios(scenarios)
/// ```
public enum PathScenario {
    /// The scenario of `path`, one of `count` paths drawn by `sampler`.
    public static func scenario(of path: SampledPath, count: Int, sampler: PathSampler) -> Scenario {
        var held = 0
        return scenario(of: path, count: count, sampler: sampler, held: &held)
    }

    /// ``scenario(of:count:sampler:)``, adding to `held` the multipliers the loader's ranges moved
    /// (`placement risk` warns about them, as the samples file does).
    public static func scenario(
        of path: SampledPath, count: Int, sampler: PathSampler, held: inout Int
    ) -> Scenario {
        let reference = sampler.reference
        var demand = reference?.demand ?? [:]
        var price = reference?.price ?? [:]
        var efficiency = reference?.efficiency ?? [:]
        var electricity = reference?.electricity ?? [:]
        for (j, factor) in sampler.model.factors.enumerated() {
            var values: [Int: Double] = [:]
            for (i, year) in sampler.years.enumerated() {
                let kept = Self.held(path.multipliers[j][i], factor.kind)
                values[year] = kept.value
                if kept.clamped { held += 1 }
            }
            let series = YearSeries(values)
            switch factor.kind {
            case .demand: demand[WorkloadID(factor.target)] = series
            case .price: price[WorkloadID(factor.target)] = series
            case .efficiency: efficiency[WorkloadID(factor.target)] = series
            case .electricity: electricity[RegionID(factor.target)] = series
            }
        }
        return Scenario(
            id: path.id(of: count), probability: 1 / Double(count), demand: demand, price: price,
            efficiency: efficiency, electricity: electricity)
    }

    /// A multiplier to 6 significant digits, within the loader's range for its kind, and
    /// whether the range moved it. A multiplier that overflowed to infinity is held at the top
    /// of the range, and counts as moved.
    static func held(_ value: Double, _ kind: UncertaintyFactor.Kind) -> (value: Double, clamped: Bool) {
        let rule: NumberRule = kind == .efficiency ? .efficiency : .multiplier
        guard case .between(let low, let high) = rule else { return (value, false) }
        guard value.isFinite, let rounded = Double(String(format: "%.6g", value)), rounded.isFinite else {
            return (high, true)
        }
        let kept = min(max(rounded, low), high)
        return (kept, kept != rounded)
    }
}
