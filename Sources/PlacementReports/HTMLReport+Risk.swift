import PlacementRisk

extension HTMLReport {
    /// The last section of `placement report --paths N` (docs/design.md §8): the plan held on
    /// sampled paths beside the study's own scenarios: a histogram of NPV over the paths with
    /// each scenario's NPV marked, the fan of fleet utilization by year (P5-P95 and P25-P75 bands,
    /// the median), the histogram of final-year stranded value, and the summaries side by side.
    func riskSection(_ risk: RiskReport) -> String {
        let paths = risk.paths.count
        let scenarios = risk.inSample.count
        let final = risk.summaries.years.last ?? finalYear
        let held = riskPlan.map { "the builds of \($0)" } ?? "this report's plan"
        let lead =
            "\(held.prefix(1).uppercased() + held.dropFirst()) held on \(paths) path\(paths == 1 ? "" : "s") drawn "
            + "from the study's uncertainty model (\(risk.sampler), seed \(risk.seed)), futures the plan was not "
            + "fitted to, beside the \(scenarios) scenario\(scenarios == 1 ? "" : "s") it was fitted to (in-sample)."
        let npv = histogramChart(
            id: "risk-npv-histogram", of: \.npv, over: risk.paths, markers: risk.inSample,
            mean: risk.summaries.npv.mean, label: "NPV over \(paths) sampled paths")
        let npvCaption =
            "NPV (USD, discounted to \(study.horizon.start)) of the plan on each path: bars count the paths in each "
            + "bin; dashed lines mark each of the study's own scenarios (in-sample), the solid line the mean over "
            + "the paths."
        let stranded = histogramChart(
            id: "risk-stranded-histogram", of: \.finalYearStranded, over: risk.paths, markers: risk.inSample,
            mean: risk.summaries.stranded.last?.mean ?? 0, label: "Fleet stranded value in \(final) over the paths")
        let strandedCaption =
            "Book value the fleet could write off in \(final) at no loss (USD) on each path, binned; dashed lines "
            + "mark the study's scenarios, the solid line the mean over the paths."
        let fanCaption =
            "Fleet utilization by year over the paths: the light band runs from P5 to P95, the dark band from P25 to "
            + "P75, the line is the median; the dashed red line is the \(Format.percent(study.breakevenUtilization)) "
            + "breakeven."
        let body = [
            figure(npv, caption: npvCaption),
            "<div class=\"row\">" + figure(fanChart(risk.summaries), caption: fanCaption)
                + figure(stranded, caption: strandedCaption) + "</div>",
            riskTable(risk),
        ]
        return section(
            id: "risk", number: sectionNumber("risk"), title: "Risk over sampled paths", lead: lead,
            body: body.joined(separator: "\n"))
    }

    /// Bars of a ``RiskHistogram`` of one figure over `figures`, with a dashed marker per in-sample scenario
    /// (labelled with its id) and a solid one at `mean`.
    private func histogramChart(
        id: String, of marker: (ScenarioFigures) -> Double, over figures: [ScenarioFigures],
        markers: [ScenarioFigures], mean: Double, label: String
    ) -> String {
        let values = figures.map(marker)
        let histogram = RiskHistogram(values, covering: markers.map(marker) + [mean])
        let bins = histogram.bins
        let (left, plot, right) = (48.0, 560.0, 24.0)
        let height = 180.0
        let bottom = 36.0
        let low = bins.first?.lower ?? 0
        let high = bins.last?.upper ?? 1
        func x(_ value: Double) -> Double { left + plot * (value - low) / (high - low) }
        let labels = Self.markerLabels(
            markers.map { (text: $0.scenario.rawValue, x: x(marker($0))) }, width: left + plot + right)
        let top = 8.0 + 14 * Double((labels.map(\.row).max() ?? 0) + 1)
        // Whole counts on the axis: a step of 1, 2, 5, 10, 20 ... (never 2.5).
        let most = Double(bins.map(\.count).max() ?? 1)
        let rounded = max(1, RiskHistogram.roundWidth(atLeast: most / 4))
        let step = rounded.rounded() == rounded ? rounded : 2 * rounded
        let counts = (0...Int((most / step).rounded(.up))).map { Double($0) * step }
        let scale = counts.last ?? 1
        func y(_ count: Double) -> Double { top + height * (1 - count / scale) }
        var svg = SVGCanvas(
            id: id, className: "chart risk-histogram", width: left + plot + right, height: top + height + bottom,
            label: label)
        svg.horizontalGrid(ticks: counts, left: left, right: left + plot, y: y) { Format.grouped($0) }
        for bin in bins {
            svg.rect(
                x: x(bin.lower) + 0.5, y: y(Double(bin.count)), width: x(bin.upper) - x(bin.lower) - 1,
                height: height * Double(bin.count) / scale, fill: "#0072b2", className: "hist-bar",
                tooltip:
                    "\(Format.money(bin.lower)) to \(Format.money(bin.upper)) USD: \(bin.count) of \(values.count)",
                data: [
                    ("lower", SVGCanvas.number(bin.lower)), ("upper", SVGCanvas.number(bin.upper)),
                    ("count", String(bin.count)),
                ])
        }
        // Edge labels, at most about seven of them.
        let every = max(1, Int((Double(bins.count + 1) / 7).rounded(.up)))
        for index in stride(from: 0, through: bins.count, by: every) {
            let edge = low + Double(index) * histogram.width
            svg.text(Format.money(edge), x: x(edge), y: top + height + 14, anchor: .middle, className: "tick")
        }
        svg.text("USD", x: left + plot, y: top + height + 30, anchor: .end, className: "axis-title")
        for (scenario, label) in zip(markers, labels) {
            let value = marker(scenario)
            svg.line(
                x1: x(value), y1: top - 2, x2: x(value), y2: top + height, stroke: "#d55e00", width: 1.5, dash: "4 3",
                className: "in-sample-marker",
                tooltip: "\(scenario.scenario.rawValue) (in-sample): \(Format.money(value)) USD",
                data: [("scenario", scenario.scenario.rawValue), ("value", SVGCanvas.number(value))])
            svg.text(
                scenario.scenario.rawValue, x: label.x, y: 10 + 14 * Double(label.row), anchor: .middle,
                className: "tick", background: "#ffffff", fontSize: 10)
        }
        svg.line(
            x1: x(mean), y1: top, x2: x(mean), y2: top + height, stroke: "#1b1f24", width: 2, className: "paths-mean",
            tooltip: "mean over the paths: \(Format.money(mean)) USD", data: [("value", SVGCanvas.number(mean))])
        return svg.rendered()
    }

    /// Where each marker's label goes: centred over it (kept inside the chart's `width`), in the
    /// first row where it clears the labels already placed there, taken left to right; without
    /// room in four rows, the row whose last label ends first.
    static func markerLabels(_ markers: [(text: String, x: Double)], width: Double) -> [(x: Double, row: Int)] {
        var placed = Array(repeating: (x: 0.0, row: 0), count: markers.count)
        var ends: [Double] = []
        let order = markers.indices.sorted { (markers[$0].x, $0) < (markers[$1].x, $1) }
        for index in order {
            let half = SVGCanvas.textWidth(markers[index].text, fontSize: 10) / 2 + 2
            let centre = min(max(markers[index].x, half), width - half)
            let row =
                ends.firstIndex { $0 + 4 <= centre - half }
                ?? (ends.count < 4 ? ends.count : ends.indices.min { ends[$0] < ends[$1] } ?? 0)
            if row == ends.count { ends.append(0) }
            ends[row] = centre + half
            placed[index] = (centre, row)
        }
        return placed
    }

    /// Fleet utilization by year over the paths: P5-P95 and P25-P75 bands and the median.
    private func fanChart(_ summaries: RiskSummaries) -> String {
        let years = zip(summaries.years, summaries.utilization).compactMap { year, summary in
            summary.map { (year: year, quantiles: $0.quantiles) }
        }
        let (left, plot, right, top, height, bottom) = (48.0, 300.0, 16.0, 10.0, 180.0, 30.0)
        var svg = SVGCanvas(
            id: "risk-utilization-fan", className: "chart risk-fan", width: left + plot + right,
            height: top + height + bottom, label: "Fleet utilization by year over the paths")
        let upper = max(1, years.map { $0.quantiles["p95"] ?? 0 }.max() ?? 1)
        let ticks = SVGCanvas.ticks(upTo: upper, count: 5)
        let scale = ticks.last ?? 1
        func y(_ value: Double) -> Double { top + height * (1 - value / scale) }
        func x(_ index: Int) -> Double {
            years.count > 1 ? left + plot * Double(index) / Double(years.count - 1) : left + plot / 2
        }
        svg.horizontalGrid(ticks: ticks, left: left, right: left + plot, y: y) { Format.percent($0) }
        guard !years.isEmpty else { return svg.rendered() }
        func band(_ low: String, _ high: String) -> [(x: Double, y: Double)] {
            years.indices.map { (x($0), y(years[$0].quantiles[high] ?? 0)) }
                + years.indices.reversed().map { (x($0), y(years[$0].quantiles[low] ?? 0)) }
        }
        svg.polyline(band("p5", "p95"), fill: "#c6dbef", className: "fan-p5-p95", tooltip: "P5 to P95")
        svg.polyline(band("p25", "p75"), fill: "#6baed6", className: "fan-p25-p75", tooltip: "P25 to P75")
        svg.polyline(
            years.indices.map { (x($0), y(years[$0].quantiles["p50"] ?? 0)) }, fill: nil, stroke: "#08306b",
            width: 2, className: "fan-median", tooltip: "median")
        let breakeven = study.breakevenUtilization
        svg.line(
            x1: left, y1: y(breakeven), x2: left + plot, y2: y(breakeven), stroke: "#b2182b", width: 1.5, dash: "5 3",
            className: "breakeven", tooltip: "breakeven \(Format.percent(breakeven))")
        for (index, entry) in years.enumerated() {
            let q = entry.quantiles
            svg.text(String(entry.year), x: x(index), y: top + height + 16, anchor: .middle, className: "tick")
            svg.circle(
                cx: x(index), cy: y(q["p50"] ?? 0), r: 3, fill: "#08306b", className: "fan-point",
                tooltip: "\(entry.year): P5 \(Format.percent(q["p5"])), P25 \(Format.percent(q["p25"])), "
                    + "median \(Format.percent(q["p50"])), P75 \(Format.percent(q["p75"])), "
                    + "P95 \(Format.percent(q["p95"]))")
        }
        return svg.rendered()
    }

    /// In-sample and out-of-sample summaries side by side, as `placement risk` prints them.
    private func riskTable(_ risk: RiskReport) -> String {
        let final = risk.summaries.years.last.map(String.init) ?? "-"
        func money(_ value: Double?) -> String { value.map(Format.money) ?? "-" }
        func probability(_ interval: WilsonInterval?) -> String {
            guard let interval else { return "-" }
            return "\(Format.percent(interval.value)) (\(Format.percent(interval.low)) to "
                + "\(Format.percent(interval.high)))"
        }
        let rows: [(String, (RiskSummaries) -> String)] = [
            ("expected NPV (USD)", { money($0.npv.mean) }),
            ("P5 NPV (USD)", { money($0.npv.quantile(0.05)) }),
            ("P50 NPV (USD)", { money($0.npv.quantile(0.5)) }),
            ("P95 NPV (USD)", { money($0.npv.quantile(0.95)) }),
            (
                "CVaR NPV, alpha \(Format.grouped(risk.summaries.alpha, decimals: 2)) (USD)",
                {
                    money($0.conditionalValueAtRisk)
                }
            ),
            ("expected stranded \(final) (USD)", { money($0.stranded.last?.mean) }),
            ("P90 stranded \(final) (USD)", { money($0.stranded.last?.quantile(0.9)) }),
            ("P(below breakeven) \(final), 95% interval", { probability($0.probabilityBelowBreakeven) }),
        ]
        return table(
            id: "risk-table", caption: "In-sample and out-of-sample",
            header: [
                "figure", "in-sample (\(risk.inSample.count) scenarios)",
                "out-of-sample (\(risk.paths.count) paths, seed \(risk.seed))",
            ],
            rows: rows.map { [$0.0, $0.1(risk.inSampleSummaries), $0.1(risk.summaries)] })
    }
}
