import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension OptimizeReport {
    /// The headline risk figures for the optimize summary.
    func riskHeadline() -> String? {
        guard let analysis, let final = analysis.stranded.fleet.last else { return nil }
        var lines = ["Risk (final year \(final.year))"]
        if let stress = analysis.stress, let fleet = stress.fleet.last {
            let worst = fleet.worst.map { " (worst: \($0) demand -\(Format.percent(stress.shock)))" } ?? ""
            lines.append("  fleet resilience          \(Format.percent(fleet.resilience))\(worst)")
        }
        lines.append("  book value                \(Format.money(final.bookValue))")
        lines.append(
            "  stranded (write-off)      expected \(Format.money(final.stranded.expected)), "
                + "CVaR \(Format.money(final.stranded.cvar)), worst stress \(Format.money(final.stranded.worstStress ?? 0))"
        )
        lines.append(
            "  at risk (below \(Format.percent(analysis.stranded.breakevenUtilization)))   expected \(Format.money(final.atRisk.expected)), "
                + "CVaR \(Format.money(final.atRisk.cvar)), worst stress \(Format.money(final.atRisk.worstStress ?? 0))"
        )
        lines.append(
            "  P(fleet utilization below breakeven) \(Format.percent(analysis.stranded.probabilityBelowBreakeven))")
        return lines.joined(separator: "\n")
    }

    /// The tables of `placement stress`: resilience by facility and year, and stranded-asset risk.
    public func stressTables() -> String {
        guard let plan, let analysis else { return table() }
        var out: [String] = []
        if let stress = analysis.stress {
            out.append(
                "Resilience: utilization under a \(Format.percent(stress.shock)) demand shock to one workload, "
                    + "relative to the \(stress.referenceScenario) dispatch at the plan's capacity (minimum over workloads)"
            )
            var table = TextTable(header: ["resilience"] + plan.years.map(String.init))
            table.append(["fleet"] + stress.fleet.map { Format.percent($0.resilience) })
            table.append(["  worst stress"] + stress.fleet.map { $0.worst?.rawValue ?? "-" })
            for facility in study.facilities {
                let rows = stress.facilities.filter { $0.facility == facility.id }
                guard rows.contains(where: { $0.resilience != nil }) else { continue }
                table.append([facility.id.rawValue] + rows.map { Format.percent($0.resilience) })
            }
            out.append(table.rendered())
            var byWorkload = TextTable(header: [
                "fleet utilization, \(plan.years.last ?? 0)", "utilization", "relative",
            ])
            if let fleet = stress.fleet.last {
                let reference = fleet.referenceUtilization
                byWorkload.append([
                    "no stress (\(stress.referenceScenario))", Format.percent(reference),
                    reference == nil ? "-" : "100.0%",
                ])
                for (position, stressCase) in stress.cases.enumerated() {
                    let value = fleet.stressedUtilization[position]
                    let relative = fleet.referenceUtilization.flatMap { reference in value.map { $0 / reference } }
                    byWorkload.append([
                        "\(stressCase.workload) -\(Format.percent(stress.shock))", Format.percent(value),
                        Format.percent(relative),
                    ])
                }
            }
            out.append("")
            out.append(byWorkload.rendered())
            out.append("")
        }
        let risk = analysis.stranded
        out.append(
            "Stranded-asset risk (USD of book value; stranded = what could be written off at no loss of value, at risk = facility utilization below \(Format.percent(risk.breakevenUtilization)))"
        )
        var fleet = TextTable(header: [
            "fleet", "book value", "stranded E", "worst scen.", "CVaR", "worst stress", "at risk E", "at-risk CVaR",
        ])
        for row in risk.fleet {
            fleet.append([
                String(row.year), Format.money(row.bookValue), Format.money(row.stranded.expected),
                Format.money(row.stranded.worstScenario), Format.money(row.stranded.cvar),
                Format.money(row.stranded.worstStress ?? 0), Format.money(row.atRisk.expected),
                Format.money(row.atRisk.cvar),
            ])
        }
        out.append(fleet.rendered())
        let final = plan.years.last ?? study.horizon.end
        var facilities = TextTable(header: [
            "\(final)", "book value", "stranded E", "worst scenario", "CVaR", "worst stress", "at risk E",
        ])
        for row in risk.facilities where row.year == final && row.bookValue > 0 {
            let worstScenario = row.stranded.worstScenarioID.map { " (\($0))" } ?? ""
            let worstStress = row.stranded.worstStressWorkload.map { " (\($0))" } ?? ""
            facilities.append([
                row.facility?.rawValue ?? "fleet", Format.money(row.bookValue), Format.money(row.stranded.expected),
                Format.money(row.stranded.worstScenario) + worstScenario, Format.money(row.stranded.cvar),
                Format.money(row.stranded.worstStress ?? 0) + worstStress, Format.money(row.atRisk.expected),
            ])
        }
        out.append("")
        out.append(facilities.rendered())
        out.append("")
        out.append(
            "P(fleet utilization below breakeven in \(final)) = \(Format.percent(risk.probabilityBelowBreakeven))")
        return out.joined(separator: "\n") + "\n"
    }
}
