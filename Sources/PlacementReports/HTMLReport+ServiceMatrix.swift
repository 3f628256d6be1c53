import Foundation
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

extension HTMLReport {
    /// Busy accelerator-hours by (zone, facility) in one year and scenario, read from the
    /// plan's serve columns, and which (zone, facility) pairs have an arc at all.
    struct ServiceFlows {
        /// Zones (positions in `study.zones`) with demand that some facility can serve.
        var zones: [Int]
        /// `hours[zone][facility]`: accelerator-hours serving the zone's demand at the facility.
        var hours: [Int: [Double]]
        /// `(zone, facility)` pairs that pass latency, residency and hardware for some tenant.
        var arcs: Set<[Int]>
        var year: Int
        var scenario: ScenarioID

        func total(zone: Int) -> Double { hours[zone]?.reduce(0, +) ?? 0 }

        /// The facility's share of the zone's served accelerator-hours (nil when the zone has none).
        func share(zone: Int, facility: Int) -> Double? {
            let total = total(zone: zone)
            return total > 0 ? (hours[zone]?[facility] ?? 0) / total : nil
        }
    }

    /// The final year, reference scenario, from the plan's service hours; the arcs from the index.
    func serviceFlows() -> ServiceFlows? {
        guard let plan = report.result.plan, let year = plan.years.last else { return nil }
        let reference = study.referenceScenario.id
        guard plan.scenarios.contains(reference) else { return nil }
        let index = PlacementIndex(study: study)
        let zonePosition = Dictionary(uniqueKeysWithValues: study.zones.enumerated().map { ($1.id, $0) })
        let facilityPosition = Dictionary(uniqueKeysWithValues: study.facilities.enumerated().map { ($1.id, $0) })
        var arcs = Set<[Int]>()
        var zones = Set<Int>()
        for point in index.demandPoints where !point.arcs.isEmpty {
            for zone in point.zones {
                zones.insert(zone)
                for arc in point.arcs { arcs.insert([zone, arc.facility]) }
            }
        }
        var hours: [Int: [Double]] = [:]
        for entry in plan.service where entry.year == year && entry.scenario == reference {
            guard let zone = zonePosition[entry.zone], let facility = facilityPosition[entry.facility] else { continue }
            hours[zone, default: Array(repeating: 0, count: study.facilities.count)][facility] += entry.acceleratorHours
        }
        return ServiceFlows(zones: zones.sorted(), hours: hours, arcs: arcs, year: year, scenario: reference)
    }

    /// Section 2: a zones x facilities matrix of who serves whom.
    func serviceSection() -> String {
        guard let flows = serviceFlows() else {
            return section(
                id: "service", number: 2, title: "Zones served by each facility",
                lead: "Not available: the solution has no primal values.", body: "")
        }
        let facilities = study.facilities
        let zoneLabels = flows.zones.map { study.zones[$0].id.rawValue }
        let cell: Double = facilities.count <= 16 ? 44 : max(18, min(40, 900 / Double(facilities.count)))
        let showText = cell >= 30
        let regionWidth = (study.regions.map { SVGCanvas.textWidth($0.displayName, fontSize: 11) }.max() ?? 40) + 14
        let zoneWidth = (zoneLabels.map { SVGCanvas.textWidth($0) }.max() ?? 40) + 10
        let longestFacility = facilities.map { SVGCanvas.textWidth($0.id.rawValue) }.max() ?? 40
        let left = regionWidth + zoneWidth
        let top = longestFacility * 0.82 + 16
        let totalWidth = 96.0
        let overhang =
            facilities.last.map {
                left + cell * (Double(facilities.count) - 0.5) + SVGCanvas.textWidth($0.id.rawValue) * 0.58 + 8
            } ?? 0
        let width = max(left + cell * Double(facilities.count) + totalWidth, overhang)
        let bottomBand = 26.0
        let height = top + cell * Double(flows.zones.count) + bottomBand + 4

        var svg = SVGCanvas(
            id: "service-matrix", className: "chart service-matrix", width: width, height: height,
            label:
                "Share of each zone's served accelerator-hours by facility, \(flows.year), \(flows.scenario.rawValue)")
        // Column labels, rotated so that 40 facilities fit.
        for (f, facility) in facilities.enumerated() {
            let x = left + cell * (Double(f) + 0.5)
            svg.text(
                facility.id.rawValue, x: x + 3, y: top - 6, className: "column-label", rotate: -55,
                tooltip: facility.displayName)
        }
        svg.text("served, acc-h", x: left + cell * Double(facilities.count) + 8, y: top - 6, className: "axis-title")
        var previousRegion: RegionID?
        for (row, zone) in flows.zones.enumerated() {
            let z = study.zones[zone]
            let y = top + cell * Double(row)
            if z.region != previousRegion {
                if previousRegion != nil {
                    svg.line(
                        x1: 0, y1: y, x2: left + cell * Double(facilities.count), y2: y, stroke: "#8a8f98",
                        className: "separator")
                }
                svg.text(
                    study.region(z.region)?.displayName ?? z.region.rawValue, x: 0, y: y + cell / 2 + 4,
                    className: "group")
                previousRegion = z.region
            }
            svg.text(z.id.rawValue, x: left - 6, y: y + cell / 2 + 4, anchor: .end, tooltip: z.displayName)
            for (f, facility) in facilities.enumerated() {
                let x = left + cell * Double(f)
                let share = flows.share(zone: zone, facility: f) ?? 0
                let hasArc = flows.arcs.contains([zone, f])
                let fill = share > 0.0005 ? SVGPalette.share(share) : (hasArc ? "#eef0f3" : "#ffffff")
                let state = share > 0.0005 ? "served" : (hasArc ? "reachable" : "unreachable")
                let hours = flows.hours[zone]?[f] ?? 0
                let tooltip =
                    "\(z.id.rawValue) \u{2190} \(facility.id.rawValue): "
                    + (share > 0.0005
                        ? "\(Format.percent(share)) of the zone's served accelerator-hours (\(Self.units(hours)) acc-h)"
                        : hasArc ? "within reach (latency, residency, hardware) but not used" : "out of reach")
                svg.rect(
                    x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, fill: fill, className: "cell",
                    tooltip: tooltip, stroke: hasArc ? nil : "#eef0f3",
                    data: [
                        ("zone", z.id.rawValue), ("facility", facility.id.rawValue), ("state", state),
                        ("share", String(format: "%.4f", share)),
                    ])
                if share > 0.0005 {
                    if showText {
                        svg.text(
                            Self.shortPercent(share), x: x + cell / 2, y: y + cell / 2 + 3.5, anchor: .middle,
                            className: "cell-text", fill: SVGPalette.ink(on: fill))
                    }
                } else if hasArc {
                    svg.circle(cx: x + cell / 2, cy: y + cell / 2, r: 1.6, fill: "#a9afb8")
                }
            }
            let total = flows.total(zone: zone)
            svg.text(
                total > 0 ? Self.compact(total) : "none", x: left + cell * Double(facilities.count) + 8,
                y: y + cell / 2 + 4, className: "value", fill: total > 0 ? nil : "#b2182b")
        }
        // Region bands under the columns.
        var start = 0
        let bandY = top + cell * Double(flows.zones.count) + 4
        while start < facilities.count {
            var end = start
            while end + 1 < facilities.count, facilities[end + 1].region == facilities[start].region { end += 1 }
            let x1 = left + cell * Double(start) + 2
            let x2 = left + cell * Double(end + 1) - 2
            svg.line(x1: x1, y1: bandY, x2: x2, y2: bandY, stroke: "#5b6472", width: 2)
            let name = study.region(facilities[start].region)?.displayName ?? facilities[start].region.rawValue
            if SVGCanvas.textWidth(name, fontSize: 10) <= x2 - x1 {
                svg.text(name, x: (x1 + x2) / 2, y: bandY + 14, anchor: .middle, className: "tick")
            } else {
                svg.text(name, x: x1, y: bandY + 14, className: "tick", tooltip: name)
            }
            start = end + 1
        }
        let omitted = study.zones.count - flows.zones.count
        var caption =
            "Each row is a demand zone, each column a facility. A cell's colour\(showText ? " and number" : "") is the share of the "
            + "zone's served demand in \(flows.year) under the \(flows.scenario.rawValue) scenario that the "
            + "facility serves, measured in busy accelerator-hours (the plan's dispatch, all tenants and workloads of the zone); "
            + "rows sum to 100%. A dot marks a facility that is within reach of the zone (latency target, residency and "
            + "hardware allow an arc for some tenant) but serves none of it; a blank cell is out of reach. The right column "
            + "is the zone's total served accelerator-hours."
        if omitted > 0 {
            caption +=
                " \(omitted) zone\(omitted == 1 ? " has" : "s have") no demand any facility can serve and "
                + "\(omitted == 1 ? "is" : "are") not shown."
        }
        let legend =
            "<div class=\"legend\"><span class=\"legend-item\">share 0%"
            + "<span class=\"gradient\" style=\"background:linear-gradient(90deg,\(SVGPalette.share(0.001)),\(SVGPalette.share(0.25)),"
            + "\(SVGPalette.share(0.5)),\(SVGPalette.share(1)))\"></span>100%</span>"
            + "<span class=\"legend-item\"><span class=\"swatch\" style=\"background:#eef0f3\"></span>reachable, not used</span>"
            + "<span class=\"legend-item\"><span class=\"swatch\" style=\"background:#ffffff;border:1px solid #e3e5e9\"></span>out of reach</span></div>"
        return section(
            id: "service", number: 2, title: "Zones served by each facility",
            lead: "Which facility serves which demand zone in \(flows.year) (\(flows.scenario.rawValue) scenario): "
                + "the geography of the plan, from the optimal dispatch.",
            body: legend + figure(svg.rendered(), caption: caption))
    }

    /// "37%" (or "<1%").
    static func shortPercent(_ value: Double) -> String {
        value < 0.005 ? "<1%" : Format.grouped(value * 100) + "%"
    }

    /// "12.3 M", "450 k", "87".
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return Format.grouped(value / 1e9, decimals: 2) + " B" }
        if magnitude >= 1e6 { return Format.grouped(value / 1e6, decimals: 1) + " M" }
        if magnitude >= 1e4 { return Format.grouped(value / 1e3, decimals: 0) + " k" }
        return Format.grouped(value)
    }
}
