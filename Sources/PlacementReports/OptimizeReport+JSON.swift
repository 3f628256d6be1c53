import PlacementAnalysis
import PlacementCompare
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension OptimizeReport {
    /// The result as JSON (`sovereign-placement.optimize/3`, docs/results-json.md), one function per
    /// top-level key, every key a ``ResultKey`` that `compare` reads back by the same name.
    /// `includeTimings` adds iteration counts and seconds, which vary from run to run.
    public func json(includeTimings: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            (ResultKey.schema, .string(Self.schema)),
            (ResultKey.study, .string(studyPath)),
            (ResultKey.decisions, .string(study.decisions.rawValue)),
            (ResultKey.status, statusJSON()),
        ]
        if let plan, let utilization {
            members += [
                (ResultKey.objectiveUSD, .finite(plan.objectiveUSD)),
                (ResultKey.expectedNPVUSD, .finite(plan.expectedNPV)),
                (ResultKey.risk, riskJSON()),
                (ResultKey.capexUSD, .finite(plan.capexUSD)),
                (ResultKey.scenarios, scenariosJSON(plan)),
                (ResultKey.capacity, capacityJSON(plan)),
                (ResultKey.nodes, nodesJSON(plan)),
                (ResultKey.utilization, utilizationJSON(utilization)),
                (ResultKey.demand, demandJSON(plan)),
                (ResultKey.financials, financialsJSON(plan)),
                (ResultKey.shadowPrices, shadowPricesJSON(plan)),
                (ResultKey.resilience, analysis?.stress.map(resilienceJSON) ?? .null),
                (ResultKey.strandedAssets, analysis.map { strandedJSON($0.stranded) } ?? .null),
                (ResultKey.unreachableDemand, unreachableJSON(plan)),
            ]
        }
        members.append((ResultKey.statistics, statisticsJSON(includeTimings: includeTimings)))
        return .object(members)
    }

    private func statusJSON() -> JSONValue {
        .object([
            (ResultKey.termination, .string(investment.termination.rawValue)),
            (ResultKey.primal, .string(investment.primalStatus.rawValue)),
            (ResultKey.dual, .string(investment.dualStatus.rawValue)),
            (ResultKey.optimal, .bool(result.isOptimal)),
            (ResultKey.message, investment.message.map(JSONValue.string) ?? .null),
            (ResultKey.method, .string(investment.method.rawValue)),
            (ResultKey.relativeGap, .finite(investment.decomposition?.relativeGap)),
            (ResultKey.mipGap, .finite(investment.mipGap)),
        ])
    }

    private func statisticsJSON(includeTimings: Bool) -> JSONValue {
        let size = investment.size
        var statistics: [(String, JSONValue)] = [
            (ResultKey.rows, .number(Double(size.rows))),
            (ResultKey.columns, .number(Double(size.columns))),
            (ResultKey.nonzeros, .number(Double(size.nonzeros))),
            (ResultKey.integer, .bool(size.integer)),
        ]
        if let decomposition = investment.decomposition {
            statistics.append(
                (
                    ResultKey.decomposition,
                    .object([
                        (ResultKey.iterations, .number(Double(decomposition.iterations))),
                        (ResultKey.blockSolves, .number(Double(decomposition.blockSolves))),
                        (ResultKey.cuts, .number(Double(decomposition.cuts))),
                        (ResultKey.lowerBoundUSD, .finite(decomposition.lowerBound)),
                        (ResultKey.upperBoundUSD, .finite(decomposition.upperBound)),
                    ])
                ))
        }
        if includeTimings, let timings {
            // Iteration counts depend on warm starts; like seconds they appear only when asked for.
            statistics.append((ResultKey.iterations, .number(Double(result.iterations))))
            statistics.append(
                (
                    ResultKey.seconds,
                    .object([
                        (ResultKey.load, .number(timings.load)), (ResultKey.build, .number(timings.build)),
                        (ResultKey.solve, .number(timings.solve)), (ResultKey.canonical, .number(timings.canonical)),
                        (ResultKey.analysis, .number(timings.analysis)),
                    ])
                ))
            if let history = investment.decomposition?.history {
                statistics.append((ResultKey.decompositionProgress, .array(history.map(progressJSON))))
            }
        }
        return .object(statistics)
    }

    private func progressJSON(_ step: DecompositionProgress) -> JSONValue {
        .object([
            (ResultKey.iteration, .number(Double(step.iteration))),
            (ResultKey.lowerBoundUSD, .finite(step.lowerBound)),
            (ResultKey.upperBoundUSD, .finite(step.upperBound)),
            (ResultKey.relativeGap, .finite(step.relativeGap)),
            (ResultKey.seconds, .number(step.seconds)),
            (ResultKey.blockSolves, .number(Double(step.blockSolves))),
        ])
    }

    private func riskJSON() -> JSONValue {
        .object([
            (ResultKey.alpha, .number(study.risk.alpha)), (ResultKey.weight, .number(study.risk.weight)),
            (ResultKey.cvarNPVUSD, .finite(tailNPV)),
        ])
    }

    private func scenariosJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.scenarios.enumerated().map { s, id in
                .object([
                    (ResultKey.id, .string(id.rawValue)), (ResultKey.probability, .number(plan.scenarioWeights[s])),
                    (ResultKey.npvUSD, .finite(plan.npvByScenario[s])),
                ])
            })
    }

    /// A row per fleet and year, or, when capacity depends on the scenario (adaptive decisions), per
    /// fleet, year and scenario with the row's `scenario`.
    private func capacityJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.fleetYears.map { row in
                .object(
                    [
                        (ResultKey.facility, .string(row.facility.rawValue)),
                        (ResultKey.hardware, .string(row.hardware.rawValue)),
                        (ResultKey.year, .number(Double(row.year))),
                    ] + (row.scenario.map { [(ResultKey.scenario, JSONValue.string($0.rawValue))] } ?? []) + [
                        (ResultKey.built, .finite(row.built)),
                        (ResultKey.installed, .finite(row.capacity)), (ResultKey.existing, .finite(row.existing)),
                        (ResultKey.itMW, .finite(row.capacity * row.powerKW / 1000)),
                        (ResultKey.capexUSD, .finite(row.built * row.unitCapexUSD)),
                        (ResultKey.bookValueUSD, .finite(row.bookValueUSD)),
                    ])
            })
    }

    /// The scenario tree (docs/design.md §9): each year's nodes, their scenarios and their builds.
    private func nodesJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.nodes.map { node in
                .object([
                    (ResultKey.year, .number(Double(node.year))), (ResultKey.id, .number(Double(node.id))),
                    (ResultKey.scenarios, .array(node.scenarios.map { .string($0.rawValue) })),
                    (
                        ResultKey.builds,
                        .array(
                            node.builds.map { build in
                                .object([
                                    (ResultKey.facility, .string(build.facility.rawValue)),
                                    (ResultKey.hardware, .string(build.hardware.rawValue)),
                                    (ResultKey.units, .finite(build.units)),
                                ])
                            })
                    ),
                ])
            })
    }

    private func utilizationJSON(_ utilization: Utilization) -> JSONValue {
        .object([
            (ResultKey.fleet, .array(utilization.total.map(entryJSON))),
            (ResultKey.facilities, .array(utilization.facilities.map(entryJSON))),
            (ResultKey.fleets, .array(utilization.fleets.map(entryJSON))),
        ])
    }

    private func entryJSON(_ entry: Utilization.Entry) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let facility = entry.facility { members.append((ResultKey.facility, .string(facility.rawValue))) }
        if let hardware = entry.hardware { members.append((ResultKey.hardware, .string(hardware.rawValue))) }
        members += [
            (ResultKey.year, .number(Double(entry.year))), (ResultKey.scenario, .string(entry.scenario.rawValue)),
            (ResultKey.installed, .finite(entry.installedUnits)), (ResultKey.usedHours, .finite(entry.usedHours)),
            (ResultKey.utilization, .finite(entry.utilization)), (ResultKey.peakBusy, .finite(entry.peakBusy)),
            (
                ResultKey.categoryMix,
                entry.categoryMix.map { mix in
                    .object(zip(study.workloads, mix).map { ($0.id.rawValue, .number($1)) })
                } ?? .null
            ),
            (ResultKey.herfindahl, .finite(entry.herfindahl)),
        ]
        return .object(members)
    }

    private func demandJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.demand.map { row in
                .object([
                    (ResultKey.tenant, .string(row.tenant.rawValue)),
                    (ResultKey.zones, .array(row.zones.map { .string($0.rawValue) })),
                    (ResultKey.year, .number(Double(row.year))), (ResultKey.scenario, .string(row.scenario.rawValue)),
                    (ResultKey.demandUnits, .finite(row.demand)), (ResultKey.servedUnits, .finite(row.served)),
                    (ResultKey.unservedUnits, .finite(row.unserved)),
                    (ResultKey.shortfallUnits, .finite(row.shortfall)),
                ])
            })
    }

    private func financialsJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.financials.map { row in
                .object([
                    (ResultKey.scenario, .string(row.scenario.rawValue)), (ResultKey.year, .number(Double(row.year))),
                    (ResultKey.revenueUSD, .finite(row.revenue)), (ResultKey.energyUSD, .finite(row.energy)),
                    (ResultKey.fixedOMUSD, .finite(row.fixedOM)), (ResultKey.capitalUSD, .finite(row.capital)),
                    (ResultKey.penaltyUSD, .finite(row.penalty)), (ResultKey.netUSD, .finite(row.net)),
                ])
            })
    }

    private func shadowPricesJSON(_ plan: Plan) -> JSONValue {
        .object([
            (
                ResultKey.powerUSDPerMW,
                .array(
                    plan.powerShadowPrices.map { price in
                        .object([
                            (ResultKey.facility, .string(price.facility?.rawValue ?? "")),
                            (ResultKey.year, .number(Double(price.year ?? 0))),
                            (ResultKey.value, .finite(price.value)), (ResultKey.binding, .bool(price.binding)),
                        ])
                    })
            ),
            (
                ResultKey.budgetUSDPerUSD,
                plan.budgetShadowPrice.map { price in
                    .object([(ResultKey.value, .finite(price.value)), (ResultKey.binding, .bool(price.binding))])
                } ?? .null
            ),
        ])
    }

    private func resilienceJSON(_ stress: StressTest) -> JSONValue {
        func rows(_ items: [StressTest.Resilience]) -> JSONValue {
            .array(
                items.map { item in
                    var members: [(String, JSONValue)] = []
                    if let facility = item.facility { members.append((ResultKey.facility, .string(facility.rawValue))) }
                    members += [
                        (ResultKey.year, .number(Double(item.year))),
                        (ResultKey.referenceUtilization, .finite(item.referenceUtilization)),
                        (
                            ResultKey.stressedUtilization,
                            .object(
                                zip(stress.cases, item.stressedUtilization).map {
                                    ($0.workload.rawValue, .finite($1))
                                })
                        ),
                        (ResultKey.resilience, .finite(item.resilience)),
                        (ResultKey.worstStress, item.worst.map { .string($0.rawValue) } ?? .null),
                    ]
                    return .object(members)
                })
        }
        return .object([
            (ResultKey.shock, .number(stress.shock)),
            (ResultKey.referenceScenario, .string(stress.referenceScenario.rawValue)),
            (ResultKey.stresses, .array(stress.cases.map { .string($0.workload.rawValue) })),
            (ResultKey.fleet, rows(stress.fleet)), (ResultKey.facilities, rows(stress.facilities)),
        ])
    }

    private func strandedJSON(_ risk: StrandedAssetRisk) -> JSONValue {
        func figures(_ figures: StrandedAssetRisk.Figures) -> JSONValue {
            .object([
                (ResultKey.expectedUSD, .finite(figures.expected)),
                (ResultKey.worstScenarioUSD, .finite(figures.worstScenario)),
                (ResultKey.worstScenario, figures.worstScenarioID.map { .string($0.rawValue) } ?? .null),
                (ResultKey.cvarUSD, .finite(figures.cvar)),
                (ResultKey.worstStressUSD, .finite(figures.worstStress)),
                (ResultKey.worstStress, figures.worstStressWorkload.map { .string($0.rawValue) } ?? .null),
                (ResultKey.byScenarioUSD, .array(figures.byScenario.map { .finite($0) })),
                (ResultKey.byStressUSD, .array(figures.byStress.map { .finite($0) })),
            ])
        }
        func rows(_ items: [StrandedAssetRisk.Row]) -> JSONValue {
            .array(
                items.map { row in
                    var members: [(String, JSONValue)] = []
                    if let facility = row.facility { members.append((ResultKey.facility, .string(facility.rawValue))) }
                    members += [
                        (ResultKey.year, .number(Double(row.year))), (ResultKey.bookValueUSD, .finite(row.bookValue)),
                        (ResultKey.stranded, figures(row.stranded)), (ResultKey.atRisk, figures(row.atRisk)),
                    ]
                    return .object(members)
                })
        }
        return .object([
            (ResultKey.breakevenUtilization, .number(risk.breakevenUtilization)),
            (ResultKey.alpha, .number(risk.alpha)),
            (ResultKey.scenarios, .array(risk.scenarios.map { .string($0.rawValue) })),
            (ResultKey.stresses, .array(risk.stressWorkloads.map { .string($0.rawValue) })),
            (ResultKey.probabilityFleetBelowBreakevenFinalYear, .finite(risk.probabilityBelowBreakeven)),
            (ResultKey.fleet, rows(risk.fleet)), (ResultKey.facilities, rows(risk.facilities)),
        ])
    }

    private func unreachableJSON(_ plan: Plan) -> JSONValue {
        .array(
            plan.unreachable.map { item in
                .object([
                    (ResultKey.tenant, .string(item.tenant.rawValue)), (ResultKey.zone, .string(item.zone.rawValue)),
                    (ResultKey.reason, .string(item.reason)),
                ])
            })
    }
}
