import PlacementPlanning

/// `placement alternatives` output: each group's range of build capital over the near-optimal
/// plans, with the final-year IT MW of each extreme plan and the verdict (docs/design.md §10),
/// as a terminal table, JSON (schema `sovereign-placement.alternatives/1`, the extreme plans'
/// builds included) or CSV (one row per group).
///
/// ```swift
/// let report = AlternativesReport(alternatives, studyPath: "Models/baseline.yaml", material: 0.01)
/// print(report.table())
/// ```
public struct AlternativesReport: Sendable {
    public static let schema = "sovereign-placement.alternatives/1"

    /// How a group's range reads against the material capital.
    public enum Verdict: String, Sendable {
        /// Every near-optimal plan invests a material amount there.
        case essential
        /// Some near-optimal plans do and some do not.
        case optional
        /// No near-optimal plan invests a material amount there.
        case excluded
    }

    public let alternatives: NearOptimalAlternatives
    public let studyPath: String
    /// The share of the optimal plan's build capital that counts as material.
    public let materialShare: Double

    public init(_ alternatives: NearOptimalAlternatives, studyPath: String, material: Double) {
        self.alternatives = alternatives
        self.studyPath = studyPath
        materialShare = material
    }

    /// The material capital in USD.
    public var materialUSD: Double { materialShare * alternatives.planCapitalUSD }

    public func verdict(_ group: NearOptimalAlternatives.Group) -> Verdict {
        if group.least.capitalUSD >= materialUSD, materialUSD > 0 || group.least.capitalUSD > 0 { return .essential }
        if group.most.capitalUSD < materialUSD || group.most.capitalUSD <= 0 { return .excluded }
        return .optional
    }

    // MARK: Table

    public func table() -> String {
        let a = alternatives
        var out = [
            "Near-optimal alternatives of \(studyPath) by \(a.grouping.rawValue): plans within "
                + "\(Format.grouped(a.slack * 100, decimals: 1))% of the optimum (\(Format.money(a.objectiveUSD)) USD)"
        ]
        if a.isExpected {
            out.append(
                "Adaptive decisions: capital and IT MW are expected values, each node's builds weighted by "
                    + "its probability")
        }
        out += [
            "Material: \(Format.grouped(materialShare * 100, decimals: 1))% of the optimal plan's build capital "
                + "(\(Format.money(a.planCapitalUSD)) USD) = \(Format.money(materialUSD)) USD",
            "",
        ]
        var table = TextTable(header: [
            a.grouping.rawValue, "optimal plan (USD)", "least capital (USD)", "most capital (USD)",
            "IT MW, least plan", "IT MW, most plan", "verdict",
        ])
        for group in a.groups {
            table.append([
                group.name, Format.money(group.planCapitalUSD), Format.money(group.least.capitalUSD),
                Format.money(group.most.capitalUSD),
                Format.grouped(group.least.finalYearITMW, decimals: 1),
                Format.grouped(group.most.finalYearITMW, decimals: 1), verdict(group).rawValue,
            ])
        }
        out.append(table.rendered())
        out.append("")
        out.append(
            "essential: every plan within the slack invests at least the material capital there; excluded: none "
                + "does; optional: some do. \(a.masterSolves) master re-solves from the optimum's cuts, "
                + "\(a.evaluations) block evaluations.")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON and CSV

    /// Schema `sovereign-placement.alternatives/1` (docs/results-json.md).
    public func json() -> JSONValue {
        let a = alternatives
        func builds(_ list: [NearOptimalAlternatives.Build]) -> JSONValue {
            .array(
                list.map { build in
                    var fields: [(String, JSONValue)] = [
                        ("facility", .string(build.facility.rawValue)), ("hardware", .string(build.hardware.rawValue)),
                        ("year", .number(Double(build.year))), ("units", .number(build.units)),
                    ]
                    // Only adaptive studies' builds have a node: here-and-now output is unchanged.
                    if let node = build.node, let scenarios = build.scenarios {
                        fields += [
                            ("node", .number(Double(node))),
                            ("scenarios", .array(scenarios.map { .string($0.rawValue) })),
                        ]
                    }
                    return .object(fields)
                })
        }
        func plan(_ plan: NearOptimalAlternatives.ExtremePlan) -> JSONValue {
            .object([
                ("capital_usd", .number(plan.capitalUSD)), ("it_mw", .number(plan.finalYearITMW)),
                ("objective_usd", .number(plan.objectiveUSD)), ("builds", builds(plan.builds)),
            ])
        }
        let groups: [JSONValue] = a.groups.map { group in
            .object([
                ("group", .string(group.name)), ("plan_capital_usd", .number(group.planCapitalUSD)),
                ("min_capital_usd", .number(group.least.capitalUSD)),
                ("max_capital_usd", .number(group.most.capitalUSD)),
                ("min_plan_it_mw", .number(group.least.finalYearITMW)),
                ("max_plan_it_mw", .number(group.most.finalYearITMW)), ("verdict", .string(verdict(group).rawValue)),
                ("min_plan", plan(group.least)), ("max_plan", plan(group.most)),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("schema", .string(Self.schema)), ("study", .string(studyPath)), ("slack", .number(a.slack)),
            ("material", .number(materialShare)), ("material_usd", .number(materialUSD)),
            ("by", .string(a.grouping.rawValue)), ("objective_usd", .number(a.objectiveUSD)),
        ]
        // Adaptive studies' capital and IT MW are expectations over the scenarios.
        if a.isExpected { fields.append(("expected", .bool(true))) }
        fields += [
            ("plan_capital_usd", .number(a.planCapitalUSD)), ("plan_builds", builds(a.planBuilds)),
            ("groups", .array(groups)),
            (
                "statistics",
                .object([
                    ("master_solves", .number(Double(a.masterSolves))),
                    ("evaluations", .number(Double(a.evaluations))),
                ])
            ),
        ]
        return .object(fields)
    }

    /// One row per group.
    public func csv() -> CSVTable {
        var table = CSVTable(header: [
            "group", "plan_capital_usd", "min_capital_usd", "max_capital_usd", "min_plan_it_mw", "max_plan_it_mw",
            "verdict",
        ])
        for group in alternatives.groups {
            table.append([
                group.name, CSVTable.number(group.planCapitalUSD), CSVTable.number(group.least.capitalUSD),
                CSVTable.number(group.most.capitalUSD),
                CSVTable.number(group.least.finalYearITMW), CSVTable.number(group.most.finalYearITMW),
                verdict(group).rawValue,
            ])
        }
        return table
    }
}
