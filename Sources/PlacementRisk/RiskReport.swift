import PlacementModel
import ResultFormats

/// A held plan over sampled paths beside the same figures over the study's own scenarios, as
/// `placement risk` writes it (docs/results-json.md, `sovereign-placement.risk/1`).
///
/// ```swift
/// let report = RiskReport(
///     studyPath: "Models/baseline.yaml", alpha: study.risk.alpha, seed: 7, sampler: "latin-hypercube",
///     paths: try ScenarioFigures.all(of: onPaths), inSample: try ScenarioFigures.all(of: planned))
/// print(report.json().serialized())
/// ```
public struct RiskReport: Sendable {
    public static let schema = "sovereign-placement.risk/1"

    public let studyPath: String
    public let seed: UInt64
    /// How the paths were drawn (`latin-hypercube`).
    public let sampler: String
    public let paths: [ScenarioFigures]
    public let summaries: RiskSummaries
    public let inSample: [ScenarioFigures]
    public let inSampleSummaries: RiskSummaries

    /// Summarises `paths` and `inSample` (each at least one scenario) at `alpha`.
    public init(
        studyPath: String, alpha: Double, seed: UInt64, sampler: String, paths: [ScenarioFigures],
        inSample: [ScenarioFigures]
    ) {
        self.studyPath = studyPath
        self.seed = seed
        self.sampler = sampler
        self.paths = paths
        self.inSample = inSample
        summaries = RiskSummaries(paths, alpha: alpha)
        inSampleSummaries = RiskSummaries(inSample, alpha: alpha)
    }

    /// The report as JSON: the same figures always give the same bytes.
    public func json() -> JSONValue {
        .object(header() + [("paths", .array(paths.map(Self.json)))])
    }

    /// ``json()`` serialized, in pieces: the members before `paths`, then one piece per path
    /// record, then the end. Joined they are `json().serialized()` byte for byte, but a large run
    /// is written record by record without the whole document in memory.
    ///
    /// ```swift
    /// for piece in report.jsonPieces() { FileHandle.standardOutput.write(Data(piece.utf8)) }
    /// ```
    public func jsonPieces() -> some Sequence<String> {
        JSONObjectPieces(header(), streaming: "paths", paths.lazy.map(Self.json))
    }

    /// The members before `paths`.
    private func header() -> [(String, JSONValue)] {
        [
            ("schema", .string(Self.schema)),
            ("study", .string(studyPath)),
            ("alpha", .finite(summaries.alpha)),
            (
                "samples",
                .object([
                    ("seed", .number(Double(seed))), ("paths", .number(Double(paths.count))),
                    ("sampler", .string(sampler)),
                ])
            ),
            ("summaries", Self.json(summaries)),
            ("probability_below_breakeven", Self.json(summaries.probabilityBelowBreakeven)),
            (
                "in_sample",
                .object([
                    ("scenarios", .array(inSample.map(Self.json))),
                    ("summaries", Self.json(inSampleSummaries)),
                    ("probability_below_breakeven", Self.json(inSampleSummaries.probabilityBelowBreakeven)),
                ])
            ),
        ]
    }

    /// One scenario's or path's record, as `paths` and `in_sample.scenarios` list them.
    public static func json(_ figures: ScenarioFigures) -> JSONValue {
        .object([
            ("id", .string(figures.scenario.rawValue)),
            ("probability", .finite(figures.probability)),
            ("npv_usd", .finite(figures.npv)),
            (
                "fleet",
                .array(
                    figures.fleet.map { year in
                        .object([
                            ("year", .number(Double(year.year))), ("utilization", .finite(year.utilization)),
                            ("stranded_usd", .finite(year.stranded)), ("at_risk_usd", .finite(year.atRisk)),
                        ])
                    })
            ),
            ("below_breakeven_final_year", figures.belowBreakevenFinalYear.map(JSONValue.bool) ?? .null),
        ])
    }

    static func json(_ summaries: RiskSummaries) -> JSONValue {
        var npv = members(summaries.npv)
        npv += [("var", .finite(summaries.valueAtRisk)), ("cvar", .finite(summaries.conditionalValueAtRisk))]
        func perYear(_ list: [Summary?]) -> JSONValue {
            .array(
                zip(summaries.years, list).map { year, summary in
                    .object([("year", .number(Double(year)))] + (summary.map(members) ?? [("mean", .null)]))
                })
        }
        return .object([
            ("npv", .object(npv)),
            ("utilization", perYear(summaries.utilization)),
            ("stranded", perYear(summaries.stranded)),
            ("at_risk", perYear(summaries.atRisk)),
        ])
    }

    static func members(_ summary: Summary) -> [(String, JSONValue)] {
        let quantiles = summary.quantiles
        return [
            ("mean", .finite(summary.mean)), ("standard_error", .finite(summary.standardError)),
            ("quantiles", .object(Summary.levels.map { ($0.key, .finite(quantiles[$0.key])) })),
        ]
    }

    static func json(_ interval: WilsonInterval?) -> JSONValue {
        guard let interval else { return .null }
        return .object([
            ("value", .finite(interval.value)), ("low", .finite(interval.low)), ("high", .finite(interval.high)),
        ])
    }
}
