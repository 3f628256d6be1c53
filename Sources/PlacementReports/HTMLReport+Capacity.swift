import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension HTMLReport {
    /// Section 1: installed IT power by facility and year, stacked by accelerator, one small
    /// chart per facility on a shared scale (so 3 or 40 facilities wrap into a grid).
    func capacitySection() -> String {
        guard let plan else { return "" }
        let facilities = facilitiesWithCapacity
        let years = plan.years
        // With capacity by scenario (adaptive decisions) the panels show the stress reference
        // scenario's; the section after shows every scenario's.
        let rows = Dictionary(grouping: shownFleetYears(plan)) { $0.facility }
        let hardwareUsed = study.hardware.enumerated().filter { _, unit in
            plan.fleetYears.contains { $0.hardware == unit.id && $0.capacity > 0 }
        }
        func installedMW(_ row: Plan.FleetYear) -> Double { row.capacity * row.powerKW / 1000 }
        var scale = 0.0
        for facility in facilities {
            for year in years {
                let total = (rows[facility.id] ?? []).filter { $0.year == year }.reduce(0) { $0 + installedMW($1) }
                scale = max(scale, total, facility.powerMW(in: year))
            }
        }
        let ticks = SVGCanvas.ticks(upTo: scale, count: 4)
        let top = ticks.last ?? 1

        let slot = years.count > 8 ? 24.0 : 32.0
        let left = 46.0
        let right = 6.0
        let upper = 8.0
        let plotHeight = 112.0
        let lower = 20.0
        let width = left + max(150, Double(years.count) * slot) + right
        let step = (width - left - right) / Double(max(1, years.count))
        let barWidth = step * 0.62
        func y(_ value: Double) -> Double { upper + plotHeight * (1 - value / top) }

        var panels: [String] = []
        for facility in facilities {
            var svg = SVGCanvas(
                id: "capacity-\(facility.id.rawValue)", className: "panel-chart capacity-chart",
                width: width, height: upper + plotHeight + lower,
                label: "Installed IT MW at \(facility.id.rawValue) by year and accelerator")
            svg.horizontalGrid(ticks: ticks, left: left, right: width - right, y: y, label: Self.tickMW)
            let facilityRows = rows[facility.id] ?? []
            for (position, year) in years.enumerated() {
                let x = left + step * Double(position) + (step - barWidth) / 2
                var base = 0.0
                for (h, unit) in hardwareUsed {
                    guard let row = facilityRows.first(where: { $0.year == year && $0.hardware == unit.id }),
                        row.capacity > 0
                    else { continue }
                    let mw = installedMW(row)
                    let tooltip =
                        "\(facility.id.rawValue) \u{00b7} \(unit.id.rawValue) \u{00b7} \(year): "
                        + "\(Self.megawatts(mw)) IT, \(Self.units(row.capacity)) units installed "
                        + "(\(Self.units(row.built)) built this year, \(Self.units(row.existing)) existing)"
                    svg.rect(
                        x: x, y: y(base + mw), width: barWidth, height: y(base) - y(base + mw),
                        fill: SVGPalette.hardware(h), className: "seg", tooltip: tooltip,
                        data: [
                            ("facility", facility.id.rawValue), ("hardware", unit.id.rawValue), ("year", String(year)),
                        ])
                    base += mw
                }
                let limit = facility.powerMW(in: year)
                if limit > 0 {
                    svg.line(
                        x1: x - 3, y1: y(limit), x2: x + barWidth + 3, y2: y(limit), stroke: "#1d232b", width: 2,
                        className: "limit",
                        tooltip: "\(facility.id.rawValue) \(year): \(Self.megawatts(limit)) of IT power available, "
                            + "\(Self.megawatts(base)) installed")
                }
                let label = years.count > 8 ? "\u{2019}" + String(String(year).suffix(2)) : String(year)
                svg.text(
                    label, x: left + step * (Double(position) + 0.5), y: upper + plotHeight + 14, anchor: .middle,
                    className: "tick")
            }
            let final = facilityRows.filter { $0.year == finalYear }.reduce(0) { $0 + installedMW($1) }
            let region = study.region(facility.region)?.displayName ?? facility.region.rawValue
            let note =
                "\(region) \u{00b7} \(facility.jurisdiction) \u{00b7} \(finalYear): \(Format.grouped(final, decimals: final < 10 && final > 0 ? 1 : 0)) of "
                + "\(Self.megawatts(facility.powerMW(in: finalYear)))"
            panels.append(
                """
                <figure class="panel" data-facility="\(Self.escape(facility.id.rawValue))">
                <div class="panel-title" title="\(Self.escape(facility.displayName))">\(Self.escape(facility.id.rawValue))</div>
                <div class="panel-note">\(Self.escape(note))</div>
                \(svg.rendered())
                </figure>
                """)
        }
        let empty = study.facilities.filter { facility in !facilities.contains { $0.id == facility.id } }
        var caption =
            plan.capacityByScenario
            ? "Adaptive decisions: capacity differs by scenario, and these panels show scenario "
                + "'\(study.referenceScenario.id.rawValue)' (the stress reference); 'Capacity by scenario' shows every "
                + "scenario's. "
            : ""
        caption +=
            "Installed IT power (MW) at the start of each year: existing units plus builds still in service, "
            + "stacked by accelerator; the black tick is the IT power available to the plan that year. "
            + "All panels share one scale (0 to \(Self.megawatts(top))). "
        caption +=
            empty.isEmpty
            ? "Every facility has capacity."
            : "No capacity at \(empty.count) facilit\(empty.count == 1 ? "y" : "ies")"
                + (plan.capacityByScenario ? " in any scenario: " : ": ")
                + empty.map(\.id.rawValue).joined(separator: ", ") + "."
        let legend = legend(
            hardwareUsed.map { (SVGPalette.hardware($0.offset), $0.element.displayName) },
            marks: [("limit", "IT power available")])
        let body =
            legend + "\n<figure class=\"chart-figure\" id=\"capacity-chart\">\n<div class=\"panels\">\n"
            + panels.joined(separator: "\n") + "\n</div>\n<figcaption>\(Self.escape(caption))</figcaption>\n</figure>\n"
            + buildTable(plan: plan)
        let total = plan.fleetYears.filter { $0.year == finalYear }.reduce(0) {
            $0 + installedMW($1) * plan.weight(of: $1.scenario)
        }
        return section(
            id: "capacity", number: 1, title: "Capacity built by facility and year",
            lead: "Where the plan puts accelerators. \(facilities.count) of \(study.facilities.count) facilities "
                + "hold capacity\(plan.capacityByScenario ? " in some scenario" : ""); \(Self.megawatts(total)) of IT load is installed in \(finalYear), "
                + "for \(Self.usd(plan.capexUSD)) of capital"
                + (plan.capacityByScenario ? " (expected over the scenarios)." : "."),
            body: body)
    }

    /// The capacity rows the panels draw: all of them, or the stress reference scenario's when
    /// capacity depends on the scenario.
    private func shownFleetYears(_ plan: Plan) -> [Plan.FleetYear] {
        plan.capacityByScenario ? plan.fleetYears.filter { $0.scenario == study.referenceScenario.id } : plan.fleetYears
    }

    /// Accelerators built each year, fleet-wide, and the capital spent.
    private func buildTable(plan: Plan) -> String {
        var rows: [[String]] = []
        for unit in study.hardware {
            let built = plan.years.map { year in
                plan.fleetYears.filter { $0.hardware == unit.id && $0.year == year }.reduce(0) {
                    $0 + $1.built * plan.weight(of: $1.scenario)
                }
            }
            guard built.contains(where: { $0 > 0 }) else { continue }
            rows.append([unit.displayName] + built.map(Self.units) + [Self.units(built.reduce(0, +))])
        }
        let capex = plan.years.map { year in
            plan.fleetYears.filter { $0.year == year }.reduce(0) {
                $0 + $1.built * $1.unitCapexUSD * plan.weight(of: $1.scenario)
            }
        }
        rows.append(["Capital (USD)"] + capex.map(Format.money) + [Format.money(plan.capexUSD)])
        return table(
            id: "capacity-builds",
            caption: "Accelerators built (units added at the start of each year) and capital spent"
                + (plan.capacityByScenario ? ", expected over the scenarios" : ""),
            header: ["accelerator"] + plan.years.map(String.init) + ["total"], rows: rows,
            rowClasses: rows.indices.map { $0 == rows.count - 1 ? "total" : nil })
    }

    /// "250" or "1.2k" MW for axis ticks.
    static func tickMW(_ value: Double) -> String {
        value >= 10_000
            ? Format.grouped(value / 1000, decimals: value.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1) + " GW"
            : Format.grouped(value, decimals: value < 10 && value.rounded() != value ? 1 : 0)
    }
}
