import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementWorkbook

extension OptimizeReport {
    /// The result as an analyst's workbook (`--format xlsx`, docs/outputs.md): a Summary sheet,
    /// one sheet per table of the JSON result (same rows, same values), and native charts on the
    /// pivot sheets: capacity by facility and year stacked by accelerator, fleet utilization by
    /// year per scenario, stranded value by scenario and stress; then the study's assumptions.
    /// Without a plan only the Summary and the assumptions.
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "plan.xlsx")
    /// ```
    public func workbook() -> Workbook {
        var sheets = [summarySheet()]
        if let plan, let utilization {
            sheets += [
                scenariosSheet(plan), capacitySheet(plan), capacityChartSheet(plan), utilizationSheet(utilization),
                fleetUtilizationSheet(plan, utilization), demandSheet(plan), financialsSheet(plan),
                shadowPricesSheet(plan), unreachableSheet(plan),
            ]
            if let stress = analysis?.stress { sheets.append(resilienceSheet(stress)) }
            if let stranded = analysis?.stranded { sheets += [strandedSheet(stranded), strandedChartSheet(stranded)] }
        }
        sheets += assumptionSheets()
        return Workbook(title: "SovereignPlacement: \(studyPath)", sheets: sheets)
    }

    private func summarySheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Summary",
            columns: [WorkbookColumn("figure"), WorkbookColumn("value", width: 24), WorkbookColumn("unit")])
        func add(_ figure: String, _ value: WorkbookCell, _ unit: String = "") {
            sheet.append([.text(figure), value, unit.isEmpty ? .empty : .text(unit)])
        }
        add("study", .text(studyPath))
        add("schema of the JSON result", .text(Self.schema))
        add("termination", .text(investment.termination.rawValue))
        add("primal status", .text(investment.primalStatus.rawValue))
        add("dual status", .text(investment.dualStatus.rawValue))
        add("optimal", .text(result.isOptimal ? "yes" : "no"))
        if let message = investment.message { add("message", .text(message)) }
        add("method", .text(investment.method.rawValue))
        add("relative gap", .number(investment.decomposition?.relativeGap, .decimal))
        add("MIP gap", .number(investment.mipGap, .decimal))
        let size = investment.size
        add("rows", .number(Double(size.rows), .usd), "constraints")
        add("columns", .number(Double(size.columns), .usd), "variables")
        add("nonzeros", .number(Double(size.nonzeros), .usd))
        add("integer", .text(size.integer ? "yes" : "no"))
        if let decomposition = investment.decomposition {
            add("decomposition iterations", .number(Double(decomposition.iterations), .usd))
            add("block solves", .number(Double(decomposition.blockSolves), .usd))
            add("cuts", .number(Double(decomposition.cuts), .usd))
            add("lower bound", .number(decomposition.lowerBound, .usd), "USD")
            add("upper bound", .number(decomposition.upperBound, .usd), "USD")
        }
        guard let plan else { return sheet }
        add("objective", .number(plan.objectiveUSD, .usd), "USD")
        add("expected NPV", .number(plan.expectedNPV, .usd), "USD")
        add("CVaR NPV (alpha \(study.risk.alpha))", .number(tailNPV, .usd), "USD")
        add("capex", .number(plan.capexUSD, .usd), "USD")
        if let stress = analysis?.stress, let fleet = stress.fleet.last {
            add("fleet resilience, \(fleet.year)", .number(fleet.resilience, .percent), "share")
        }
        if let risk = analysis?.stranded, let final = risk.fleet.last {
            add("book value, \(final.year)", .number(final.bookValue, .usd), "USD")
            add("stranded, expected, \(final.year)", .number(final.stranded.expected, .usd), "USD")
            add("stranded, CVaR, \(final.year)", .number(final.stranded.cvar, .usd), "USD")
            add("at risk, expected, \(final.year)", .number(final.atRisk.expected, .usd), "USD")
            add(
                "P(fleet utilization below breakeven), \(final.year)",
                .number(risk.probabilityBelowBreakeven, .percent),
                "probability")
        }
        return sheet
    }

    private func scenariosSheet(_ plan: Plan) -> Worksheet {
        Worksheet(
            name: "Scenarios",
            columns: [
                WorkbookColumn("scenario"), WorkbookColumn("probability"), WorkbookColumn("NPV (USD)"),
                WorkbookColumn("description"),
            ],
            rows: plan.scenarios.enumerated().map { s, id in
                [
                    .text(id.rawValue), .number(plan.scenarioWeights[s], .percent),
                    .number(plan.npvByScenario[s], .usd),
                    .text(study.scenarios.first { $0.id == id }?.name ?? ""),
                ]
            })
    }

    /// A row per fleet and year; with capacity by scenario (adaptive decisions) a `scenario` column
    /// after the year.
    private func capacitySheet(_ plan: Plan) -> Worksheet {
        let byScenario = plan.capacityByScenario
        return Worksheet(
            name: "Capacity",
            headers: ["facility", "hardware", "year"] + (byScenario ? ["scenario"] : []) + [
                "built (accelerators)", "installed (accelerators)",
                "existing (accelerators)", "IT power (MW)", "capex (USD)", "book value (USD)",
            ],
            rows: plan.fleetYears.map { row in
                [.text(row.facility.rawValue), .text(row.hardware.rawValue), .number(Double(row.year), .integer)]
                    + (byScenario ? [.text(row.scenario?.rawValue ?? "")] : []) + [
                        .number(row.built, .quantity), .number(row.capacity, .quantity),
                        .number(row.existing, .quantity), .number(row.capacity * row.powerKW / 1000, .megawatts),
                        .number(row.built * row.unitCapexUSD, .usd), .number(row.bookValueUSD, .usd),
                    ]
            })
    }

    /// Installed accelerators by facility and year (rows), one column per accelerator: the
    /// stacked chart's data. Facilities with nothing installed in any year are left out.
    private func capacityChartSheet(_ plan: Plan) -> Worksheet {
        let hardware = study.hardware.map(\.id).filter { id in plan.fleetYears.contains { $0.hardware == id } }
        let facilities = study.facilities.map(\.id).filter { id in
            plan.fleetYears.contains { $0.facility == id && $0.capacity > 0 }
        }
        var installed: [String: Double] = [:]
        for row in plan.fleetYears {
            // Expected over the scenarios when capacity depends on them.
            installed["\(row.facility)|\(row.hardware)|\(row.year)", default: 0] +=
                row.capacity * plan.weight(of: row.scenario)
        }
        var sheet = Worksheet(
            name: "Capacity by year",
            columns: [WorkbookColumn("facility, year"), WorkbookColumn("facility"), WorkbookColumn("year")]
                + hardware.map { WorkbookColumn("\($0) (accelerators installed)") })
        for facility in facilities {
            for year in plan.years {
                sheet.append(
                    [.text("\(facility) \(year)"), .text(facility.rawValue), .number(Double(year), .integer)]
                        + hardware.map { .number(installed["\(facility)|\($0)|\(year)"] ?? 0, .quantity) })
            }
        }
        // A plan that installs nothing has no series to draw (and no rows).
        guard !hardware.isEmpty else { return sheet }
        sheet.charts = [
            WorkbookChart(
                kind: .stackedColumn, title: "Installed accelerators by facility and year", categories: 0,
                values: Array(3..<(3 + hardware.count)), categoryAxis: "facility, year", valueAxis: "accelerators",
                valueFormat: .usd)
        ]
        return sheet
    }

    private func utilizationSheet(_ utilization: Utilization) -> Worksheet {
        Worksheet(
            name: "Utilization",
            headers: [
                "facility", "hardware", "year", "scenario", "installed (accelerators)", "used (accelerator-hours)",
                "utilization", "peak busy", "Herfindahl index",
            ],
            rows: utilization.fleets.map { entry in
                [
                    .text(entry.facility?.rawValue ?? ""), .text(entry.hardware?.rawValue ?? ""),
                    .number(Double(entry.year), .integer), .text(entry.scenario.rawValue),
                    .number(entry.installedUnits, .quantity), .number(entry.usedHours, .quantity),
                    .number(entry.utilization, .percent), .number(entry.peakBusy, .percent),
                    .number(entry.herfindahl, .decimal),
                ]
            })
    }

    /// Fleet utilization, one row per year and one column per scenario: the line chart's data.
    private func fleetUtilizationSheet(_ plan: Plan, _ utilization: Utilization) -> Worksheet {
        var byKey: [String: Double] = [:]
        for entry in utilization.total { byKey["\(entry.year)|\(entry.scenario)"] = entry.utilization }
        var sheet = Worksheet(
            name: "Fleet utilization",
            columns: [WorkbookColumn("year")] + plan.scenarios.map { WorkbookColumn("\($0) (utilization)") })
        for year in plan.years {
            sheet.append(
                [.number(Double(year), .integer)] + plan.scenarios.map { .number(byKey["\(year)|\($0)"], .percent) })
        }
        guard !plan.scenarios.isEmpty else { return sheet }
        sheet.charts = [
            WorkbookChart(
                kind: .line, title: "Fleet utilization by year and scenario", categories: 0,
                values: Array(1...plan.scenarios.count), categoryAxis: "year", valueAxis: "utilization",
                valueFormat: .percent)
        ]
        return sheet
    }

    private func demandSheet(_ plan: Plan) -> Worksheet {
        Worksheet(
            name: "Demand",
            headers: [
                "tenant", "zones", "year", "scenario", "demand (work units)", "served (work units)",
                "unserved (work units)", "shortfall (work units)",
            ],
            rows: plan.demand.map { row in
                [
                    .text(row.tenant.rawValue), .text(row.zones.map(\.rawValue).joined(separator: " ")),
                    .number(Double(row.year), .integer), .text(row.scenario.rawValue), .number(row.demand, .quantity),
                    .number(row.served, .quantity), .number(row.unserved, .quantity), .number(row.shortfall, .quantity),
                ]
            })
    }

    private func financialsSheet(_ plan: Plan) -> Worksheet {
        Worksheet(
            name: "Financials",
            headers: [
                "scenario", "year", "revenue (USD)", "energy (USD)", "fixed O&M (USD)", "capital (USD)",
                "penalty (USD)", "net (USD)",
            ],
            rows: plan.financials.map { row in
                [
                    .text(row.scenario.rawValue), .number(Double(row.year), .integer), .number(row.revenue, .usd),
                    .number(row.energy, .usd), .number(row.fixedOM, .usd), .number(row.capital, .usd),
                    .number(row.penalty, .usd), .number(row.net, .usd),
                ]
            })
    }

    /// Power rows by facility and year, then the budget row when the study has a budget.
    private func shadowPricesSheet(_ plan: Plan) -> Worksheet {
        var sheet = Worksheet(
            name: "Shadow prices",
            columns: [
                WorkbookColumn("limit"), WorkbookColumn("facility"), WorkbookColumn("year"),
                WorkbookColumn("shadow price (USD per MW, or per USD of budget)"), WorkbookColumn("binding"),
            ])
        for price in plan.powerShadowPrices {
            sheet.append([
                .text("power"), .text(price.facility?.rawValue ?? ""), .number(price.year.map(Double.init), .integer),
                .number(price.value, .usd), .text(price.binding ? "yes" : "no"),
            ])
        }
        if let budget = plan.budgetShadowPrice {
            sheet.append([
                .text("budget"), .empty, .empty, .number(budget.value, .decimal), .text(budget.binding ? "yes" : "no"),
            ])
        }
        return sheet
    }

    private func unreachableSheet(_ plan: Plan) -> Worksheet {
        Worksheet(
            name: "Unreachable demand",
            columns: [WorkbookColumn("tenant"), WorkbookColumn("zone"), WorkbookColumn("reason", width: 60)],
            rows: plan.unreachable.map { [.text($0.tenant.rawValue), .text($0.zone.rawValue), .text($0.reason)] })
    }

    private func resilienceSheet(_ stress: StressTest) -> Worksheet {
        let shock = "-\(Int((stress.shock * 100).rounded()))%"
        var sheet = Worksheet(
            name: "Resilience",
            columns: [WorkbookColumn("facility"), WorkbookColumn("year"), WorkbookColumn("reference utilization")]
                + stress.cases.map { WorkbookColumn("utilization, \($0.workload) \(shock)") }
                + [WorkbookColumn("resilience"), WorkbookColumn("worst stress")])
        for item in stress.fleet + stress.facilities {
            sheet.append(
                [
                    .text(item.facility?.rawValue ?? "fleet"), .number(Double(item.year), .integer),
                    .number(item.referenceUtilization, .percent),
                ] + item.stressedUtilization.map { .number($0, .percent) }
                    + [.number(item.resilience, .percent), .text(item.worst?.rawValue ?? "")])
        }
        return sheet
    }

    private func strandedSheet(_ risk: StrandedAssetRisk) -> Worksheet {
        Worksheet(
            name: "Stranded and at risk",
            headers: [
                "facility", "year", "book value (USD)", "stranded, expected (USD)", "stranded, worst scenario (USD)",
                "stranded, CVaR (USD)", "stranded, worst stress (USD)", "at risk, expected (USD)",
                "at risk, worst scenario (USD)", "at risk, CVaR (USD)", "at risk, worst stress (USD)",
            ],
            rows: (risk.fleet + risk.facilities).map { row in
                [
                    .text(row.facility?.rawValue ?? "fleet"), .number(Double(row.year), .integer),
                    .number(row.bookValue, .usd), .number(row.stranded.expected, .usd),
                    .number(row.stranded.worstScenario, .usd), .number(row.stranded.cvar, .usd),
                    .number(row.stranded.worstStress, .usd), .number(row.atRisk.expected, .usd),
                    .number(row.atRisk.worstScenario, .usd), .number(row.atRisk.cvar, .usd),
                    .number(row.atRisk.worstStress, .usd),
                ]
            })
    }

    /// The fleet's final-year stranded and at-risk value in each scenario and under each stress:
    /// the column chart's data.
    private func strandedChartSheet(_ risk: StrandedAssetRisk) -> Worksheet {
        let year = risk.fleet.last?.year ?? 0
        var sheet = Worksheet(
            name: "Stranded by case",
            columns: [
                WorkbookColumn("case, \(year)"), WorkbookColumn("kind"), WorkbookColumn("stranded (USD)"),
                WorkbookColumn("at risk (USD)"),
            ])
        if let final = risk.fleet.last {
            for (s, scenario) in risk.scenarios.enumerated() {
                sheet.append([
                    .text(scenario.rawValue), .text("scenario"), .number(final.stranded.byScenario[s], .usd),
                    .number(final.atRisk.byScenario[s], .usd),
                ])
            }
            for (w, workload) in risk.stressWorkloads.enumerated() {
                sheet.append([
                    .text("\(workload) stress"), .text("stress"), .number(final.stranded.byStress[w], .usd),
                    .number(final.atRisk.byStress[w], .usd),
                ])
            }
        }
        sheet.charts = [
            WorkbookChart(
                kind: .column, title: "Fleet stranded and at-risk value by scenario and stress, \(year)",
                categories: 0, values: [2, 3], categoryAxis: "scenario or stress", valueAxis: "USD", valueFormat: .usd)
        ]
        return sheet
    }
}
