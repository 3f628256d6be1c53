import Foundation
import PlacementCompare

extension HTMLReport {
    /// Section 7 of `placement report --compare BASE`: what changed from the base result to this
    /// plan, with the installed IT power by facility in the final year drawn side by side.
    func comparisonSection(_ comparison: PlanComparison) -> String {
        let c = comparison
        var lead = "Against \(c.base.source): "
        let footer = ComparisonReport.hiddenFooter(c).map { "<p class=\"note\">\(Self.escape($0))</p>" } ?? ""
        if c.isEmpty {
            lead +=
                "nothing changed in value, capital, capacity, final-year utilization, resilience, stranded value, "
                + "binding limits or reachable demand."
            return section(id: "what-changed", number: 7, title: "What changed", lead: lead, body: footer)
        }
        lead +=
            "expected NPV \(Self.change(c.expectedNPV)), CVaR NPV \(Self.change(c.cvarNPV)), "
            + "capital \(Self.change(c.capex))."
        var body = [capacityDifferenceChart(c)]
        if !c.capacity.isEmpty {
            body.append(
                table(
                    id: "what-changed-capacity", caption: "Accelerators built and installed that differ from the base",
                    header: [
                        "facility", "accelerator", "year", "built base", "built now", "installed base",
                        "installed now", "difference",
                    ],
                    rows: c.capacity.map { change in
                        [
                            change.facility, change.hardware, change.yearLabel, Self.cleanUnits(change.built.base),
                            Self.cleanUnits(change.built.changed), Self.cleanUnits(change.installed.base),
                            Self.cleanUnits(change.installed.changed),
                            ComparisonReport.signed(change.installed.difference)
                                + ComparisonReport.addedOrRemoved(change.installed),
                        ]
                    }, textColumns: [0, 1]))
        }
        var figures: [[String]] = []
        let year = c.finalYear.map(String.init) ?? ""
        for change in c.utilization {
            figures.append([
                "utilization \(year), \(change.scenario)", change.facility ?? "fleet",
                Format.percent(change.utilization.base), Format.percent(change.utilization.changed),
            ])
        }
        for change in c.resilience {
            figures.append([
                "resilience \(year)", change.facility ?? "fleet", Format.percent(change.resilience.base),
                Format.percent(change.resilience.changed),
            ])
        }
        for change in c.stranded {
            for (label, figure) in [
                ("stranded value (expected)", change.stranded),
                ("stranded value (worst stress)", change.strandedWorstStress),
                ("at-risk value (expected)", change.atRisk),
            ] where figure.isChanged {
                figures.append([
                    "\(label) \(year)", change.facility ?? "fleet", ComparisonReport.money(figure.base),
                    ComparisonReport.money(figure.changed),
                ])
            }
        }
        for limit in c.powerLimits {
            figures.append([
                "power limit \(limit.year): \(limit.change.rawValue)", limit.facility,
                ComparisonReport.money(limit.shadowPrice.base, unit: " USD/MW"),
                ComparisonReport.money(limit.shadowPrice.changed, unit: " USD/MW"),
            ])
        }
        if let budget = c.budget {
            figures.append([
                "budget: \(budget.change.rawValue)", "all",
                budget.shadowPrice.base.map { Format.grouped($0, decimals: 3) + " USD/USD" } ?? "-",
                budget.shadowPrice.changed.map { Format.grouped($0, decimals: 3) + " USD/USD" } ?? "-",
            ])
        }
        for change in c.reachability {
            figures.append([
                "demand \(change.change.rawValue): \(change.reason)", "\(change.tenant) in \(change.zone)",
                "", "",
            ])
        }
        if !figures.isEmpty {
            body.append(
                table(
                    id: "what-changed-figures", caption: "Other figures that changed",
                    header: ["figure", "where", "base", "now"], rows: figures, textColumns: [0, 1],
                    wrapColumns: [0]))
        }
        if !footer.isEmpty { body.append(footer) }
        return section(
            id: "what-changed", number: 7, title: "What changed", lead: lead,
            body: body.joined(separator: "\n"))
    }

    /// Installed IT MW by facility in the final year, base and now, as paired horizontal bars.
    private func capacityDifferenceChart(_ c: PlanComparison) -> String {
        let rows = c.finalYearMWByFacility
        guard !rows.isEmpty, let year = c.finalYear else {
            return unavailable("Neither plan installs capacity, so there is no difference to draw.")
        }
        // A hair below the largest bar, so that solver noise above a round number adds no tick.
        let largest = rows.map { max($0.mw.base ?? 0, $0.mw.changed ?? 0) }.max() ?? 1
        let top = SVGCanvas.ticks(upTo: largest * (1 - 1e-9), count: 4)
        let scale = top.last ?? 1
        let labelWidth = (rows.map { SVGCanvas.textWidth($0.facility) }.max() ?? 60) + 12
        let left = labelWidth
        let plot = 360.0
        let right = 150.0
        let rowHeight = 30.0
        let upper = 8.0
        let lower = 22.0
        func x(_ value: Double) -> Double { left + plot * value / scale }
        var svg = SVGCanvas(
            id: "what-changed-chart", className: "chart compare-chart",
            width: left + plot + right, height: upper + rowHeight * Double(rows.count) + lower,
            label: "Installed IT MW by facility in \(year), base and now")
        for tick in top {
            svg.line(
                x1: x(tick), y1: upper, x2: x(tick), y2: upper + rowHeight * Double(rows.count),
                stroke: tick == 0 ? "#8a8f98" : "#e3e5e9", className: "grid")
            svg.text(
                Self.preciseMW(tick, step: top.count > 1 ? top[1] : scale), x: x(tick),
                y: upper + rowHeight * Double(rows.count) + 14, anchor: .middle,
                className: "tick")
        }
        for (position, row) in rows.enumerated() {
            let top = upper + rowHeight * Double(position)
            let old = row.mw.base ?? 0
            let new = row.mw.changed ?? 0
            svg.text(row.facility, x: left - 8, y: top + 18, anchor: .end, className: "axis-label")
            svg.rect(
                x: x(0), y: top + 5, width: x(old) - x(0), height: 9, fill: "#b8bcc4", className: "base-bar",
                tooltip: "\(row.facility) \(year), base: \(Self.preciseMW(old)) installed",
                data: [("facility", row.facility), ("series", "base")])
            // Colours follow materiality, as the tables do: an immaterial move is drawn unchanged.
            let material = row.mw.isChanged
            // A facility whose rows changed but whose MW did not, to the digits shown (the mix of
            // accelerators moved): "+0.0000 MW" in green said it had grown.
            // preciseMW shows at most 4 decimals: a difference under half of the last one prints as 0.
            let difference = new - old
            let sameMW = abs(difference) < 0.5e-4
            let color = !material || sameMW ? "#0072b2" : new > old ? "#009e73" : "#d55e00"
            svg.rect(
                x: x(0), y: top + 15, width: x(new) - x(0), height: 9, fill: color, className: "now-bar",
                tooltip: "\(row.facility) \(year), now: \(Self.preciseMW(new)) installed",
                data: [("facility", row.facility), ("series", "now")])
            let label =
                !material
                ? "unchanged"
                : sameMW ? "same MW, other accelerators" : (difference > 0 ? "+" : "") + Self.preciseMW(difference)
            svg.text(label, x: x(max(old, new)) + 6, y: top + 18, className: "value-label")
        }
        let caption =
            "Installed IT power (MW) by facility in \(year): grey the base (\(c.base.source)), coloured "
            + "this plan (green more, orange less, blue the same), labelled with the difference."
        return figure(svg.rendered(), caption: caption)
    }

    /// MW with the decimals a tick `step` needs, or (without a step) enough to show the value's
    /// first significant digit: "250 MW", "0.0025 MW", "0.006 MW".
    static func preciseMW(_ value: Double, step: Double? = nil) -> String {
        let decimals: Int
        if let step, step > 0 {
            decimals =
                (0...6).first { digits in
                    let scaled = step * pow(10, Double(digits))
                    return abs(scaled - scaled.rounded()) < 1e-6
                } ?? 6
        } else {
            let size = abs(value)
            decimals = size == 0 || size >= 10 ? 0 : min(4, max(1, Int((-log10(size)).rounded(.up))))
        }
        return Format.grouped(value, decimals: decimals) + " MW"
    }

    /// Accelerator counts without solver noise (6.000000000000002 is 6).
    static func cleanUnits(_ value: Double?) -> String {
        units(((value ?? 0) * 1e6).rounded() / 1e6)
    }

    /// "+1.2 M USD (from 3.4 M to 4.6 M)".
    static func change(_ figure: PlanComparison.Figure) -> String {
        guard figure.isChanged, let difference = figure.difference else {
            let within = figure.differs ? "no change (within solver tolerance)" : "unchanged"
            return "\(within) at \(ComparisonReport.money(figure.changed)) USD"
        }
        return "\(ComparisonReport.signed(difference, money: true)) USD (from \(ComparisonReport.money(figure.base)) "
            + "to \(ComparisonReport.money(figure.changed)))"
    }
}
