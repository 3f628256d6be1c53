import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer

/// Everything `placement optimize` reports, rendered as JSON, CSV or a terminal table.
///
/// JSON follows the schema `sovereign-placement.optimize/1` (docs/results-json.md); CSV has
/// one row per (facility, hardware, year, scenario). Both are byte-identical for the same
/// inputs: wall-clock times appear only in the table, or in JSON when asked for.
///
/// ```swift
/// let report = OptimizeReport(study: study, studyPath: "Models/baseline.yaml", result: result)
/// print(report.table())
/// try report.json().serialized().write(toFile: "plan.json", atomically: true, encoding: .utf8)
/// ```
public struct OptimizeReport: Sendable {
    public static let schema = "sovereign-placement.optimize/1"

    /// Wall-clock seconds of each phase.
    public struct Timings: Sendable {
        public var load: Double
        public var build: Double
        public var solve: Double
        public var results: Double

        public init(load: Double, build: Double, solve: Double, results: Double) {
            self.load = load
            self.build = build
            self.solve = solve
            self.results = results
        }
    }

    public let study: Study
    public let studyPath: String
    public let result: OptimizationResult
    /// Resilience and stranded-asset figures, when the analysis was run.
    public let analysis: PlanAnalysis?
    public let utilization: Utilization?
    public var timings: Timings?

    public init(study: Study, studyPath: String, result: OptimizationResult, analysis: PlanAnalysis? = nil,
                timings: Timings? = nil) {
        self.study = study
        self.studyPath = studyPath
        self.result = result
        self.analysis = analysis
        self.timings = timings
        utilization = analysis?.utilization ?? result.plan.map(Utilization.init(plan:))
    }

    var plan: Plan? { result.plan }

    /// Tail NPV (expected NPV of the worst 1 - alpha of scenarios).
    public var tailNPV: Double? {
        plan.map { TailRisk.tailNPV(npv: $0.npvByScenario, probabilities: $0.scenarioWeights, alpha: study.risk.alpha) }
    }

    // MARK: JSON

    public func json(includeTimings: Bool = false) -> JSONValue {
        let model = result.program.model
        var members: [(String, JSONValue)] = [
            ("schema", .string(Self.schema)),
            ("study", .string(studyPath)),
            ("status", .object([
                ("termination", .string(result.solution.termination.rawValue)),
                ("primal", .string(result.solution.primalStatus.rawValue)),
                ("dual", .string(result.solution.dualStatus.rawValue)),
                ("message", result.solution.message.map(JSONValue.string) ?? .null),
            ])),
        ]
        var statistics: [(String, JSONValue)] = [
            ("rows", .number(Double(model.constraintCount))),
            ("columns", .number(Double(model.variableCount))),
            ("nonzeros", .number(Double(model.nonzeroCount))),
            ("integer", .bool(model.hasIntegerVariables)),
            ("iterations", .number(Double(result.solution.statistics.iterations))),
        ]
        if includeTimings, let timings {
            statistics.append(("seconds", .object([
                ("load", .number(timings.load)), ("build", .number(timings.build)),
                ("solve", .number(timings.solve)), ("results", .number(timings.results)),
            ])))
        }
        guard let plan, let utilization else {
            members.append(("statistics", .object(statistics)))
            return .object(members)
        }
        members += [
            ("objective_usd", .finite(plan.objectiveUSD)),
            ("expected_npv_usd", .finite(plan.expectedNPV)),
            ("risk", .object([
                ("alpha", .number(study.risk.alpha)), ("weight", .number(study.risk.weight)),
                ("cvar_npv_usd", .finite(tailNPV)),
            ])),
            ("capex_usd", .finite(plan.capexUSD)),
            ("scenarios", .array(plan.scenarios.enumerated().map { s, id in
                .object([("id", .string(id.rawValue)), ("probability", .number(plan.scenarioWeights[s])),
                         ("npv_usd", .finite(plan.npvByScenario[s]))])
            })),
            ("capacity", .array(plan.fleetYears.map { row in
                .object([
                    ("facility", .string(row.facility.rawValue)), ("hardware", .string(row.hardware.rawValue)),
                    ("year", .number(Double(row.year))), ("built", .finite(row.built)),
                    ("installed", .finite(row.capacity)), ("existing", .finite(row.existing)),
                    ("it_mw", .finite(row.capacity * row.powerKW / 1000)),
                    ("capex_usd", .finite(row.built * row.unitCapexUSD)),
                ])
            })),
            ("utilization", .object([
                ("fleet", .array(utilization.total.map(entryJSON))),
                ("facilities", .array(utilization.facilities.map(entryJSON))),
                ("fleets", .array(utilization.fleets.map(entryJSON))),
            ])),
            ("demand", .array(plan.demand.map { row in
                .object([
                    ("tenant", .string(row.tenant.rawValue)), ("zones", .array(row.zones.map { .string($0.rawValue) })),
                    ("year", .number(Double(row.year))), ("scenario", .string(row.scenario.rawValue)),
                    ("demand_units", .finite(row.demand)), ("served_units", .finite(row.served)),
                    ("unserved_units", .finite(row.unserved)), ("shortfall_units", .finite(row.shortfall)),
                ])
            })),
            ("financials", .array(plan.financials.map { row in
                .object([
                    ("scenario", .string(row.scenario.rawValue)), ("year", .number(Double(row.year))),
                    ("revenue_usd", .finite(row.revenue)), ("energy_usd", .finite(row.energy)),
                    ("fixed_om_usd", .finite(row.fixedOM)), ("capital_usd", .finite(row.capital)),
                    ("penalty_usd", .finite(row.penalty)), ("net_usd", .finite(row.net)),
                ])
            })),
            ("shadow_prices", .object([
                ("power_usd_per_mw", .array(plan.powerShadowPrices.map { price in
                    .object([("facility", .string(price.facility?.rawValue ?? "")), ("year", .number(Double(price.year ?? 0))),
                             ("value", .finite(price.value)), ("binding", .bool(price.binding))])
                })),
                ("budget_usd_per_usd", plan.budgetShadowPrice.map { price in
                    .object([("value", .finite(price.value)), ("binding", .bool(price.binding))])
                } ?? .null),
            ])),
            ("resilience", analysis?.stress.map(resilienceJSON) ?? .null),
            ("stranded_assets", analysis.map { strandedJSON($0.stranded) } ?? .null),
            ("unreachable_demand", .array(plan.unreachable.map { item in
                .object([("tenant", .string(item.tenant.rawValue)), ("zone", .string(item.zone.rawValue)),
                         ("reason", .string(item.reason))])
            })),
        ]
        members.append(("statistics", .object(statistics)))
        return .object(members)
    }

    private func resilienceJSON(_ stress: StressTest) -> JSONValue {
        func rows(_ items: [StressTest.Resilience]) -> JSONValue {
            .array(items.map { item in
                var members: [(String, JSONValue)] = []
                if let facility = item.facility { members.append(("facility", .string(facility.rawValue))) }
                members += [
                    ("year", .number(Double(item.year))),
                    ("reference_utilization", .finite(item.referenceUtilization)),
                    ("stressed_utilization", .object(zip(stress.cases, item.stressedUtilization).map {
                        ($0.workload.rawValue, .finite($1))
                    })),
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
            .array(items.map { row in
                var members: [(String, JSONValue)] = []
                if let facility = row.facility { members.append(("facility", .string(facility.rawValue))) }
                members += [("year", .number(Double(row.year))), ("book_value_usd", .finite(row.bookValue)),
                            ("stranded", figures(row.stranded)), ("at_risk", figures(row.atRisk))]
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
            ("category_mix", entry.categoryMix.map { mix in
                .object(zip(study.workloads, mix).map { ($0.id.rawValue, .number($1)) })
            } ?? .null),
            ("herfindahl", .finite(entry.herfindahl)),
        ]
        return .object(members)
    }

    // MARK: CSV

    /// One row per (facility, hardware, year, scenario).
    public func csv() -> CSVTable {
        var table = CSVTable(header: [
            "facility", "hardware", "year", "scenario", "built", "installed", "existing", "it_mw", "capex_usd",
            "used_hours", "utilization", "peak_busy", "herfindahl", "book_value_usd", "stranded_usd", "at_risk_usd",
        ] + study.workloads.map { "hours_\($0.id.rawValue)" })
        guard let plan, let utilization else { return table }
        let values = Dictionary((analysis?.stranded.fleetScenarioValues ?? []).map {
            ("\($0.facility)|\($0.hardware)|\($0.year)|\($0.scenario)", $0)
        }, uniquingKeysWith: { first, _ in first })
        let capacity = Dictionary(plan.fleetYears.map { ("\($0.facility)|\($0.hardware)|\($0.year)", $0) },
                                  uniquingKeysWith: { first, _ in first })
        for entry in utilization.fleets {
            guard let facility = entry.facility, let hardware = entry.hardware,
                  let row = capacity["\(facility)|\(hardware)|\(entry.year)"] else { continue }
            table.append([
                facility.rawValue, hardware.rawValue, String(entry.year), entry.scenario.rawValue,
                CSVTable.number(row.built), CSVTable.number(row.capacity), CSVTable.number(row.existing),
                CSVTable.number(row.capacity * row.powerKW / 1000), CSVTable.number(row.built * row.unitCapexUSD),
                CSVTable.number(entry.usedHours), CSVTable.number(entry.utilization), CSVTable.number(entry.peakBusy),
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
