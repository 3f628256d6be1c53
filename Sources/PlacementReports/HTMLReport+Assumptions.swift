import Foundation
import PlacementModel

extension HTMLReport {
    /// Section 6: the inputs behind the numbers, and how the LP was solved.
    func assumptionsSection() -> String {
        let first = study.horizon.start
        let last = study.horizon.end
        let settings: [[String]] = [
            ["Horizon", "\(first)\u{2013}\(last) (\(study.horizon.years.count) years)"],
            ["Discount rate", Format.percent(study.discountRate)],
            ["Capital budget", study.budgetUSD.map(Self.usd) ?? "unlimited"],
            [
                "Risk",
                "CVaR at alpha \(Format.grouped(study.risk.alpha, decimals: 2)), weight in objective \(Format.grouped(study.risk.weight, decimals: 2))",
            ],
            ["Breakeven utilization", Format.percent(study.breakevenUtilization)],
            [
                "Stress test",
                "one workload's demand \u{2212}\(Format.percent(study.stress.shock)) in the \(study.stress.reference.rawValue) scenario",
            ],
            ["Max share of one workload per facility", Format.percent(study.policy.maxCategoryShare)],
            [
                "Build blocks",
                study.integerBuildUnits.map { "integer blocks of \(Self.units(Double($0))) units (MIP)" }
                    ?? "continuous (LP)",
            ],
            ["Time slices", "\(study.timeSlices) per day (\(24 / study.timeSlices) h each, UTC)"],
            [
                "Latency estimate",
                "route factor \(Format.grouped(study.latencySettings.routeFactor, decimals: 2)), base \(Format.grouped(study.latencySettings.baseMs, decimals: 1)) ms",
            ],
        ]
        var blocks: [String] = []
        blocks.append(
            table(
                id: "assumptions-settings", caption: "Study settings", header: ["setting", "value"], rows: settings,
                textColumns: [0, 1], wrapColumns: [1]))
        blocks.append(
            table(
                id: "solve-statistics", caption: "Solve statistics", header: ["statistic", "value"], rows: statistics(),
                textColumns: [0, 1], wrapColumns: [1]))

        let scenarioRows = study.scenarios.map { scenario -> [String] in
            let npv = plan.flatMap { plan in plan.scenarios.firstIndex(of: scenario.id).map { plan.npvByScenario[$0] } }
            return [
                scenario.id.rawValue, scenario.name ?? "", Format.percent(scenario.probability),
                npv.map(Self.usd) ?? "\u{2013}",
            ]
        }
        let scenarios = table(
            id: "assumptions-scenarios", caption: "Scenarios",
            header: ["scenario", "description", "probability", "NPV"],
            rows: scenarioRows, textColumns: [0, 1])

        let facilityRows = study.facilities.map { facility -> [String] in
            let existing = study.hardware.compactMap { unit -> String? in
                let count = facility.existingUnits(of: unit.id)
                return count > 0 ? "\(Self.units(count)) \(unit.id.rawValue)" : nil
            }
            return [
                facility.id.rawValue, study.region(facility.region)?.displayName ?? facility.region.rawValue,
                facility.jurisdiction,
                Format.grouped(facility.powerMW(in: first)), Format.grouped(facility.powerMW(in: last)),
                Format.grouped(facility.pue, decimals: 2), Format.grouped(facility.electricityUSDPerMWh),
                Format.money(facility.shellCapexUSDPerMW), Format.money(facility.fixedOMUSDPerMWYear),
                facility.allowedHardware.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "any",
                existing.isEmpty ? "\u{2013}" : existing.joined(separator: ", "),
            ]
        }
        let facilities = table(
            id: "assumptions-facilities", caption: "Facilities (IT power available to the plan)",
            header: [
                "facility", "region", "country", "MW \(first)", "MW \(last)", "PUE", "USD/MWh",
                "shell USD/MW", "O&M USD/MW-yr", "accelerators allowed", "existing",
            ],
            rows: facilityRows, textColumns: [0, 1, 2, 9, 10], wrapColumns: [9, 10])

        let hardwareRows = study.hardware.map { unit -> [String] in
            [
                unit.id.rawValue, unit.name ?? "", Format.grouped(unit.memoryGB),
                Format.grouped(unit.powerKW, decimals: 2),
                Format.grouped(unit.capexUSD), "\(unit.lifetimeYears)",
            ]
                + study.workloads.map {
                    unit.throughput(for: $0.id) > 0
                        ? Format.grouped(unit.throughput(for: $0.id), decimals: 1) : "\u{2013}"
                }
        }
        let hardware = table(
            id: "assumptions-hardware", caption: "Accelerators (throughput in work units per accelerator-hour)",
            header: ["accelerator", "name", "memory GB", "kW", "capex USD", "life yrs"]
                + study.workloads.map(\.id.rawValue),
            rows: hardwareRows, textColumns: [0, 1])

        let workloadRows = study.workloads.map { workload -> [String] in
            [
                workload.id.rawValue, workload.unit, Format.grouped(workload.latencySLOMs),
                Format.grouped(workload.minMemoryGB),
            ]
        }
        let workloads = table(
            id: "assumptions-workloads", caption: "Workloads",
            header: ["workload", "unit", "latency SLO ms", "min memory GB"],
            rows: workloadRows, textColumns: [0, 1])

        let tenantRows = study.tenants.map { tenant -> [String] in
            let zones = tenant.zoneShares.filter { $0.share > 0 }
                .map { "\($0.zone.rawValue) \(Format.grouped($0.share * 100))%" }.joined(separator: ", ")
            return [
                tenant.id.rawValue, tenant.workload.rawValue, Self.price(tenant.priceUSDPerUnit),
                Format.percent(tenant.committedShare),
                tenant.residency.rawValue, Self.compact(tenant.annualUnits(in: first)),
                Self.compact(tenant.annualUnits(in: last)), zones,
            ]
        }
        let tenants = table(
            id: "assumptions-tenants", caption: "Tenants (base-case demand in work units per year)",
            header: [
                "tenant", "workload", "USD/unit", "committed", "residency", "demand \(first)", "demand \(last)",
                "zones",
            ],
            rows: tenantRows, textColumns: [0, 1, 4, 7], wrapColumns: [7])

        let body =
            "<div class=\"tables\">" + blocks.joined(separator: "\n") + "</div>\n" + scenarios + facilities + hardware
            + workloads + tenants
        return section(
            id: "assumptions", number: 6, title: "Assumptions and solve statistics",
            lead:
                "The inputs the plan rests on, from \(report.studyPath) and the files it names, and how the linear program was solved.",
            body: body)
    }

    private func statistics() -> [[String]] {
        let investment = report.result.investment
        let size = investment.size
        var rows: [[String]] = [
            [
                "Status",
                "\(investment.termination.rawValue) (primal: \(investment.primalStatus.rawValue), "
                    + "dual: \(investment.dualStatus.rawValue))",
            ],
            ["Method", investment.method.rawValue],
        ]
        if let message = investment.message { rows.append(["Solver message", message]) }
        if let decomposition = investment.decomposition {
            rows.append([
                "Decomposition",
                "\(decomposition.iterations) iterations, "
                    + "\(Format.grouped(Double(decomposition.blockSolves))) block solves, gap "
                    + String(format: "%.1e", decomposition.relativeGap),
            ])
        }
        rows += [
            ["Rows", Format.grouped(Double(size.rows))],
            ["Columns", Format.grouped(Double(size.columns))],
            ["Nonzeros", Format.grouped(Double(size.nonzeros))],
            ["Problem type", size.integer ? "MIP (integer build blocks)" : "LP"],
            ["Simplex iterations", Format.grouped(Double(report.result.iterations))],
        ]
        if let objective = plan?.objectiveUSD { rows.append(["Objective", Self.usd(objective)]) }
        if let stress = analysis?.stress {
            let warm = stress.cases.filter(\.warmStarted).count
            rows.append([
                "Stress re-solves",
                "\(stress.cases.count) (\(Format.grouped(Double(stress.iterations))) iterations, "
                    + "\(warm) warm-started)",
            ])
        }
        if let timings = report.timings {
            let seconds = { (value: Double) in Format.grouped(value, decimals: 2) + " s" }
            rows.append([
                "Wall-clock",
                "load \(seconds(timings.load)), build \(seconds(timings.build)), solve \(seconds(timings.solve)), "
                    + "canonical dispatch \(seconds(timings.canonical)), analysis \(seconds(timings.analysis))",
            ])
        }
        return rows
    }

    /// A unit price with enough digits to read ("0.06", "2.5e-6" stays legible as "0.0000025").
    static func price(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        var decimals = 2
        while decimals < 9, abs(value) * pow10(decimals) < 100 { decimals += 1 }
        var text = Format.grouped(value, decimals: decimals)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
