import PlacementPlanning

extension HTMLReport {
    /// The section of `placement report --alternatives` (7, or 8 after "What changed"): each group's range of build capital over
    /// the near-optimal plans as a bar from least to most, coloured by verdict, with the optimal
    /// plan's capital marked (docs/design.md §10).
    func alternativesSection(_ report: AlternativesReport) -> String {
        let a = report.alternatives
        let number = sectionNumber("alternatives")
        let lead =
            "Every plan within \(Format.grouped(a.slack * 100, decimals: 1))% of the optimum "
            + "(\(Format.money(a.objectiveUSD)) USD), and the capital each \(a.grouping.rawValue) can take among them. "
            + "Material: \(Format.money(report.materialUSD)) USD "
            + "(\(Format.grouped(report.materialShare * 100, decimals: 1))% of the optimal plan's build capital)."
        guard !a.groups.isEmpty else {
            return section(
                id: "alternatives", number: number, title: "Near-optimal alternatives", lead: lead,
                body: unavailable("The study has no group to compare."))
        }
        let largest = max(1, a.groups.map(\.most.capitalUSD).max() ?? 1)
        let ticks = SVGCanvas.ticks(upTo: largest, count: 4)
        let scale = ticks.last ?? largest
        let left = (a.groups.map { SVGCanvas.textWidth($0.name) }.max() ?? 60) + 12
        let plot = 420.0
        let right = 90.0
        let rowHeight = 24.0
        let upper = 8.0
        let lower = 22.0
        func x(_ value: Double) -> Double { left + plot * value / scale }
        var svg = SVGCanvas(
            id: "alternatives-chart", className: "chart alternatives-chart", width: left + plot + right,
            height: upper + rowHeight * Double(a.groups.count) + lower,
            label: "Build capital by \(a.grouping.rawValue) over the near-optimal plans")
        for tick in ticks {
            svg.line(
                x1: x(tick), y1: upper, x2: x(tick), y2: upper + rowHeight * Double(a.groups.count),
                stroke: tick == 0 ? "#8a8f98" : "#e3e5e9", className: "grid")
            svg.text(
                Format.money(tick), x: x(tick), y: upper + rowHeight * Double(a.groups.count) + 14, anchor: .middle,
                className: "tick")
        }
        for (position, group) in a.groups.enumerated() {
            let top = upper + rowHeight * Double(position)
            let verdict = report.verdict(group)
            let color =
                switch verdict {
                case .essential: "#009e73"
                case .optional: "#0072b2"
                case .excluded: "#b8bcc4"
                }
            svg.text(group.name, x: left - 8, y: top + 16, anchor: .end, className: "axis-label")
            svg.rect(
                x: x(group.least.capitalUSD), y: top + 6,
                width: max(1.5, x(group.most.capitalUSD) - x(group.least.capitalUSD)), height: 12, fill: color,
                className: "range-bar",
                tooltip: "\(group.name): \(Format.money(group.least.capitalUSD)) to "
                    + "\(Format.money(group.most.capitalUSD)) USD, \(verdict.rawValue)",
                data: [("group", group.name), ("verdict", verdict.rawValue)])
            svg.line(
                x1: x(group.planCapitalUSD), y1: top + 3, x2: x(group.planCapitalUSD), y2: top + 21, stroke: "#1b1f24",
                width: 2, className: "plan-mark",
                tooltip: "\(group.name) in the optimal plan: \(Format.money(group.planCapitalUSD)) USD")
            svg.text(verdict.rawValue, x: x(group.most.capitalUSD) + 6, y: top + 16, className: "value-label")
        }
        let caption =
            "Build capital (USD, over the horizon) each \(a.grouping.rawValue) takes over the plans within the slack: "
            + "a bar from the least to the most, green essential, blue optional, grey excluded; the black mark is "
            + "the optimal plan's."
            + (a.isExpected ? " Adaptive decisions: capital is expected USD, IT MW expected MW." : "")
        let rows = a.groups.map { group in
            [
                group.name, Format.money(group.planCapitalUSD), Format.money(group.least.capitalUSD),
                Format.money(group.most.capitalUSD), Format.grouped(group.least.finalYearITMW, decimals: 1),
                Format.grouped(group.most.finalYearITMW, decimals: 1), report.verdict(group).rawValue,
            ]
        }
        let body = [
            figure(svg.rendered(), caption: caption),
            table(
                id: "alternatives-table", caption: "Capital ranges over the near-optimal plans",
                header: [
                    a.grouping.rawValue, "optimal plan (USD)", "least (USD)", "most (USD)", "IT MW, least plan",
                    "IT MW, most plan", "verdict",
                ],
                rows: rows, textColumns: [0, 6]),
        ]
        return section(
            id: "alternatives", number: number, title: "Near-optimal alternatives", lead: lead,
            body: body.joined(separator: "\n"))
    }
}
