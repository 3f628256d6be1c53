import Foundation
import PlacementModel

/// Paths written as an ordinary schema-1 scenarios file (docs/file-formats.md): ids
/// `path-00001`..., equal probabilities, every factor's multiplier listed for every horizon
/// year, the reference scenario's other multipliers copied, the stress shock kept (its
/// reference becomes the first path, the loader's default), no `uncertainty` key.
///
/// Multipliers are written to 6 significant digits and held to the ranges the loader accepts
/// (0 to 1000, efficiency 0.001 to 1000); ``clampedValues`` counts those moved.
///
/// ```swift
/// let sampler = try PathSampler(study: study)
/// let file = SamplesFile(study: study, sampler: sampler, paths: sampler.paths(count: 100, seed: 7), count: 100, seed: 7)
/// try file.text.write(toFile: "paths.yaml", atomically: true, encoding: .utf8)
/// ```
public struct SamplesFile: Sendable {
    /// The file's text.
    public private(set) var text = ""
    /// YAML values the loader will visit (keys included), to check against its limits.
    public private(set) var valueCount = 0
    /// Multipliers held to the loader's ranges.
    public private(set) var clampedValues = 0

    /// Renders `paths`, drawn as `count` paths with `seed`, for `study`.
    public init(study: Study, sampler: PathSampler, paths: [SampledPath], count: Int, seed: UInt64) {
        text.reserveCapacity(paths.count * 1024)
        text += "schema: 1\n"
        text += "# Written by `placement sample`: \(count) paths drawn with seed \(seed) from the study's\n"
        text += "# uncertainty model (Latin hypercube over standard normals, docs/design.md §8).\n"
        text += "# Each path has probability 1/\(count); the stress shock is kept, its reference is the first path.\n"
        text += "scenarios:\n"
        valueCount = 9  // the root, schema, scenarios, stress and its shock
        let probability = Self.plain(1 / Double(count))
        for path in paths {
            text += "  - id: \(path.id(of: count))\n    probability: \(probability)\n"
            valueCount += 5
            for kind in UncertaintyFactor.Kind.allCases {
                append(kind, of: path, study: study, sampler: sampler)
            }
        }
        text += "stress: {shock: \(Self.plain(study.stress.shock))}\n"
    }

    /// One kind's multipliers of a path: the sampled factors and the reference's other series,
    /// in the study's workload (region) order.
    private mutating func append(
        _ kind: UncertaintyFactor.Kind, of path: SampledPath, study: Study, sampler: PathSampler
    ) {
        let targets = kind.targetsRegion ? study.regions.map(\.id.rawValue) : study.workloads.map(\.id.rawValue)
        let copied = sampler.reference.map { Self.series(kind, of: $0) } ?? [:]
        var lines: [String] = []
        for target in targets {
            if let factor = sampler.model.factors.firstIndex(where: { $0.kind == kind && $0.target == target }) {
                let entries = sampler.years.indices.map { yearIndex in
                    "\(sampler.years[yearIndex]): \(held(path.multipliers[factor][yearIndex], kind))"
                }
                lines.append("      \(target): {\(entries.joined(separator: ", "))}")
                valueCount += 2 + 2 * entries.count
            } else if let series = copied[target], !series.isEmpty {
                let entries = zip(series.years, series.values).map { "\($0): \(Self.plain($1))" }
                lines.append("      \(target): {\(entries.joined(separator: ", "))}")
                valueCount += 2 + 2 * entries.count
            }
        }
        guard !lines.isEmpty else { return }
        text += "    \(kind.rawValue):\n" + lines.joined(separator: "\n") + "\n"
        valueCount += 2
    }

    /// A multiplier as ``PathScenario`` holds it, counted when the range moved it.
    private mutating func held(_ value: Double, _ kind: UncertaintyFactor.Kind) -> String {
        let held = PathScenario.held(value, kind)
        if held.clamped { clampedValues += 1 }
        return Self.plain(held.value)
    }

    private static func series(_ kind: UncertaintyFactor.Kind, of scenario: Scenario) -> [String: YearSeries] {
        let byID: [String: YearSeries]
        switch kind {
        case .demand: byID = Dictionary(uniqueKeysWithValues: scenario.demand.map { ($0.key.rawValue, $0.value) })
        case .price: byID = Dictionary(uniqueKeysWithValues: scenario.price.map { ($0.key.rawValue, $0.value) })
        case .efficiency:
            byID = Dictionary(uniqueKeysWithValues: scenario.efficiency.map { ($0.key.rawValue, $0.value) })
        case .electricity:
            byID = Dictionary(uniqueKeysWithValues: scenario.electricity.map { ($0.key.rawValue, $0.value) })
        }
        return byID
    }

    /// A number as Swift prints it (the shortest text that reads back to it), without a
    /// trailing `.0`: `1`, `0.001`, `1e-05`.
    static func plain(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
