import PlacementModel
import PlacementWorkbook

extension OptimizeReport {
    /// The inputs the plan rests on, as the HTML report's "Assumptions" shows them, with numbers
    /// as numbers: study settings, facilities, accelerators, workloads and tenants.
    func assumptionSheets() -> [Worksheet] {
        [settingsSheet(), facilitiesSheet(), acceleratorsSheet(), workloadsSheet(), tenantsSheet()]
    }

    private func settingsSheet() -> Worksheet {
        var sheet = Worksheet.figures(name: "Assumptions", label: "setting")
        func add(_ setting: String, _ value: WorkbookCell, _ unit: String = "") {
            sheet.appendFigure(setting, value, unit: unit)
        }
        add("first year", .number(Double(study.horizon.start), .integer))
        add("last year", .number(Double(study.horizon.end), .integer))
        add("discount rate", .number(study.discountRate, .percent), "per year")
        if let budget = study.budgetUSD { add("capital budget", .number(budget, .usd), "USD") }
        add("CVaR alpha", .number(study.risk.alpha, .decimal))
        add("CVaR weight in the objective", .number(study.risk.weight, .decimal))
        add("breakeven utilization", .number(study.breakevenUtilization, .percent))
        add("stress: demand shock to one workload", .number(study.stress.shock, .percent))
        add("stress: reference scenario", .text(study.stress.reference.rawValue))
        add("max share of one workload per facility", .number(study.policy.maxCategoryShare, .percent))
        if let units = study.integerBuildUnits {
            add("integer build blocks", .number(Double(units), .usd), "accelerators")
        }
        add("time slices per day", .number(Double(study.timeSlices), .integer))
        add("latency route factor", .number(study.latencySettings.routeFactor, .decimal))
        add("latency base", .number(study.latencySettings.baseMs, .quantity), "ms")
        return sheet
    }

    private func facilitiesSheet() -> Worksheet {
        let first = study.horizon.start
        let last = study.horizon.end
        return Worksheet(
            name: "Facilities",
            headers: [
                "facility", "region", "country", "IT power \(first) (MW)", "IT power \(last) (MW)", "PUE",
                "electricity (USD/MWh)", "shell capex (USD/MW)", "fixed O&M (USD/MW-year)", "accelerators allowed",
            ] + study.hardware.map { "existing \($0.id) (accelerators)" },
            rows: study.facilities.map { facility in
                [
                    .text(facility.id.rawValue),
                    .text(study.region(facility.region)?.displayName ?? facility.region.rawValue),
                    .text(facility.jurisdiction), .number(facility.powerMW(in: first), .megawatts),
                    .number(facility.powerMW(in: last), .megawatts), .number(facility.pue, .decimal),
                    .number(facility.electricityUSDPerMWh, .usd), .number(facility.shellCapexUSDPerMW, .usd),
                    .number(facility.fixedOMUSDPerMWYear, .usd),
                    .text(facility.allowedHardware.map { $0.map(\.rawValue).joined(separator: " ") } ?? "any"),
                ] + study.hardware.map { .number(facility.existingUnits(of: $0.id), .quantity) }
            })
    }

    private func acceleratorsSheet() -> Worksheet {
        Worksheet(
            name: "Accelerators",
            headers: [
                "accelerator", "name", "memory (GB)", "power (kW)", "capex (USD)", "lifetime (years)",
            ]
                + study.workloads.map { "\($0.id) throughput (\($0.unit) per accelerator-hour)" },
            rows: study.hardware.map { unit in
                [
                    .text(unit.id.rawValue), .text(unit.name ?? ""), .number(unit.memoryGB, .quantity),
                    .number(unit.powerKW, .decimal), .number(unit.capexUSD, .usd),
                    .number(Double(unit.lifetimeYears), .integer),
                ] + study.workloads.map { .number(unit.throughput(for: $0.id), .quantity) }
            })
    }

    private func workloadsSheet() -> Worksheet {
        Worksheet(
            name: "Workloads",
            headers: ["workload", "unit", "latency SLO (ms)", "min memory (GB)"],
            rows: study.workloads.map { workload in
                [
                    .text(workload.id.rawValue), .text(workload.unit), .number(workload.latencySLOMs, .quantity),
                    .number(workload.minMemoryGB, .quantity),
                ]
            })
    }

    private func tenantsSheet() -> Worksheet {
        let first = study.horizon.start
        let last = study.horizon.end
        return Worksheet(
            name: "Tenants",
            headers: [
                "tenant", "workload", "price (USD per unit)", "committed share", "residency",
                "demand \(first) (units per year)", "demand \(last) (units per year)", "zones (share)",
            ],
            rows: study.tenants.map { tenant in
                let zones = tenant.zoneShares.filter { $0.share > 0 }
                    .map { "\($0.zone.rawValue) \(Format.grouped($0.share * 100))%" }.joined(separator: ", ")
                return [
                    .text(tenant.id.rawValue), .text(tenant.workload.rawValue),
                    .number(tenant.priceUSDPerUnit, .decimal), .number(tenant.committedShare, .percent),
                    .text(tenant.residency.rawValue), .number(tenant.annualUnits(in: first), .usd),
                    .number(tenant.annualUnits(in: last), .usd), .text(zones),
                ]
            })
    }
}
