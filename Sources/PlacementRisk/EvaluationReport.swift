import Foundation
import PlacementModel
import ResultFormats

/// A held plan over the scenarios of one file, as `placement evaluate` writes it
/// (docs/results-json.md, `sovereign-placement.evaluate/1`): every scenario's figures and
/// their summaries, weighted by the file's probabilities.
///
/// ```swift
/// let report = EvaluationReport(
///     plan: "plan.json", studyPath: "Models/baseline.yaml", scenariosFile: "paths.yaml",
///     alpha: study.risk.alpha, scenarios: try ScenarioFigures.all(of: result))
/// print(report.table())
/// ```
public struct EvaluationReport: Sendable {
    public static let schema = "sovereign-placement.evaluate/1"

    public let plan: String
    public let studyPath: String
    public let scenariosFile: String
    public let scenarios: [ScenarioFigures]
    public let summaries: RiskSummaries

    /// Summarises `scenarios` (at least one) at `alpha`.
    public init(plan: String, studyPath: String, scenariosFile: String, alpha: Double, scenarios: [ScenarioFigures]) {
        self.plan = plan
        self.studyPath = studyPath
        self.scenariosFile = scenariosFile
        self.scenarios = scenarios
        summaries = RiskSummaries(scenarios, alpha: alpha)
    }

    /// The report as JSON: the same figures always give the same bytes.
    public func json() -> JSONValue {
        .object([
            ("schema", .string(Self.schema)),
            ("plan", .string(plan)),
            ("study", .string(studyPath)),
            ("scenarios_file", .string(scenariosFile)),
            ("alpha", .finite(summaries.alpha)),
            ("summaries", RiskReport.json(summaries)),
            ("probability_below_breakeven", RiskReport.json(summaries.probabilityBelowBreakeven)),
            ("scenarios", .array(scenarios.map(RiskReport.json))),
        ])
    }

    /// Every scenario's NPV and final-year fleet figures, then the summaries (money in
    /// millions of USD).
    public func table() -> String {
        var text = "Plan of \(plan) held on the scenarios of \(scenariosFile) (docs/design.md §8)\n"
        text += "scenario  probability  NPV  final-year utilization  stranded  at risk (money in M USD)\n"
        for figures in scenarios {
            let final = figures.fleet.last
            text +=
                [
                    figures.scenario.rawValue, String(format: "%.6g", figures.probability),
                    RiskReport.money(figures.npv),
                    final?.utilization.map { String(format: "%.4f", $0) } ?? "-", RiskReport.money(final?.stranded),
                    RiskReport.money(final?.atRisk),
                ].joined(separator: "  ") + "\n"
        }
        let npv = summaries.npv
        text += "expected NPV \(RiskReport.money(npv.mean)) (standard error \(RiskReport.money(npv.standardError)))\n"
        text += "P5 / P50 / P95 NPV \(RiskReport.money(npv.quantile(0.05))) / \(RiskReport.money(npv.quantile(0.5))) / "
        text += "\(RiskReport.money(npv.quantile(0.95)))\n"
        text +=
            "VaR \(RiskReport.money(summaries.valueAtRisk)), CVaR \(RiskReport.money(summaries.conditionalValueAtRisk)) "
        text += "at alpha \(String(format: "%g", summaries.alpha))\n"
        if let below = summaries.probabilityBelowBreakeven {
            text += String(
                format: "P(final-year utilization below breakeven) %.3f [%.3f, %.3f] (95%% Wilson)\n",
                below.value, below.low, below.high)
        }
        return text
    }

    /// One row per scenario, as `placement risk` writes its paths.
    public func csv() -> String { RiskReport.csv(scenarios) }
}
