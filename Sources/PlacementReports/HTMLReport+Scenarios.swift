import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension HTMLReport {
    /// Adaptive decisions (docs/design.md §9): the fleet's installed IT MW by scenario and year
    /// (one line per scenario: the paths part where the tree splits) and what each node of the
    /// tree builds. Empty when capacity is the same in every scenario.
    func scenarioCapacitySection() -> String {
        guard let plan, plan.capacityByScenario else { return "" }
        let years = plan.years
        let megawatts = plan.scenarios.map { scenario in
            years.map { year in
                plan.fleetYears.filter { $0.scenario == scenario && $0.year == year }
                    .reduce(0) { $0 + $1.capacity * $1.powerKW / 1000 }
            }
        }
        let ticks = SVGCanvas.ticks(upTo: megawatts.flatMap { $0 }.max() ?? 1, count: 4)
        let top = max(ticks.last ?? 1, 1e-9)
        let (left, right, upper, plotHeight, lower) = (52.0, 12.0, 10.0, 180.0, 22.0)
        let width = left + max(320, Double(years.count) * 80) + right
        let step = (width - left - right) / Double(max(1, years.count - 1))
        func x(_ position: Int) -> Double {
            years.count == 1 ? (left + width - right) / 2 : left + step * Double(position)
        }
        func y(_ value: Double) -> Double { upper + plotHeight * (1 - value / top) }
        var svg = SVGCanvas(
            id: "capacity-by-scenario-chart", className: "chart", width: width, height: upper + plotHeight + lower,
            label: "Installed IT MW of the fleet by scenario and year")
        svg.horizontalGrid(ticks: ticks, left: left, right: width - right, y: y, label: Self.tickMW)
        for (s, scenario) in plan.scenarios.enumerated() {
            let color = SVGPalette.workload(s)
            for position in years.indices {
                let value = megawatts[s][position]
                if position > 0 {
                    svg.line(
                        x1: x(position - 1), y1: y(megawatts[s][position - 1]), x2: x(position), y2: y(value),
                        stroke: color, width: 2, className: "scenario-line")
                }
                svg.circle(
                    cx: x(position), cy: y(value), r: 3.5, fill: color, className: "scenario-point",
                    tooltip: "\(scenario.rawValue) \u{00b7} \(years[position]): \(Self.megawatts(value)) IT installed")
            }
        }
        for (position, year) in years.enumerated() {
            svg.text(String(year), x: x(position), y: upper + plotHeight + 15, anchor: .middle, className: "tick")
        }
        let legend = legend(plan.scenarios.enumerated().map { (SVGPalette.workload($0.offset), $0.element.rawValue) })
        let rows = plan.nodes.map { node in
            [
                String(node.year), node.scenarios.map(\.rawValue).joined(separator: ", "),
                node.shownBuilds.isEmpty
                    ? "nothing"
                    : node.shownBuilds.map { "\($0.facility) \($0.hardware) \(Self.units($0.units))" }.joined(
                        separator: "; "),
            ]
        }
        let body =
            legend + "\n"
            + figure(
                svg.rendered(),
                caption: "Installed IT power (MW) of the whole fleet at the start of each year, one line per scenario: "
                    + "the lines part where the scenario tree splits, since builds then follow what was observed.")
            + "\n"
            + table(
                id: "scenario-tree",
                caption: "Builds by node of the scenario tree (units added at the start of the year)",
                header: ["year", "scenarios", "builds"], rows: rows, textColumns: [0, 1, 2], wrapColumns: [2])
        return section(
            id: "capacity-by-scenario", number: nil, title: "Capacity by scenario (adaptive decisions)",
            lead: "Builds decided in phases: scenarios that have agreed so far build the same; once they part, each "
                + "node builds for what it has seen. Expected capital \(Self.usd(plan.capexUSD)).",
            body: body)
    }

    /// The "Value of information" card's figures (docs/design.md §9), when `placement report --value` ran them.
    func valueOfInformationCard() -> (value: String, note: String)? {
        guard let value = valueOfInformation?.value else { return nil }
        return (
            Self.usd(value.evpi),
            "EVPI (WS \u{2212} RP): a perfect forecast's worth; VSS \(Self.usd(value.vss)) (RP \u{2212} EEV); "
                + "value of adaptivity \(Self.usd(value.valueOfAdaptivity))"
        )
    }
}
