import PlacementPlanning

extension HTMLReport {
    /// The last section of `placement report --explain`, "What would change the plan": each
    /// fleet's break-even unit capex as a sentence and in a table, and the binding limits with
    /// their shadow prices (docs/design.md §10).
    func explainSection(_ report: ExplainReport) -> String {
        let p = report.prices
        let number = sectionNumber("explain")
        let lead =
            "The unit capex (accelerator and shell, USD) at which the optimal plan would start building each fleet it "
            + "does not build, or stop building one it does: found by bisection to "
            + "\(Format.grouped(p.tolerance * 100, decimals: 1))% on re-solves of the plan, each value checked on "
            + "the side it states."
        let changes = p.fleets.filter { $0.verdict == .breakEven }
        let sentences =
            changes.isEmpty
            ? unavailable("No fleet has a break-even within the search.")
            : "<ul class=\"statements\">"
                + changes.map { "<li>\(Self.escape(report.statement($0)))</li>" }.joined() + "</ul>"
        let limits: String
        if p.integer {
            limits = "<p>\(Self.escape("Limits: no shadow prices for integer build blocks (a MIP has no duals)."))</p>"
        } else if report.bindingLimits.isEmpty {
            limits = "<p>\(Self.escape("No power limit or budget binds at the optimum."))</p>"
        } else {
            limits =
                "<p>\(Self.escape("Limits at the optimum (shadow prices, for the first unit only):"))</p>"
                + "<ul class=\"statements\">"
                + report.bindingLimits.map { "<li>\(Self.escape(report.statement($0)))</li>" }.joined() + "</ul>"
        }
        // The verdict's words without underscores ("break even"): the page is for reading.
        let rows = p.fleets.map { fleet in
            var cells = ExplainReport.fleetCells(fleet)
            cells[cells.count - 1] = fleet.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            return cells
        }
        let body = [
            sentences,
            table(
                id: "explain-table", caption: "Break-even unit capex by fleet",
                header: ExplainReport.fleetHeader,
                rows: rows, textColumns: [0, 1, 6]),
            limits,
        ]
        return section(
            id: "explain", number: number, title: "What would change the plan", lead: lead,
            body: body.joined(separator: "\n"))
    }
}
