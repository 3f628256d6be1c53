import PlacementModel
import PlacementPlanning
import ResultFormats

/// `placement value` output (docs/design.md §9): RP in both decision modes, WS, EEV and the
/// differences between them, each with one sentence of meaning, as a terminal table, JSON (schema
/// `sovereign-placement.value/1`) or CSV (one row per figure).
///
/// ```swift
/// let report = ValueReport(value, studyPath: "Models/baseline.yaml")
/// print(report.table())
/// ```
public struct ValueReport: Sendable {
    public static let schema = "sovereign-placement.value/1"

    public let value: ValueOfInformation
    public let studyPath: String

    public init(_ value: ValueOfInformation, studyPath: String) {
        self.value = value
        self.studyPath = studyPath
    }

    /// One reported figure: its JSON key, its label, its value (USD) and what it means.
    public struct Figure: Sendable {
        public var key: String
        public var label: String
        public var usd: Double
        public var meaning: String
    }

    /// The figures in the order they are reported.
    public var figures: [Figure] {
        let v = value
        let mode = v.decisions == .adaptive ? "adaptive" : "here-and-now"
        return [
            Figure(
                key: "rp_here_and_now_usd", label: "RP, here-and-now", usd: v.hereAndNow,
                meaning: "the optimum when every build of every year is fixed at the start, the same in all scenarios"),
            Figure(
                key: "rp_adaptive_usd", label: "RP, adaptive", usd: v.adaptive,
                meaning: "the optimum when each year's builds may depend on what was observed before that year"),
            Figure(
                key: "ws_usd", label: "WS (wait and see)", usd: v.waitAndSee,
                meaning: "the optimum if each scenario were known before the first build (its own plan per scenario)"),
            Figure(
                key: "eev_usd", label: "EEV", usd: v.expectedResultOfExpectedValue,
                meaning: "the plan made for the mean scenario, held, as it fares under the study's scenarios"),
            Figure(
                key: "evpi_usd", label: "EVPI = WS - RP (\(mode))", usd: v.evpi,
                meaning: "the most a perfect forecast, known before the first build, would be worth"),
            Figure(
                key: "vss_usd", label: "VSS = RP (\(mode)) - EEV", usd: v.vss,
                meaning: "what planning for the scenarios gains over planning for their mean"),
            Figure(
                key: "value_of_adaptivity_usd", label: "value of adaptivity", usd: v.valueOfAdaptivity,
                meaning: "what the option to build in phases, deciding each year on what has been observed, is worth"),
        ]
    }

    // MARK: Table

    public func table() -> String {
        var out = [
            "Value of information of \(studyPath) (decisions \(value.decisions.rawValue)): each figure is the "
                + "study's objective, risk-weighted NPV in USD",
            "",
        ]
        var table = TextTable(header: ["figure", "USD"])
        for figure in figures { table.append([figure.label, Format.money(figure.usd)]) }
        out.append(table.rendered())
        out.append("")
        let width = figures.map(\.label.count).max() ?? 0
        for figure in figures {
            out.append("  \(figure.label.padding(toLength: width, withPad: " ", startingAt: 0))  \(figure.meaning)")
        }
        out.append("")
        out.append(
            "  (EV, the mean scenario's own optimum: \(Format.money(value.expectedValue)); not a figure of the "
                + "study's scenarios)")
        if !value.allOptimal { out.append("  ! a solve was not proven optimal: the figures are the best plans found") }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public func json() -> JSONValue {
        let v = value
        let meanings = figures.map { ($0.key, JSONValue.string($0.meaning)) }
        return .object([
            ("schema", .string(Self.schema)),
            ("study", .string(studyPath)),
            ("decisions", .string(v.decisions.rawValue)),
            ("optimal", .bool(v.allOptimal)),
            (
                "rp_usd",
                .object([
                    (DecisionMode.hereAndNow.rawValue, .finite(v.hereAndNow)),
                    (DecisionMode.adaptive.rawValue, .finite(v.adaptive)),
                ])
            ),
            ("ws_usd", .finite(v.waitAndSee)),
            ("ev_usd", .finite(v.expectedValue)),
            ("eev_usd", .finite(v.expectedResultOfExpectedValue)),
            ("evpi_usd", .finite(v.evpi)),
            ("vss_usd", .finite(v.vss)),
            ("value_of_adaptivity_usd", .finite(v.valueOfAdaptivity)),
            ("meaning", .object(meanings)),
        ])
    }

    // MARK: CSV

    public func csv() -> CSVTable {
        var table = CSVTable(header: ["figure", "usd", "meaning"])
        for figure in figures { table.append([figure.key, CSVTable.number(figure.usd), figure.meaning]) }
        // EV as the JSON and the workbook carry it, though it is not a figure of the study's scenarios.
        table.append([
            "ev_usd", CSVTable.number(value.expectedValue),
            "the mean scenario's own optimum (not a figure of the study's scenarios)",
        ])
        return table
    }
}
