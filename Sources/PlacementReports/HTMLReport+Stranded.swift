import PlacementAnalysis
import PlacementModel

extension HTMLReport {
    static let strandedColor = "#8c2d04"
    static let atRiskColor = "#fdae6b"

    /// Section 5: stranded and at-risk book value in the final year under each scenario and
    /// each stress case, with the expected value, CVaR and worst stress marked.
    func strandedSection() -> String {
        guard let risk = analysis?.stranded, let final = risk.fleet.last else {
            return section(
                id: "stranded", number: 5, title: "Stranded book value across scenarios",
                lead: "Not computed: the analysis was skipped.", body: "")
        }
        let legend = legend(
            [
                (Self.strandedColor, "stranded: book value that could be written off at no loss of value"),
                (
                    Self.atRiskColor,
                    "at risk: book value \u{00d7} shortfall below \(Format.percent(risk.breakevenUtilization)) breakeven"
                ),
            ],
            marks: [
                ("book", "book value"), ("dashed", "expected stranded"),
                ("dotted", "CVaR stranded (\(Format.percent(risk.alpha)))"),
                ("stress", "worst stress, stranded"),
            ])
        let caption =
            "Fleet book value in \(final.year) (straight-line depreciation of every vintage) that is stranded, i.e. idle in "
            + "every slice of the day (book value \u{00d7} (installed \u{2212} peak busy) / installed, summed over fleets), and at risk "
            + "(book value \u{00d7} max(0, 1 \u{2212} utilization / breakeven)), under each scenario (with its probability p) and under each "
            + "stress case (one workload's demand cut in the \(analysis?.stress?.referenceScenario.rawValue ?? "reference") scenario). "
            + "Lines: expected stranded value over scenarios, its CVaR (mean of the worst \(Format.percent(1 - risk.alpha)) of probability) "
            + "and the worst stress case."
        var body = legend + figure(strandedChart(risk, final: final), caption: caption)
        body += "<div class=\"tables\">" + fleetTable(risk) + facilityTable(risk) + "</div>"
        let lead =
            "How much of the investment would sit idle. In \(final.year): expected stranded value \(Self.usd(final.stranded.expected)) "
            + "of \(Self.usd(final.bookValue)) on the books, CVaR \(Self.usd(final.stranded.cvar)), worst stress "
            + "\(Self.usd(final.stranded.worstStress ?? 0))"
            + (final.stranded.worstStressWorkload.map { " (\($0.rawValue))" } ?? "")
            + "; probability that fleet utilization is below "
            + "breakeven: \(Format.percent(risk.probabilityBelowBreakeven))."
        return section(id: "stranded", number: 5, title: "Stranded book value across scenarios", lead: lead, body: body)
    }

    private func strandedChart(_ risk: StrandedAssetRisk, final: StrandedAssetRisk.Row) -> String {
        struct Category {
            var label: String
            var note: String
            var stranded: Double
            var atRisk: Double
            var isStress: Bool
        }
        let weights = plan?.scenarioWeights ?? []
        var categories = risk.scenarios.enumerated().map { s, id in
            Category(
                label: id.rawValue, note: "p = \(Format.percent(weights.indices.contains(s) ? weights[s] : nil))",
                stranded: final.stranded.byScenario[s], atRisk: final.atRisk.byScenario[s], isStress: false)
        }
        let shock = analysis?.stress.map { "\u{2212}\(Format.percent($0.shock))" } ?? "stress"
        categories += risk.stressWorkloads.enumerated().map { c, id in
            Category(
                label: id.rawValue, note: "demand \(shock)", stranded: final.stranded.byStress[c],
                atRisk: final.atRisk.byStress[c], isStress: true)
        }
        let barWidth = 40.0
        let innerGap = 6.0
        let widest =
            categories.map { max(SVGCanvas.textWidth($0.label), SVGCanvas.textWidth($0.note, fontSize: 10)) }.max() ?? 0
        let categoryWidth = min(124, max(2 * barWidth + innerGap + 24, widest + 14))
        let separation = risk.stressWorkloads.isEmpty ? 0.0 : 18.0
        let left = 64.0
        let upper = 26.0
        let plotHeight = 240.0
        let lower = 60.0
        let labelArea = 190.0
        let plotRight = left + categoryWidth * Double(categories.count) + separation
        let width = plotRight + labelArea
        let largest = categories.map { max($0.stranded, $0.atRisk) }.max() ?? 0
        let ticks = SVGCanvas.ticks(upTo: max(final.bookValue, largest, 1), count: 5)
        let top = ticks.last ?? 1
        func y(_ value: Double) -> Double { upper + plotHeight * (1 - value / top) }
        var svg = SVGCanvas(
            id: "stranded-chart", className: "chart stranded-chart", width: width, height: upper + plotHeight + lower,
            label: "Stranded and at-risk book value in \(final.year) by scenario and stress case")
        svg.horizontalGrid(ticks: ticks, left: left, right: plotRight, y: y, label: Format.money)
        svg.text("USD", x: left - 4, y: upper - 12, anchor: .end, className: "axis-title")
        func categoryLeft(_ position: Int) -> Double {
            left + categoryWidth * Double(position) + (categories[position].isStress ? separation : 0)
        }
        if let firstStress = categories.firstIndex(where: \.isStress) {
            let x = categoryLeft(firstStress) - separation / 2
            svg.line(x1: x, y1: upper - 8, x2: x, y2: y(0) + 44, stroke: "#b8bcc4", dash: "2 3")
            svg.text("scenarios", x: left + 4, y: upper - 12, className: "axis-title")
            svg.text("stress cases", x: x + 6, y: upper - 12, className: "axis-title")
        }
        // Reference lines behind the bars, labelled at the right without overlapping.
        var marks: [(value: Double, label: String, stroke: String, dash: String?, width: Double, className: String)] = [
            (final.bookValue, "book value \(Format.money(final.bookValue))", "#8a8f98", nil, 1.5, "marker book"),
            (
                final.stranded.expected, "expected \(Format.money(final.stranded.expected))", "#1d232b", "6 4", 1.5,
                "marker expected"
            ),
            (final.stranded.cvar, "CVaR \(Format.money(final.stranded.cvar))", "#b2182b", "2 3", 2.5, "marker cvar"),
        ]
        if let worst = final.stranded.worstStress {
            let name = final.stranded.worstStressWorkload.map { " (\($0.rawValue))" } ?? ""
            marks.append(
                (worst, "worst stress\(name) \(Format.money(worst))", "#6a3d9a", "8 3 2 3", 1.5, "marker worst-stress"))
        }
        var labelY = marks.map { y($0.value) + 4 }
        let order = labelY.indices.sorted { labelY[$0] < labelY[$1] }
        var previous = -Double.infinity
        for position in order {
            labelY[position] = max(labelY[position], previous + 14)
            previous = labelY[position]
        }
        for (position, mark) in marks.enumerated() {
            svg.line(
                x1: left, y1: y(mark.value), x2: plotRight + 6, y2: y(mark.value), stroke: mark.stroke,
                width: mark.width,
                dash: mark.dash, className: mark.className, tooltip: mark.label)
            svg.line(
                x1: plotRight + 6, y1: y(mark.value), x2: plotRight + 14, y2: labelY[position] - 4, stroke: mark.stroke)
            svg.text(
                mark.label, x: plotRight + 17, y: labelY[position], className: "value",
                fill: mark.stroke == "#8a8f98" ? "#5b6472" : mark.stroke)
        }
        for (position, category) in categories.enumerated() {
            let center = categoryLeft(position) + categoryWidth / 2
            let kind = category.isStress ? "stress" : "scenario"
            let values = [
                ("stranded", category.stranded, Self.strandedColor), ("at-risk", category.atRisk, Self.atRiskColor),
            ]
            for (offset, (measure, value, color)) in values.enumerated() {
                let x = center - barWidth - innerGap / 2 + Double(offset) * (barWidth + innerGap)
                let what =
                    category.isStress ? "\(category.label) \(category.note)" : "\(category.label) (\(category.note))"
                let tooltip =
                    "\(what), \(final.year): \(Self.usd(value)) \(measure == "stranded" ? "stranded" : "at risk") "
                    + "(\(Format.percent(final.bookValue > 0 ? value / final.bookValue : nil)) of book value)"
                svg.rect(
                    x: x, y: y(value), width: barWidth, height: y(0) - y(value), fill: color, className: "bar",
                    tooltip: tooltip,
                    data: [("case", category.label), ("kind", kind), ("measure", measure)])
                svg.text(
                    Format.money(value), x: x + barWidth / 2, y: y(value) - 4, anchor: .middle, className: "value",
                    background: "#ffffff", fontSize: 10)
            }
            let lines = Self.wrapped(category.label, width: categoryWidth - 6)
            for (line, text) in lines.enumerated() {
                svg.text(
                    text, x: center, y: y(0) + 16 + 13 * Double(line), anchor: .middle, className: "group",
                    tooltip: lines.count > 1 ? category.label : nil)
            }
            svg.text(
                category.note, x: center, y: y(0) + 16 + 13 * Double(lines.count), anchor: .middle, className: "tick")
        }
        return svg.rendered()
    }

    /// A label in at most two lines, broken at the hyphen nearest the middle when it is wider than `width`.
    static func wrapped(_ label: String, width: Double) -> [String] {
        guard SVGCanvas.textWidth(label) > width else { return [label] }
        let hyphens = label.indices.filter { label[$0] == "-" }
        let middle = label.count / 2
        guard
            let cut = hyphens.min(by: {
                abs(label.distance(from: label.startIndex, to: $0) - middle)
                    < abs(label.distance(from: label.startIndex, to: $1) - middle)
            })
        else { return [label] }
        return [String(label[...cut]), String(label[label.index(after: cut)...])]
    }

    private func fleetTable(_ risk: StrandedAssetRisk) -> String {
        let rows = risk.fleet.map { row in
            [
                String(row.year), Format.money(row.bookValue), Format.money(row.stranded.expected),
                Format.money(row.stranded.cvar),
                Format.money(row.stranded.worstStress ?? 0), Format.money(row.atRisk.expected),
                Format.money(row.atRisk.cvar),
            ]
        }
        return table(
            id: "stranded-fleet", caption: "Fleet by year (USD)",
            header: ["year", "book value", "stranded E", "stranded CVaR", "worst stress", "at risk E", "at-risk CVaR"],
            rows: rows)
    }

    private func facilityTable(_ risk: StrandedAssetRisk) -> String {
        let rows = risk.facilities.filter { $0.year == finalYear && $0.bookValue > 0 }.map { row in
            [
                row.facility?.rawValue ?? "fleet", Format.money(row.bookValue), Format.money(row.stranded.expected),
                Format.money(row.stranded.worstScenario)
                    + (row.stranded.worstScenarioID.map { " (\($0.rawValue))" } ?? ""),
                Format.money(row.stranded.worstStress ?? 0), Format.money(row.atRisk.expected),
            ]
        }
        return table(
            id: "stranded-facilities", caption: "By facility, \(finalYear) (USD)",
            header: ["facility", "book value", "stranded E", "worst scenario", "worst stress", "at risk E"], rows: rows)
    }
}
