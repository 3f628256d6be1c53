import Foundation
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension OptimizeReport {
    /// The terminal summary of `placement optimize`.
    public func table() -> String {
        var out = [
            "Study \(studyPath): \(study.facilities.count) facilities, \(study.tenants.count) tenants, "
                + "\(study.scenarios.count) scenarios, \(study.horizon.start)-\(study.horizon.end)"
        ]
        out.append(statusLine())
        guard let plan, let utilization else {
            out.append("No feasible plan was found.")
            out.append(statisticsSection())
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        out.append(
            "Value (USD, discounted to \(study.horizon.start) at \(Format.grouped(study.discountRate * 100, decimals: 1))%)"
        )
        out.append("  expected NPV   \(Format.money(plan.expectedNPV))")
        if study.risk.weight > 0, let tail = tailNPV {
            out.append(
                "  CVaR NPV       \(Format.money(tail))  (worst \(Format.percent(1 - study.risk.alpha)) of scenarios, weight \(study.risk.weight))"
            )
            out.append("  objective      \(Format.money(plan.objectiveUSD))")
        }
        var scenarios = TextTable(header: ["scenario", "probability", "NPV"])
        for (s, id) in plan.scenarios.enumerated() {
            scenarios.append([
                id.rawValue, Format.percent(plan.scenarioWeights[s]), Format.money(plan.npvByScenario[s]),
            ])
        }
        out.append(scenarios.rendered())
        if let risk = riskHeadline() { out += ["", risk] }
        out.append("")
        out.append(capacitySection(plan))
        out.append("")
        out.append(utilizationSection(plan, utilization))
        let demand = demandSection(plan)
        if !demand.isEmpty { out += ["", demand] }
        let binding = bindingSection(plan)
        if !binding.isEmpty { out += ["", binding] }
        out.append("")
        out.append(statisticsSection())
        return out.joined(separator: "\n") + "\n"
    }

    private func capacitySection(_ plan: Plan) -> String {
        plan.capacityByScenario ? treeSection(plan) : sharedCapacitySection(plan)
    }

    /// Adaptive decisions (docs/design.md §9): what each node of the tree builds, then each
    /// scenario's installed IT MW and book value in the final year.
    private func treeSection(_ plan: Plan) -> String {
        var lines = [
            "Builds by node (decisions \(plan.decisions.rawValue); expected capex \(Format.money(plan.capexUSD))"
                + (study.budgetUSD.map { ", a \(Format.money($0)) budget in each scenario" } ?? "") + ")"
        ]
        let powerKW = Dictionary(
            plan.fleetYears.map { ("\($0.facility)|\($0.hardware)", $0.powerKW) },
            uniquingKeysWith: { first, _ in first })
        for node in plan.nodes {
            let builds = node.shownBuilds.map { build in
                let megawatts = build.units * (powerKW["\(build.facility)|\(build.hardware)"] ?? 0) / 1000
                return "\(build.facility) \(build.hardware) \(Format.grouped(build.units)) "
                    + "(\(Format.grouped(megawatts, decimals: 1)) MW)"
            }
            lines.append(
                "  \(node.year), scenarios {\(node.scenarios.map(\.rawValue).joined(separator: ", "))}: "
                    + (builds.isEmpty ? "nothing" : builds.joined(separator: "; ")))
        }
        let final = plan.years.last ?? study.horizon.end
        var table = TextTable(header: ["IT MW / book value in \(final)"] + plan.scenarios.map(\.rawValue))
        for facility in study.facilities {
            let cells = plan.scenarios.map { scenario -> (Double, Double) in
                plan.fleetYears.filter { $0.facility == facility.id && $0.year == final && $0.scenario == scenario }
                    .reduce((0, 0)) { ($0.0 + $1.capacity * $1.powerKW / 1000, $0.1 + $1.bookValueUSD) }
            }
            guard cells.contains(where: { $0.0 > 0 }) else { continue }
            table.append(
                [facility.id.rawValue]
                    + cells.map { "\(Format.grouped($0.0, decimals: 1)) / \(Format.money($0.1))" })
        }
        // The fleet's stranded and at-risk value in each scenario (docs/design.md §4), from the analysis.
        if let fleet = analysis?.stranded.fleet.last, fleet.year == final {
            for (label, figures) in [("fleet stranded", fleet.stranded), ("fleet at risk", fleet.atRisk)]
            where figures.byScenario.count == plan.scenarios.count {
                table.append([label] + figures.byScenario.map(Format.money))
            }
        }
        if !table.isEmpty { lines += ["", "Capacity by scenario", table.rendered()] }
        return lines.joined(separator: "\n")
    }

    private func sharedCapacitySection(_ plan: Plan) -> String {
        var table = TextTable(header: ["built (accelerators / IT MW)"] + plan.years.map(String.init) + ["capex"])
        for facility in study.facilities {
            let rows = plan.fleetYears.filter { $0.facility == facility.id }
            let capex = rows.reduce(0) { $0 + $1.built * $1.unitCapexUSD }
            guard rows.contains(where: { $0.built > 0 }) else { continue }
            table.append(
                [facility.id.rawValue]
                    + plan.years.map { year in
                        let built = rows.filter { $0.year == year }
                        let units = built.reduce(0) { $0 + $1.built }
                        let megawatts = built.reduce(0) { $0 + $1.built * $1.powerKW / 1000 }
                        return units > 0 ? "\(Format.grouped(units)) / \(Format.grouped(megawatts, decimals: 1))" : "-"
                    } + [Format.money(capex)])
        }
        let header =
            "Capacity built (total capex \(Format.money(plan.capexUSD))"
            + (study.budgetUSD.map { " of a \(Format.money($0)) budget" } ?? "") + ")"
        return header + "\n" + (table.isEmpty ? "  nothing is built" : table.rendered())
    }

    private func utilizationSection(_ plan: Plan, _ utilization: Utilization) -> String {
        var fleet = TextTable(header: ["fleet utilization"] + plan.years.map(String.init))
        for scenario in plan.scenarios {
            fleet.append(
                [scenario.rawValue] + plan.years.map { Format.percent(utilization.fleet(year: $0, scenario: scenario)) }
            )
        }
        let final = plan.years.last ?? study.horizon.end
        var facilities = TextTable(header: ["utilization in \(final)"] + plan.scenarios.map(\.rawValue))
        for facility in study.facilities {
            let entries = plan.scenarios.map { utilization.facility(facility.id, year: final, scenario: $0) }
            guard entries.contains(where: { ($0?.installedUnits ?? 0) > 0 }) else { continue }
            facilities.append([facility.id.rawValue] + entries.map { Format.percent($0?.utilization) })
        }
        return "Utilization\n" + fleet.rendered() + "\n\n" + facilities.rendered()
    }

    private func demandSection(_ plan: Plan) -> String {
        var table = TextTable(header: [
            "demand not served (expected)", "demand", "unserved", "shortfall", "unit",
            "share",
        ])
        for tenant in study.tenants {
            var demand = 0.0
            var unserved = 0.0
            var shortfall = 0.0
            for row in plan.demand where row.tenant == tenant.id {
                let weight = plan.scenarioWeights[plan.scenarios.firstIndex(of: row.scenario) ?? 0]
                demand += weight * row.demand
                unserved += weight * row.unserved
                shortfall += weight * row.shortfall
            }
            guard unserved + shortfall > 1e-6 * max(1, demand) else { continue }
            table.append([
                tenant.id.rawValue, Format.grouped(demand), Format.grouped(unserved), Format.grouped(shortfall),
                study.workload(tenant.workload)?.unit ?? "units",
                Format.percent(demand > 0 ? (unserved + shortfall) / demand : nil),
            ])
        }
        var lines: [String] = []
        if !table.isEmpty {
            lines.append("Unserved demand over the horizon, in each workload's unit\n" + table.rendered())
        }
        for item in plan.unreachable {
            lines.append("  ! \(item.tenant) in \(item.zone): \(item.reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// `Solver: optimal` or, for a plan not proven optimal, its status and gap in words.
    func statusLine() -> String {
        var line = "Solver: \(investment.termination.rawValue)" + (investment.message.map { " (\($0))" } ?? "")
        if !result.isOptimal && plan != nil {
            let gap = investment.decomposition.map { String(format: ", gap %.2e", $0.relativeGap) } ?? ""
            line += " \u{2014} NOT PROVEN OPTIMAL: the best plan found\(gap)"
        }
        return line
    }

    private func bindingSection(_ plan: Plan) -> String {
        var table = TextTable(header: ["binding limit", "year", "shadow price"])
        for price in plan.powerShadowPrices where price.binding {
            table.append([
                "power at \(price.facility?.rawValue ?? "?")", String(price.year ?? 0),
                Format.money(price.value) + " USD/MW",
            ])
        }
        if let budget = plan.budgetShadowPrice, budget.binding {
            table.append(["budget", "all", Format.grouped(budget.value, decimals: 3) + " USD/USD"])
        }
        if investment.size.integer { return "Binding limits: not reported for a MIP (no duals)" }
        return table.isEmpty
            ? "" : "Binding limits (value of one more unit, expected over scenarios)\n" + table.rendered()
    }

    private func statisticsSection() -> String {
        let size = investment.size
        var line =
            "Solve (\(investment.method.rawValue)): \(Format.grouped(Double(size.rows))) rows, "
            + "\(Format.grouped(Double(size.columns))) columns, \(Format.grouped(Double(size.nonzeros))) nonzeros, "
            + "\(Format.grouped(Double(result.iterations))) iterations"
        if let decomposition = investment.decomposition {
            line +=
                "\nDecomposition: \(decomposition.iterations) iterations, \(Format.grouped(Double(decomposition.blockSolves))) "
                + "block solves, \(decomposition.cuts) cuts, gap " + String(format: "%.1e", decomposition.relativeGap)
            // With integer blocks the master is a MIP solved to its own gap: its optimum is not a bound
            // then, and the decomposition's gap must be read with the MIP's (docs/formulation.md).
            if let mipGap = investment.mipGap {
                line += ", MIP gap " + String(format: "%.1e", mipGap) + " (read the two together)"
            }
        }
        if let timings {
            let format = { (value: Double) in Format.grouped(value, decimals: 2) + " s" }
            line +=
                "\nTime: load \(format(timings.load)), build \(format(timings.build)), solve \(format(timings.solve)), "
                + "canonical dispatch \(format(timings.canonical)), analysis \(format(timings.analysis))"
        }
        return line
    }
}
