import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// Everything `placement optimize` reports, rendered as JSON, CSV or a terminal table. It reads
/// only the planning result (plan, analysis, statuses), never the raw LP solution.
///
/// JSON follows the schema `sovereign-placement.optimize/2` (docs/results-json.md); CSV has
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
    public static let schema = "sovereign-placement.optimize/2"

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

    // MARK: JSON

    public func json(includeTimings: Bool = false) -> JSONValue {
        let size = investment.size
        var members: [(String, JSONValue)] = [
            ("schema", .string(Self.schema)),
            ("study", .string(studyPath)),
            (
                "status",
                .object([
                    ("termination", .string(investment.termination.rawValue)),
                    ("primal", .string(investment.primalStatus.rawValue)),
                    ("dual", .string(investment.dualStatus.rawValue)),
                    ("optimal", .bool(result.isOptimal)),
                    ("message", investment.message.map(JSONValue.string) ?? .null),
                    ("method", .string(investment.method.rawValue)),
                    ("relative_gap", .finite(investment.decomposition?.relativeGap)),
                    ("mip_gap", .finite(investment.mipGap)),
                ])
            ),
        ]
        var statistics: [(String, JSONValue)] = [
            ("rows", .number(Double(size.rows))),
            ("columns", .number(Double(size.columns))),
            ("nonzeros", .number(Double(size.nonzeros))),
            ("integer", .bool(size.integer)),
        ]
        if let decomposition = investment.decomposition {
            statistics.append(
                (
                    "decomposition",
                    .object([
                        ("iterations", .number(Double(decomposition.iterations))),
                        ("block_solves", .number(Double(decomposition.blockSolves))),
                        ("cuts", .number(Double(decomposition.cuts))),
                        ("lower_bound_usd", .finite(decomposition.lowerBound)),
                        ("upper_bound_usd", .finite(decomposition.upperBound)),
                    ])
                ))
        }
        if includeTimings, let timings {
            // Iteration counts depend on warm starts; like seconds they appear only when asked for.
            statistics.append(("iterations", .number(Double(result.iterations))))
            statistics.append(
                (
                    "seconds",
                    .object([
                        ("load", .number(timings.load)), ("build", .number(timings.build)),
                        ("solve", .number(timings.solve)), ("canonical", .number(timings.canonical)),
                        ("analysis", .number(timings.analysis)),
                    ])
                ))
            if let history = investment.decomposition?.history {
                statistics.append(
                    (
                        "decomposition_progress",
                        .array(
                            history.map { step in
                                .object([
                                    ("iteration", .number(Double(step.iteration))),
                                    ("lower_bound_usd", .finite(step.lowerBound)),
                                    ("upper_bound_usd", .finite(step.upperBound)),
                                    ("relative_gap", .finite(step.relativeGap)),
                                    ("seconds", .number(step.seconds)),
                                    ("block_solves", .number(Double(step.blockSolves))),
                                ])
                            })
                    ))
            }
        }
        guard let plan, let utilization else {
            members.append(("statistics", .object(statistics)))
            return .object(members)
        }
        members += [
            ("objective_usd", .finite(plan.objectiveUSD)),
            ("expected_npv_usd", .finite(plan.expectedNPV)),
            (
                "risk",
                .object([
                    ("alpha", .number(study.risk.alpha)), ("weight", .number(study.risk.weight)),
                    ("cvar_npv_usd", .finite(tailNPV)),
                ])
            ),
            ("capex_usd", .finite(plan.capexUSD)),
            (
                "scenarios",
                .array(
                    plan.scenarios.enumerated().map { s, id in
                        .object([
                            ("id", .string(id.rawValue)), ("probability", .number(plan.scenarioWeights[s])),
                            ("npv_usd", .finite(plan.npvByScenario[s])),
                        ])
                    })
            ),
            (
                "capacity",
                .array(
                    plan.fleetYears.map { row in
                        .object([
                            ("facility", .string(row.facility.rawValue)), ("hardware", .string(row.hardware.rawValue)),
                            ("year", .number(Double(row.year))), ("built", .finite(row.built)),
                            ("installed", .finite(row.capacity)), ("existing", .finite(row.existing)),
                            ("it_mw", .finite(row.capacity * row.powerKW / 1000)),
                            ("capex_usd", .finite(row.built * row.unitCapexUSD)),
                            ("book_value_usd", .finite(row.bookValueUSD)),
                        ])
                    })
            ),
            (
                "utilization",
                .object([
                    ("fleet", .array(utilization.total.map(entryJSON))),
                    ("facilities", .array(utilization.facilities.map(entryJSON))),
                    ("fleets", .array(utilization.fleets.map(entryJSON))),
                ])
            ),
            (
                "demand",
                .array(
                    plan.demand.map { row in
                        .object([
                            ("tenant", .string(row.tenant.rawValue)),
                            ("zones", .array(row.zones.map { .string($0.rawValue) })),
                            ("year", .number(Double(row.year))), ("scenario", .string(row.scenario.rawValue)),
                            ("demand_units", .finite(row.demand)), ("served_units", .finite(row.served)),
                            ("unserved_units", .finite(row.unserved)), ("shortfall_units", .finite(row.shortfall)),
                        ])
                    })
            ),
            (
                "financials",
                .array(
                    plan.financials.map { row in
                        .object([
                            ("scenario", .string(row.scenario.rawValue)), ("year", .number(Double(row.year))),
                            ("revenue_usd", .finite(row.revenue)), ("energy_usd", .finite(row.energy)),
                            ("fixed_om_usd", .finite(row.fixedOM)), ("capital_usd", .finite(row.capital)),
                            ("penalty_usd", .finite(row.penalty)), ("net_usd", .finite(row.net)),
                        ])
                    })
            ),
            (
                "shadow_prices",
                .object([
                    (
                        "power_usd_per_mw",
                        .array(
                            plan.powerShadowPrices.map { price in
                                .object([
                                    ("facility", .string(price.facility?.rawValue ?? "")),
                                    ("year", .number(Double(price.year ?? 0))),
                                    ("value", .finite(price.value)), ("binding", .bool(price.binding)),
                                ])
                            })
                    ),
                    (
                        "budget_usd_per_usd",
                        plan.budgetShadowPrice.map { price in
                            .object([("value", .finite(price.value)), ("binding", .bool(price.binding))])
                        } ?? .null
                    ),
                ])
            ),
            ("resilience", analysis?.stress.map(resilienceJSON) ?? .null),
            ("stranded_assets", analysis.map { strandedJSON($0.stranded) } ?? .null),
            (
                "unreachable_demand",
                .array(
                    plan.unreachable.map { item in
                        .object([
                            ("tenant", .string(item.tenant.rawValue)), ("zone", .string(item.zone.rawValue)),
                            ("reason", .string(item.reason)),
                        ])
                    })
            ),
        ]
        members.append(("statistics", .object(statistics)))
        return .object(members)
    }

    private func resilienceJSON(_ stress: StressTest) -> JSONValue {
        func rows(_ items: [StressTest.Resilience]) -> JSONValue {
            .array(
                items.map { item in
                    var members: [(String, JSONValue)] = []
                    if let facility = item.facility { members.append(("facility", .string(facility.rawValue))) }
                    members += [
                        ("year", .number(Double(item.year))),
                        ("reference_utilization", .finite(item.referenceUtilization)),
                        (
                            "stressed_utilization",
                            .object(
                                zip(stress.cases, item.stressedUtilization).map {
                                    ($0.workload.rawValue, .finite($1))
                                })
                        ),
                        ("resilience", .finite(item.resilience)),
                        ("worst_stress", item.worst.map { .string($0.rawValue) } ?? .null),
                    ]
                    return .object(members)
                })
        }
        return .object([
            ("shock", .number(stress.shock)), ("reference_scenario", .string(stress.referenceScenario.rawValue)),
            ("stresses", .array(stress.cases.map { .string($0.workload.rawValue) })),
            ("fleet", rows(stress.fleet)), ("facilities", rows(stress.facilities)),
        ])
    }

    private func strandedJSON(_ risk: StrandedAssetRisk) -> JSONValue {
        func figures(_ figures: StrandedAssetRisk.Figures) -> JSONValue {
            .object([
                ("expected_usd", .finite(figures.expected)),
                ("worst_scenario_usd", .finite(figures.worstScenario)),
                ("worst_scenario", figures.worstScenarioID.map { .string($0.rawValue) } ?? .null),
                ("cvar_usd", .finite(figures.cvar)),
                ("worst_stress_usd", .finite(figures.worstStress)),
                ("worst_stress", figures.worstStressWorkload.map { .string($0.rawValue) } ?? .null),
                ("by_scenario_usd", .array(figures.byScenario.map { .finite($0) })),
                ("by_stress_usd", .array(figures.byStress.map { .finite($0) })),
            ])
        }
        func rows(_ items: [StrandedAssetRisk.Row]) -> JSONValue {
            .array(
                items.map { row in
                    var members: [(String, JSONValue)] = []
                    if let facility = row.facility { members.append(("facility", .string(facility.rawValue))) }
                    members += [
                        ("year", .number(Double(row.year))), ("book_value_usd", .finite(row.bookValue)),
                        ("stranded", figures(row.stranded)), ("at_risk", figures(row.atRisk)),
                    ]
                    return .object(members)
                })
        }
        return .object([
            ("breakeven_utilization", .number(risk.breakevenUtilization)), ("alpha", .number(risk.alpha)),
            ("scenarios", .array(risk.scenarios.map { .string($0.rawValue) })),
            ("stresses", .array(risk.stressWorkloads.map { .string($0.rawValue) })),
            ("probability_fleet_below_breakeven_final_year", .finite(risk.probabilityBelowBreakeven)),
            ("fleet", rows(risk.fleet)), ("facilities", rows(risk.facilities)),
        ])
    }

    private func entryJSON(_ entry: Utilization.Entry) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let facility = entry.facility { members.append(("facility", .string(facility.rawValue))) }
        if let hardware = entry.hardware { members.append(("hardware", .string(hardware.rawValue))) }
        members += [
            ("year", .number(Double(entry.year))), ("scenario", .string(entry.scenario.rawValue)),
            ("installed", .finite(entry.installedUnits)), ("used_hours", .finite(entry.usedHours)),
            ("utilization", .finite(entry.utilization)), ("peak_busy", .finite(entry.peakBusy)),
            (
                "category_mix",
                entry.categoryMix.map { mix in
                    .object(zip(study.workloads, mix).map { ($0.id.rawValue, .number($1)) })
                } ?? .null
            ),
            ("herfindahl", .finite(entry.herfindahl)),
        ]
        return .object(members)
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
                let row = plan.fleetYear(BuildKey(facility: facility, hardware: hardware, year: entry.year))
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
