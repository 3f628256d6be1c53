import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// Everything `placement optimize` reports, rendered as JSON, CSV or a terminal table. It reads
/// only the planning result (plan, analysis, statuses), never the raw LP solution.
///
/// JSON follows the schema `sovereign-placement.optimize/3` (docs/results-json.md); CSV has
/// one row per (facility, hardware, year, scenario). Both are byte-identical for the same
/// inputs, whatever the method's thread count: wall-clock times appear only in the table, or
/// in JSON when asked for.
///
/// ```swift
/// let result = try PlanningPipeline(solver: GLPKSolver()).run(study)
/// let report = OptimizeReport(studyPath: "Models/baseline.yaml", result: result)
/// print(report.table())
/// ```
public struct OptimizeReport: Sendable {
    public static let schema = "sovereign-placement.optimize/3"

    /// Wall-clock seconds of each phase.
    public struct Timings: Sendable {
        public var load: Double
        public var build: Double
        public var solve: Double
        public var canonical: Double
        public var analysis: Double

        public init(load: Double, planning: PlanningResult.Timings) {
            self.load = load
            build = planning.build
            solve = planning.solve
            canonical = planning.canonical
            analysis = planning.analysis
        }
    }

    public let studyPath: String
    public let result: PlanningResult
    public var timings: Timings?

    public init(studyPath: String, result: PlanningResult, loadSeconds: Double? = nil) {
        self.studyPath = studyPath
        self.result = result
        timings = loadSeconds.map { Timings(load: $0, planning: result.timings) }
    }

    public var study: Study { result.study }
    var plan: Plan? { result.plan }
    /// Resilience and stranded-asset figures, when the analysis was run.
    public var analysis: PlanAnalysis? { result.analysis }
    public var utilization: Utilization? { analysis?.utilization ?? plan.map(Utilization.init(plan:)) }
    var investment: InvestmentOutcome { result.investment }

    /// Tail NPV (expected NPV of the worst 1 - alpha of scenarios).
    public var tailNPV: Double? {
        analysis?.tailNPV
            ?? plan.map {
                TailRisk.tailNPV(npv: $0.npvByScenario, probabilities: $0.scenarioWeights, alpha: study.risk.alpha)
            }
    }

    // MARK: CSV

    /// One row per (facility, hardware, year, scenario).
    public func csv() -> CSVTable {
        var table = CSVTable(
            header: [
                "status", "facility", "hardware", "year", "scenario", "built", "installed", "existing", "it_mw",
                "capex_usd",
                "used_hours", "utilization", "peak_busy", "herfindahl", "book_value_usd", "stranded_usd", "at_risk_usd",
            ] + study.workloads.map { "hours_\($0.id.rawValue)" })
        guard let plan, let utilization else { return table }
        let values = Dictionary(
            (analysis?.stranded.fleetScenarioValues ?? []).map {
                ("\($0.facility)|\($0.hardware)|\($0.year)|\($0.scenario)", $0)
            }, uniquingKeysWith: { first, _ in first })
        for entry in utilization.fleets {
            guard let facility = entry.facility, let hardware = entry.hardware,
                let row = plan.fleetYear(
                    BuildKey(facility: facility, hardware: hardware, year: entry.year), scenario: entry.scenario)
            else { continue }
            table.append(
                [
                    investment.termination.rawValue, facility.rawValue, hardware.rawValue, String(entry.year),
                    entry.scenario.rawValue,
                    CSVTable.number(row.built), CSVTable.number(row.capacity), CSVTable.number(row.existing),
                    CSVTable.number(row.capacity * row.powerKW / 1000), CSVTable.number(row.built * row.unitCapexUSD),
                    CSVTable.number(entry.usedHours), CSVTable.number(entry.utilization),
                    CSVTable.number(entry.peakBusy),
                    CSVTable.number(entry.herfindahl),
                ] + risk(values["\(facility)|\(hardware)|\(entry.year)|\(entry.scenario)"], bookValue: row.capacity > 0)
                    + entry.hoursByWorkload.map { CSVTable.number($0) })
        }
        return table
    }

    /// Book, stranded and at-risk value fields; zeros where units are installed but nothing is
    /// on the books, empty without the analysis.
    private func risk(_ value: StrandedAssetRisk.FleetScenarioValue?, bookValue installed: Bool) -> [String] {
        guard analysis != nil else { return ["", "", ""] }
        guard let value else { return installed ? ["0", "0", "0"] : ["", "", ""] }
        return [CSVTable.number(value.bookValue), CSVTable.number(value.stranded), CSVTable.number(value.atRisk)]
    }
}
