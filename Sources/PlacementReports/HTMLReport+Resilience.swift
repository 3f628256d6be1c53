import PlacementAnalysis
import PlacementModel

extension HTMLReport {
    /// Section 4: fleet utilization under each one-workload stress relative to the reference
    /// dispatch, by year; and each facility's resilience in the final year.
    func resilienceSection() -> String {
        guard let stress = analysis?.stress, !stress.cases.isEmpty else {
            return section(
                id: "resilience", number: 4, title: "Resilience by stressed workload",
                lead: "Not computed: no workload has a tenant to stress, or the analysis was skipped.", body: "")
        }
        let workloadColor = { (id: WorkloadID) -> String in
            SVGPalette.workload(study.workloads.firstIndex { $0.id == id } ?? 0)
        }
        let shock = Format.percent(stress.shock)
        let legend = legend(
            stress.cases.map { (workloadColor($0.workload), "\($0.workload.rawValue) demand \u{2212}\(shock)") },
            marks: [("dashed", "reference dispatch (no stress) = 100%")])
        let fleetCaption =
            "Bars: fleet utilization when one workload's demand falls by \(shock) in every year of the "
            + "\(stress.referenceScenario.rawValue) scenario (capacity held at the plan, dispatch re-solved), divided by the "
            + "fleet utilization of the same re-solve without the stress. Under each year: the reference utilization and the "
            + "fleet resilience (the smallest ratio)."
        let final = stress.facilities.filter { $0.year == finalYear && $0.resilience != nil }
        let facilityCaption =
            "Resilience of each facility in \(finalYear): the smallest ratio over the stresses of its utilization under "
            + "stress to its reference utilization; the colour is the workload whose stress gives it. Facilities with no "
            + "reference utilization are left out."
        var body = legend + figure(fleetChart(stress, color: workloadColor), caption: fleetCaption)
        body += "<h3>Per-facility resilience, \(finalYear)</h3>"
        body +=
            final.isEmpty
            ? unavailable("No facility is busy in the reference dispatch in \(finalYear).")
            : figure(facilityChart(final, color: workloadColor), caption: facilityCaption)
        let fleet = stress.fleet.last
        let lead =
            "What happens to utilization if one category of demand falls by \(shock). Fleet resilience in \(finalYear): "
            + "\(Format.percent(fleet?.resilience))"
            + (fleet?.worst.map { ", worst when \($0.rawValue) demand falls." } ?? ".")
        return section(id: "resilience", number: 4, title: "Resilience by stressed workload", lead: lead, body: body)
    }

    private func fleetChart(_ stress: StressTest, color: (WorkloadID) -> String) -> String {
        let cases = stress.cases
        let years = stress.fleet
        let relative: [[Double?]] = years.map { row in
            row.stressedUtilization.map { value in
                guard let reference = row.referenceUtilization, reference > 0 else { return nil }
                return (value ?? 0) / reference
            }
        }
        let largest = relative.flatMap { $0 }.compactMap { $0 }.max() ?? 1
        let ticks = SVGCanvas.ticks(upTo: max(1, largest) * 1.05, count: 5)
        let top = ticks.last ?? 1
        let barWidth = 26.0
        let inner = 6.0
        let groupWidth = max(Double(cases.count) * (barWidth + inner) + 26, 112)
        let left = 52.0
        let upper = 18.0
        let plotHeight = 210.0
        let lower = 50.0
        let width = left + groupWidth * Double(years.count) + 8
        func y(_ value: Double) -> Double { upper + plotHeight * (1 - value / top) }
        var svg = SVGCanvas(
            id: "resilience-fleet", className: "chart resilience-fleet", width: width,
            height: upper + plotHeight + lower,
            label: "Fleet utilization under each stress relative to the reference, by year")
        svg.horizontalGrid(ticks: ticks, left: left, right: width - 8, y: y, label: { Format.grouped($0 * 100) + "%" })
        svg.text(
            "relative to reference", x: 12, y: upper + plotHeight / 2, anchor: .middle, className: "axis-title",
            rotate: -90)
        svg.line(
            x1: left, y1: y(1), x2: width - 8, y2: y(1), stroke: "#1d232b", width: 1.5, dash: "5 4",
            className: "reference")
        for (g, row) in years.enumerated() {
            let groupLeft = left + groupWidth * Double(g)
            let barsWidth = Double(cases.count) * (barWidth + inner) - inner
            var x = groupLeft + (groupWidth - barsWidth) / 2
            for (c, stressCase) in cases.enumerated() {
                let value = relative[g][c]
                let height = value.map { y(0) - y($0) } ?? 0
                let absolute = row.stressedUtilization[c]
                let tooltip =
                    "\(row.year), \(stressCase.workload.rawValue) demand \u{2212}\(Format.percent(stress.shock)): fleet utilization "
                    + "\(Format.percent(absolute)) vs \(Format.percent(row.referenceUtilization)) without stress = "
                    + "\(Format.percent(value)) of reference"
                svg.rect(
                    x: x, y: y(0) - height, width: barWidth, height: height, fill: color(stressCase.workload),
                    className: "bar",
                    tooltip: tooltip, data: [("year", String(row.year)), ("workload", stressCase.workload.rawValue)])
                if let value {
                    svg.text(
                        Format.grouped(value * 100) + "%", x: x + barWidth / 2, y: y(value) - 4, anchor: .middle,
                        className: "value", background: "#ffffff", fontSize: 10)
                }
                x += barWidth + inner
            }
            let center = groupLeft + groupWidth / 2
            svg.text(String(row.year), x: center, y: y(0) + 15, anchor: .middle, className: "group")
            svg.text(
                "ref. \(Format.percent(row.referenceUtilization))", x: center, y: y(0) + 29, anchor: .middle,
                className: "tick")
            svg.text(
                "min \(Format.percent(row.resilience))", x: center, y: y(0) + 42, anchor: .middle, className: "tick",
                tooltip: row.worst.map { "worst: \($0.rawValue)" })
        }
        return svg.rendered()
    }

    private func facilityChart(_ rows: [StressTest.Resilience], color: (WorkloadID) -> String) -> String {
        let labels = rows.map { $0.facility?.rawValue ?? "fleet" }
        let left = (labels.map { SVGCanvas.textWidth($0) }.max() ?? 40) + 12
        let rowHeight = 20.0
        let upper = 22.0
        let plotWidth = 420.0
        let annotation = 230.0
        let largest = rows.compactMap(\.resilience).max() ?? 1
        let ticks = SVGCanvas.ticks(upTo: max(1, largest), count: 5)
        let top = ticks.last ?? 1
        func x(_ value: Double) -> Double { left + plotWidth * value / top }
        let height = upper + rowHeight * Double(rows.count) + 8
        var svg = SVGCanvas(
            id: "resilience-facilities", className: "chart resilience-facilities",
            width: left + plotWidth + annotation, height: height,
            label: "Resilience by facility in \(finalYear)")
        for tick in ticks {
            svg.line(
                x1: x(tick), y1: upper - 4, x2: x(tick), y2: height - 6, stroke: tick == 0 ? "#8a8f98" : "#e3e5e9",
                className: "grid")
            svg.text(Format.grouped(tick * 100) + "%", x: x(tick), y: upper - 8, anchor: .middle, className: "tick")
        }
        svg.line(
            x1: x(1), y1: upper - 4, x2: x(1), y2: height - 6, stroke: "#1d232b", width: 1.5, dash: "5 4",
            className: "reference")
        for (r, row) in rows.enumerated() {
            let y = upper + rowHeight * Double(r)
            let value = row.resilience ?? 0
            svg.text(labels[r], x: left - 8, y: y + rowHeight / 2 + 4, anchor: .end)
            let fill = row.worst.map(color) ?? "#8a8f98"
            let tooltip =
                "\(labels[r]) \(row.year): resilience \(Format.percent(row.resilience))"
                + (row.worst.map { " (worst: \($0.rawValue))" } ?? "")
                + ", reference utilization \(Format.percent(row.referenceUtilization))"
            svg.rect(
                x: x(0), y: y + 3, width: x(value) - x(0), height: rowHeight - 6, fill: fill, className: "bar",
                tooltip: tooltip,
                data: [("facility", labels[r])])
            let note =
                "\(Format.percent(row.resilience))" + (row.worst.map { " \u{00b7} \($0.rawValue)" } ?? "")
                + " \u{00b7} ref. \(Format.percent(row.referenceUtilization))"
            svg.text(note, x: max(x(value), x(1)) + 6, y: y + rowHeight / 2 + 4, className: "value")
        }
        return svg.rendered()
    }
}
