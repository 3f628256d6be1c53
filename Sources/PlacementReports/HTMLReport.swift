import Foundation
import PlacementAnalysis
import PlacementCompare
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementRisk

/// The self-contained HTML report of `placement report`: headline figures, then six
/// sections with inline SVG charts (capacity, zones served, utilization, resilience,
/// stranded value) and the input assumptions with the solve statistics.
///
/// One file, no network: CSS and SVG are inline, fonts are the reader's system fonts.
/// The markup is also well-formed XML (every tag closed, attributes quoted, text escaped),
/// so it can be checked with an XML parser. The same report gives the same bytes unless
/// ``OptimizeReport/timings`` are set.
///
/// ```swift
/// let report = OptimizeReport(studyPath: path, result: try PlanningPipeline(solver: GLPKSolver()).run(study))
/// try HTMLReport(report).rendered().write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLReport: Sendable {
    public let report: OptimizeReport
    /// Named in the footer, e.g. "placement 0.1.0".
    public var generator: String?
    /// A base result to show "What changed" against (`placement report --compare`).
    public var comparison: PlanComparison?
    /// Near-optimal alternatives to show (`placement report --alternatives`).
    public var alternatives: AlternativesReport?
    /// The plan held on sampled paths to show (`placement report --paths N`).
    public var risk: RiskReport?
    /// Where the plan held on the paths came from (`report --plan FILE`); nil: this report's plan.
    public var riskPlan: String?
    /// The value of information to show as a headline card (`placement report --value`).
    public var valueOfInformation: ValueReport?
    /// Break-even prices to show (`placement report --explain`).
    public var explain: ExplainReport?

    public init(_ report: OptimizeReport, generator: String? = nil) {
        self.report = report
        self.generator = generator
    }

    var study: Study { report.study }
    var plan: Plan? { report.result.plan }
    var analysis: PlanAnalysis? { report.analysis }
    var finalYear: Int { plan?.years.last ?? study.horizon.end }

    /// Facilities with installed units in some year, in study order.
    var facilitiesWithCapacity: [Facility] {
        guard let plan else { return [] }
        let used = Set(plan.fleetYears.filter { $0.capacity > 0 }.map(\.facility))
        return study.facilities.filter { used.contains($0.id) }
    }

    /// The whole page.
    public func rendered() -> String {
        let title = "AI-inference capacity plan \(study.horizon.start)\u{2013}\(study.horizon.end)"
        var page: [String] = []
        page.append("<!DOCTYPE html>")
        page.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">")
        page.append("<head>")
        page.append("<meta charset=\"utf-8\"/>")
        page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        page.append("<title>\(Self.escape(title)) \u{2014} \(Self.escape(report.studyPath))</title>")
        page.append("<style>\(Self.styleSheet)</style>")
        page.append("</head>")
        page.append("<body>")
        page.append("<main class=\"page\">")
        page.append(masthead(title: title))
        page.append(headline())
        page.append(contents())
        if plan == nil {
            page.append(noPlanNotice())
        } else {
            page.append(capacitySection())
            page.append(scenarioCapacitySection())
            page.append(serviceSection())
            page.append(utilizationSection())
            page.append(resilienceSection())
            page.append(strandedSection())
        }
        page.append(assumptionsSection())
        if let comparison { page.append(comparisonSection(comparison)) }
        if let alternatives { page.append(alternativesSection(alternatives)) }
        if let risk { page.append(riskSection(risk)) }
        if let explain { page.append(explainSection(explain)) }
        page.append(footer())
        page.append("</main>")
        page.append("</body>")
        page.append("</html>")
        return page.joined(separator: "\n") + "\n"
    }

    // MARK: Top of the page

    private func masthead(title: String) -> String {
        let status = report.result.investment.termination.rawValue
        let regions = study.regions.count
        let facilities = study.facilities.count
        let meta =
            "Study \(report.studyPath) \u{00b7} \(facilities) facilit\(facilities == 1 ? "y" : "ies") in "
            + "\(regions) region\(regions == 1 ? "" : "s") \u{00b7} \(study.tenants.count) tenants \u{00b7} "
            + "\(study.scenarios.count) scenario\(study.scenarios.count == 1 ? "" : "s") \u{00b7} solver status: \(status)"
        return """
            <header class="masthead">
            <p class="eyebrow">SovereignPlacement \u{00b7} investment report</p>
            <h1>\(Self.escape(title))</h1>
            <p class="meta">\(Self.escape(meta))</p>
            </header>
            """
    }

    private func headline() -> String {
        var cards: [String] = []
        func card(_ key: String, _ label: String, _ value: String, _ note: String, tone: String = "") {
            cards.append(
                "<div class=\"kpi\(tone.isEmpty ? "" : " " + tone)\" data-kpi=\"\(key)\">"
                    + "<div class=\"kpi-label\">\(Self.escape(label))</div>"
                    + "<div class=\"kpi-value\">\(Self.escape(value))</div>"
                    + "<div class=\"kpi-note\">\(Self.escape(note))</div></div>")
        }
        let discount = Format.percent(study.discountRate)
        if let plan {
            card(
                "expected-npv", "Expected NPV", Self.usd(plan.expectedNPV),
                "probability-weighted over \(plan.scenarios.count) scenarios, discounted to \(study.horizon.start) at \(discount)",
                tone: plan.expectedNPV < 0 ? "bad" : "")
            let tail = report.tailNPV ?? .nan
            card(
                "cvar-npv", "CVaR NPV (\(Format.percent(study.risk.alpha)))", Self.usd(tail),
                "expected NPV of the worst \(Format.percent(1 - study.risk.alpha)) of scenario probability",
                tone: tail < 0 ? "bad" : "")
            let budget =
                study.budgetUSD.map { budget in
                    "of a \(Self.usd(budget)) budget (\(Format.percent(budget > 0 ? plan.capexUSD / budget : nil)) used)"
                } ?? "no budget limit"
            card(
                "capex", "Capital expenditure", Self.usd(plan.capexUSD),
                "accelerators and shells built in the plan, \(budget)")
        } else {
            card(
                "expected-npv", "Expected NPV", "\u{2013}",
                "no plan: the solver stopped \(report.result.investment.termination.rawValue)", tone: "bad")
            card("cvar-npv", "CVaR NPV", "\u{2013}", "no plan")
            card("capex", "Capital expenditure", "\u{2013}", "no plan")
        }
        if let stress = analysis?.stress, let fleet = stress.fleet.last {
            let worst =
                fleet.worst.map { "worst: \($0.rawValue) demand \u{2212}\(Format.percent(stress.shock))" }
                ?? "not defined: no accelerator is busy in the reference dispatch"
            card(
                "resilience", "Fleet resilience \(fleet.year)", Format.percent(fleet.resilience),
                "utilization under the worst one-workload shock relative to \(stress.referenceScenario.rawValue); \(worst)",
                tone: (fleet.resilience ?? 1) < 0.5 ? "warn" : "")
        } else {
            card("resilience", "Fleet resilience", "\u{2013}", "not computed (no stress analysis)")
        }
        if let risk = analysis?.stranded, let final = risk.fleet.last {
            card(
                "stranded", "Expected stranded value \(final.year)", Self.usd(final.stranded.expected),
                "book value the plan could write off at no loss, of \(Self.usd(final.bookValue)) on the books; CVaR \(Self.usd(final.stranded.cvar))"
            )
            let meaning =
                risk.probabilityBelowBreakeven == nil
                ? "not defined: no scenario has an installed fleet in \(final.year)"
                : "probability that fleet utilization in \(final.year) is below "
                    + Format.percent(risk.breakevenUtilization)
            card(
                "below-breakeven", "P(below breakeven)", Format.percent(risk.probabilityBelowBreakeven), meaning,
                tone: (risk.probabilityBelowBreakeven ?? 0) >= 0.5 ? "warn" : "")
        } else {
            card("stranded", "Expected stranded value", "\u{2013}", "not computed (no analysis)")
            card("below-breakeven", "P(below breakeven)", "\u{2013}", "not computed (no analysis)")
        }
        if let (value, note) = valueOfInformationCard() {
            card("value-of-information", "Value of information", value, note)
        }
        return "<section id=\"headline\" class=\"kpis\" aria-label=\"Headline figures\">\n"
            + cards.joined(separator: "\n") + "\n</section>"
    }

    /// The page's sections in order, as the contents list them: id, title, and whether numbered
    /// (the adaptive plan's capacity by scenario belongs to Capacity and has no number).
    private var contentsItems: [(id: String, title: String, isNumbered: Bool)] {
        let numbered = { (id: String, title: String) in (id: id, title: title, isNumbered: true) }
        return [numbered("capacity", "Capacity")]
            + (plan?.capacityByScenario == true
                ? [(id: "capacity-by-scenario", title: "Capacity by scenario", isNumbered: false)] : [])
            + [
                numbered("service", "Zones served"), numbered("utilization", "Utilization"),
                numbered("resilience", "Resilience"), numbered("stranded", "Stranded value"),
                numbered("assumptions", "Assumptions"),
            ]
            + (comparison == nil ? [] : [numbered("what-changed", "What changed")])
            + (alternatives == nil ? [] : [numbered("alternatives", "Near-optimal alternatives")])
            + (risk == nil ? [] : [numbered("risk", "Risk over sampled paths")])
            + (explain == nil ? [] : [numbered("explain", "What would change the plan")])
    }

    /// The number of section `id` as the contents give it (nil for one without a number): the
    /// optional sections' numbers depend on which of them come before.
    func sectionNumber(_ id: String) -> Int? {
        var number = 0
        for item in contentsItems {
            if item.isNumbered { number += 1 }
            if item.id == id { return item.isNumbered ? number : nil }
        }
        return nil
    }

    private func contents() -> String {
        let links = contentsItems.map { item in
            let label = sectionNumber(item.id).map { "\($0). \(item.title)" } ?? item.title
            return "<a href=\"#\(item.id)\">\(Self.escape(label))</a>"
        }
        return "<nav class=\"toc\">" + links.joined(separator: " ") + "</nav>"
    }

    private func noPlanNotice() -> String {
        let investment = report.result.investment
        let message = investment.message.map { ": \($0)" } ?? ""
        return section(
            id: "no-plan", number: nil, title: "No plan",
            lead:
                "The solver stopped \(investment.termination.rawValue)\(message) without a feasible plan, so there is "
                + "nothing to chart. The assumptions and solve statistics below describe the attempt.",
            body: "")
    }

    private func footer() -> String {
        var parts = ["Generated from \(report.studyPath)"]
        if let generator { parts.append("by \(generator)") }
        let text =
            parts.joined(separator: " ") + ". Money in USD; NPV discounted to the start of \(study.horizon.start). "
            + "Hover over a bar or cell for its exact value."
        return "<footer class=\"footer\">\(Self.escape(text))</footer>"
    }

    // MARK: Building blocks

    /// A numbered report section.
    func section(id: String, number: Int?, title: String, lead: String, body: String) -> String {
        let heading = number.map { "\($0). \(title)" } ?? title
        return """
            <section id="\(Self.escape(id))" class="report-section">
            <h2>\(Self.escape(heading))</h2>
            <p class="lead">\(Self.escape(lead))</p>
            \(body)
            </section>
            """
    }

    /// A chart with its caption (which says exactly what is drawn).
    func figure(_ content: String, caption: String, className: String = "chart-figure") -> String {
        """
        <figure class="\(className)">
        <div class="scroll">\(content)</div>
        <figcaption>\(Self.escape(caption))</figcaption>
        </figure>
        """
    }

    /// A colour legend.
    func legend(_ items: [(color: String, label: String)], marks: [(style: String, label: String)] = []) -> String {
        let swatches = items.map { item in
            "<span class=\"legend-item\"><span class=\"swatch\" style=\"background:\(Self.escape(item.color))\"></span>"
                + "\(Self.escape(item.label))</span>"
        }
        let lines = marks.map { mark in
            "<span class=\"legend-item\"><span class=\"mark \(Self.escape(mark.style))\"></span>\(Self.escape(mark.label))</span>"
        }
        return "<div class=\"legend\">" + (swatches + lines).joined() + "</div>"
    }

    /// A table of text cells: `textColumns` are left-aligned, the others right-aligned with
    /// tabular figures; cells do not wrap except in `wrapColumns`.
    func table(
        id: String, caption: String? = nil, header: [String], rows: [[String]], textColumns: Set<Int> = [0],
        wrapColumns: Set<Int> = [], rowClasses: [String?]? = nil
    ) -> String {
        func cellClass(_ column: Int) -> String {
            var classes = [textColumns.contains(column) ? "text" : "num"]
            if wrapColumns.contains(column) { classes.append("wrap") }
            return classes.joined(separator: " ")
        }
        var out = ["<div class=\"table-block\"><table id=\"\(Self.escape(id))\" class=\"data\">"]
        if let caption { out.append("<caption>\(Self.escape(caption))</caption>") }
        out.append(
            "<thead><tr>"
                + header.enumerated().map { "<th class=\"\(cellClass($0.offset))\">\(Self.escape($0.element))</th>" }
                .joined()
                + "</tr></thead>")
        out.append("<tbody>")
        for (position, row) in rows.enumerated() {
            let rowClass = rowClasses?[position].map { " class=\"\(Self.escape($0))\"" } ?? ""
            out.append(
                "<tr\(rowClass)>"
                    + row.enumerated().map { "<td class=\"\(cellClass($0.offset))\">\(Self.escape($0.element))</td>" }
                    .joined()
                    + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// "Not available" in place of a chart.
    func unavailable(_ text: String) -> String {
        "<p class=\"unavailable\">\(Self.escape(text))</p>"
    }

    // MARK: Text

    /// Escapes text for HTML and XML (element content and quoted attribute values); control
    /// characters that XML 1.0 forbids and bidirectional overrides (which would reorder what the
    /// reader sees) become U+FFFD, and a carriage return a character reference, so the report
    /// shown on a terminal (`report -o -`) cannot overwrite lines either.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                if DisplayText.isUnsafe(scalar) || value == 0xfffe || value == 0xffff {
                    out += "\u{fffd}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// "USD 12.34 B".
    static func usd(_ value: Double) -> String {
        value.isFinite ? "USD " + Format.money(value) : "\u{2013}"
    }

    /// Megawatts with one decimal below 10.
    static func megawatts(_ value: Double) -> String {
        Format.grouped(value, decimals: abs(value) < 10 && value != 0 ? 1 : 0) + " MW"
    }

    /// Units with thousands separators, one decimal when fractional and small.
    static func units(_ value: Double) -> String {
        Format.grouped(value, decimals: abs(value) < 10 && value.rounded() != value ? 1 : 0)
    }

    // MARK: Style

    static let styleSheet = """

        :root { --ink: #1d232b; --muted: #5b6472; --line: #e3e5e9; --accent: #0b3d6b; --paper: #ffffff; --wash: #f5f6f8; }
        * { box-sizing: border-box; }
        html { background: var(--wash); }
        body { margin: 0; color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
        .page { max-width: 1280px; margin: 0 auto; padding: 28px 28px 48px; }
        .masthead { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 20px; }
        .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); font-weight: 600; }
        h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; color: var(--accent); }
        .meta { margin: 0; color: var(--muted); }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(185px, 1fr)); gap: 12px; margin-bottom: 16px; }
        .kpi { background: var(--paper); border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 6px; padding: 12px 14px; }
        .kpi.warn { border-top-color: #d08c00; }
        .kpi.bad { border-top-color: #b2182b; }
        .kpi-label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
        .kpi-value { font-size: 26px; font-weight: 700; margin: 4px 0 2px; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .kpi-note { font-size: 12px; color: var(--muted); line-height: 1.35; }
        .toc { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0 0 18px; font-size: 13px; }
        .toc a { color: var(--accent); text-decoration: none; font-weight: 600; }
        .report-section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 18px 22px 20px; margin-bottom: 18px; }
        h2 { margin: 0 0 4px; font-size: 20px; color: var(--accent); }
        h3 { margin: 18px 0 6px; font-size: 15px; }
        .lead { margin: 0 0 12px; color: var(--muted); max-width: 980px; }
        figure { margin: 10px 0 6px; }
        figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; max-width: 1000px; }
        .scroll { overflow-x: auto; }
        .row { display: flex; flex-wrap: wrap; gap: 12px 36px; align-items: flex-start; }
        .row > figure { display: table; flex: 0 1 auto; }
        .row > figure > figcaption { display: table-caption; caption-side: bottom; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 4px 0 8px; }
        .legend-item { display: inline-flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
        .mark { display: inline-block; width: 22px; height: 0; border-top: 2px solid #1d232b; }
        .mark.dashed { border-top-style: dashed; }
        .mark.dotted { border-top: 3px dotted #b2182b; }
        .mark.limit { border-top: 2px solid #1d232b; width: 14px; }
        .mark.stress { border-top: 2px dashed #6a3d9a; }
        .mark.book { border-top: 2px solid #8a8f98; }
        .gradient { display: inline-block; width: 160px; height: 12px; border-radius: 2px; vertical-align: middle; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(232px, 1fr)); gap: 10px 14px; }
        .panel { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 6px 6px 2px; }
        .panel-title { font-size: 12px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .panel-note { font-size: 11px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        svg.chart { display: block; max-width: none; }
        svg.panel-chart { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1d232b; }
        svg text.tick { fill: #5b6472; font-size: 10px; }
        svg text.axis-title { fill: #5b6472; font-size: 11px; }
        svg text.value { font-size: 10px; font-variant-numeric: tabular-nums; }
        svg text.cell-text { font-size: 10px; font-variant-numeric: tabular-nums; }
        svg text.group { font-weight: 600; }
        svg rect.bar:hover, svg rect.seg:hover, svg rect.cell:hover { stroke: #1d232b; stroke-width: 1.5; }
        table.data { border-collapse: collapse; font-size: 12.5px; margin: 4px 0 8px; }
        table.data caption { text-align: left; font-weight: 600; font-size: 13px; padding: 4px 0; }
        table.data th { font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line); padding: 4px 14px 4px 0; white-space: nowrap; vertical-align: bottom; }
        table.data td { border-bottom: 1px solid var(--line); padding: 3px 14px 3px 0; vertical-align: top; white-space: nowrap; }
        table.data .text { text-align: left; }
        table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.data td.wrap { white-space: normal; min-width: 120px; max-width: 520px; }
        .table-block { overflow-x: auto; max-width: 100%; }
        table.data tr.total td { font-weight: 700; }
        .tables { display: flex; flex-wrap: wrap; gap: 6px 44px; align-items: flex-start; }
        .unavailable { color: var(--muted); font-style: italic; }
        .note { color: var(--muted); font-size: 0.9em; }
        .footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
        @media print { html { background: #fff; } .report-section { break-inside: avoid; border: none; } .toc { display: none; } }

        """
}
