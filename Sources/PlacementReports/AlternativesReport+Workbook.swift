import PlacementPlanning
import PlacementWorkbook

extension AlternativesReport {
    /// The alternatives as an analyst's workbook (`alternatives --format xlsx`, docs/outputs.md):
    /// a Summary (study, slack, materiality, optimum, solve counts); one row per group with the
    /// optimal plan's capital there, the least and most over the near-optimal plans, the IT MW of
    /// each extreme plan and the verdict, with a range bar chart (least to most capital per
    /// group); the builds of each extreme plan; and the optimal plan's builds.
    ///
    /// ```swift
    /// try OutputFile.write(report.workbook().xlsx(), to: "alternatives.xlsx")
    /// ```
    public func workbook() -> Workbook {
        Workbook(
            title: "SovereignPlacement: alternatives of \(studyPath)",
            sheets: [summarySheet(), groupsSheet(), extremeBuildsSheet(), planBuildsSheet()])
    }

    private func summarySheet() -> Worksheet {
        let a = alternatives
        var sheet = Worksheet.figures(name: "Summary", label: "figure")
        sheet.appendFigure("study", .text(studyPath))
        sheet.appendFigure("schema of the JSON result", .text(Self.schema))
        sheet.appendFigure("grouped by", .text(a.grouping.rawValue))
        sheet.appendFigure("slack", .number(a.slack, .percent), unit: "share of the optimum")
        sheet.appendFigure("material", .number(materialShare, .percent), unit: "share of the plan's build capital")
        sheet.appendFigure("material capital", .number(materialUSD, .usd), unit: "USD")
        sheet.appendFigure("objective", .number(a.objectiveUSD, .usd), unit: "USD")
        sheet.appendFigure("plan build capital", .number(a.planCapitalUSD, .usd), unit: "USD")
        if a.isExpected {
            sheet.appendFigure(
                "decisions", .text("adaptive: capital and IT power are expected values over the scenarios"))
        }
        sheet.appendFigure("master re-solves", .number(Double(a.masterSolves), .usd))
        sheet.appendFigure("block evaluations", .number(Double(a.evaluations), .usd))
        return sheet
    }

    /// The range bars stack an invisible "least" and a visible "most - least": the range column
    /// is the chart's second series.
    private func groupsSheet() -> Worksheet {
        let chart = WorkbookChart(
            kind: .rangeBar, title: "Build capital over the near-optimal plans", categories: 0, values: [2, 4],
            categoryAxis: alternatives.grouping.rawValue, valueAxis: "build capital (USD)", valueFormat: .usd)
        var sheet = Worksheet(
            name: "Groups",
            headers: [
                alternatives.grouping.rawValue, "plan capital (USD)", "least capital (USD)", "most capital (USD)",
                "range of capital (USD)", "IT power, least plan (MW)", "IT power, most plan (MW)", "verdict",
            ], charts: [chart])
        for group in alternatives.groups {
            sheet.append([
                .text(group.name), .number(group.planCapitalUSD, .usd), .number(group.least.capitalUSD, .usd),
                .number(group.most.capitalUSD, .usd), .number(group.most.capitalUSD - group.least.capitalUSD, .usd),
                .number(group.least.finalYearITMW, .megawatts), .number(group.most.finalYearITMW, .megawatts),
                .text(verdict(group).rawValue),
            ])
        }
        return sheet
    }

    /// The build columns; adaptive studies' builds add their node and its scenarios.
    private var buildHeaders: [String] {
        ["facility", "accelerator", "year", "units (accelerators)"]
            + (alternatives.isExpected ? ["node", "scenarios"] : [])
    }

    private func buildCells(_ build: NearOptimalAlternatives.Build) -> [WorkbookCell] {
        var cells: [WorkbookCell] = [
            .text(build.facility.rawValue), .text(build.hardware.rawValue), .number(Double(build.year), .integer),
            .number(build.units, .quantity),
        ]
        if alternatives.isExpected {
            cells += [
                .number(Double(build.node ?? 0), .integer),
                .text((build.scenarios ?? []).map(\.rawValue).joined(separator: " ")),
            ]
        }
        return cells
    }

    /// Each group's least-capital plan, then its most-capital plan, build by build.
    private func extremeBuildsSheet() -> Worksheet {
        var sheet = Worksheet(
            name: "Extreme plan builds",
            headers: [
                "group (\(alternatives.grouping.rawValue))", "plan", "group's capital in the plan (USD)",
                "plan objective (USD)",
            ]
                + buildHeaders)
        for group in alternatives.groups {
            for (label, plan) in [("least", group.least), ("most", group.most)] {
                for build in plan.builds {
                    sheet.append(
                        [
                            .text(group.name), .text(label), .number(plan.capitalUSD, .usd),
                            .number(plan.objectiveUSD, .usd),
                        ] + buildCells(build))
                }
            }
        }
        return sheet
    }

    private func planBuildsSheet() -> Worksheet {
        Worksheet(
            name: "Optimal plan builds", headers: buildHeaders, rows: alternatives.planBuilds.map(buildCells))
    }
}
