import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension HTMLReport {
    /// Section 3: utilization heat maps, facility x scenario (final year) and facility x year
    /// (expected over scenarios), coloured around the breakeven utilization.
    func utilizationSection() -> String {
        guard let plan, let utilization = report.utilization else { return "" }
        let facilities = facilitiesWithCapacity
        let breakeven = study.breakevenUtilization
        let rowLabels = ["Fleet"] + facilities.map(\.id.rawValue)

        // Final year by scenario.
        let byScenario: [[Double?]] = ([nil] + facilities.map(\.id)).map { facility in
            plan.scenarios.map { scenario in
                facility.map { utilization.facility($0, year: finalYear, scenario: scenario)?.utilization }
                    ?? utilization.fleet(year: finalYear, scenario: scenario)
            }
        }
        let scenarioMap = heatMap(
            id: "utilization-scenarios", rowLabels: rowLabels,
            columns: plan.scenarios.enumerated().map {
                ($0.element.rawValue, "p = \(Format.percent(plan.scenarioWeights[$0.offset]))")
            },
            values: byScenario, breakeven: breakeven,
            tooltip: { row, column, value in
                "\(rowLabels[row]) \u{00b7} \(plan.scenarios[column].rawValue) \u{00b7} \(finalYear): "
                    + (value.map { "\(Format.percent($0)) utilization" } ?? "nothing installed")
            },
            label: "Utilization by facility and scenario in \(finalYear)")

        // Expected over scenarios, by year.
        func expected(_ facility: FacilityID?, _ year: Int) -> Double? {
            var used = 0.0
            var installed = 0.0
            for (s, scenario) in plan.scenarios.enumerated() {
                let entry =
                    facility.map { utilization.facility($0, year: year, scenario: scenario) }
                    ?? utilization.total.first { $0.year == year && $0.scenario == scenario }
                guard let entry else { continue }
                used += plan.scenarioWeights[s] * entry.usedHours
                installed = entry.installedUnits
            }
            return installed > 0 ? used / (Horizon.hoursPerYear * installed) : nil
        }
        let byYear: [[Double?]] = ([nil] + facilities.map(\.id)).map { facility in
            plan.years.map { expected(facility, $0) }
        }
        let yearMap = heatMap(
            id: "utilization-years", rowLabels: rowLabels, columns: plan.years.map { (String($0), "") },
            values: byYear, breakeven: breakeven,
            tooltip: { row, column, value in
                "\(rowLabels[row]) \u{00b7} \(plan.years[column]): "
                    + (value.map { "\(Format.percent($0)) expected utilization" } ?? "nothing installed")
            },
            label: "Expected utilization by facility and year")

        let stop = SVGCanvas.number(breakeven * 100)
        let legend =
            "<div class=\"legend\"><span class=\"legend-item\">0%<span class=\"gradient\" style=\"background:linear-gradient(90deg,"
            + "\(SVGPalette.utilization(0, breakeven: breakeven)) 0%,\(SVGPalette.utilization(breakeven, breakeven: breakeven)) \(stop)%,"
            + "\(SVGPalette.utilization(1, breakeven: breakeven)) 100%)\"></span>100%</span>"
            + "<span class=\"legend-item\">red: below the \(Self.escape(Format.percent(breakeven))) breakeven, blue: above</span>"
            + "<span class=\"legend-item\"><span class=\"swatch\" style=\"background:#f0f1f4\"></span>nothing installed</span></div>"
        let scenarioCaption =
            "Utilization in \(finalYear) = busy accelerator-hours / (8,760 h \u{00d7} installed units), for the fleet and "
            + "each facility with capacity, under each scenario (columns, with probability p)."
        let yearCaption =
            "Expected utilization by year: probability-weighted busy accelerator-hours over the scenarios divided by "
            + "8,760 h \u{00d7} installed units."
        let body =
            legend + "<div class=\"row\">"
            + figure(scenarioMap, caption: scenarioCaption) + figure(yearMap, caption: yearCaption) + "</div>"
        let fleetExpected = expected(nil, finalYear)
        return section(
            id: "utilization", number: 3, title: "Utilization by facility and scenario",
            lead:
                "How busy the capacity is. Expected fleet utilization in \(finalYear) is \(Format.percent(fleetExpected)) "
                + "against a breakeven of \(Format.percent(breakeven)); cells below breakeven are red.",
            body: body)
    }

    /// A heat map of utilization values; the first row (the fleet) is set apart.
    private func heatMap(
        id: String, rowLabels: [String], columns: [(label: String, note: String)], values: [[Double?]],
        breakeven: Double, tooltip: (Int, Int, Double?) -> String, label: String
    ) -> String {
        let rowHeight = 22.0
        let left = (rowLabels.map { SVGCanvas.textWidth($0) }.max() ?? 40) + 12
        let widest =
            columns.map { max(SVGCanvas.textWidth($0.label), SVGCanvas.textWidth($0.note, fontSize: 10)) }.max() ?? 40
        let columnWidth = min(150, max(54, widest + 12))
        let hasNotes = columns.contains { !$0.note.isEmpty }
        let top = 34.0  // the same with or without notes, so that maps side by side line up
        let gap = 6.0
        let width = left + columnWidth * Double(columns.count) + 4
        let height = top + rowHeight * Double(rowLabels.count) + gap + 4
        var svg = SVGCanvas(id: id, className: "chart heatmap", width: width, height: height, label: label)
        for (c, column) in columns.enumerated() {
            let x = left + columnWidth * (Double(c) + 0.5)
            svg.text(column.label, x: x, y: hasNotes ? 13 : 27, anchor: .middle, className: "group")
            if hasNotes { svg.text(column.note, x: x, y: 27, anchor: .middle, className: "tick") }
        }
        for (r, rowLabel) in rowLabels.enumerated() {
            let y = top + rowHeight * Double(r) + (r > 0 ? gap : 0)
            svg.text(rowLabel, x: left - 8, y: y + rowHeight / 2 + 4, anchor: .end, className: r == 0 ? "group" : nil)
            for c in columns.indices {
                let x = left + columnWidth * Double(c)
                let value = values[r][c]
                let fill = value.map { SVGPalette.utilization($0, breakeven: breakeven) } ?? "#f0f1f4"
                svg.rect(
                    x: x + 1, y: y + 1, width: columnWidth - 2, height: rowHeight - 2, fill: fill, className: "cell",
                    tooltip: tooltip(r, c, value),
                    data: [("row", rowLabel), ("column", columns[c].label)])
                svg.text(
                    value.map { Format.percent($0) } ?? "\u{2013}", x: x + columnWidth / 2, y: y + rowHeight / 2 + 3.5,
                    anchor: .middle, className: "cell-text", fill: value == nil ? "#8a8f98" : SVGPalette.ink(on: fill))
            }
        }
        return svg.rendered()
    }
}
