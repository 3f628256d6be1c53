import PlacementPlanning

/// `placement explain` output: what would change the plan (docs/design.md §10). For every fleet
/// the unit capex at which the plan starts or stops building it, in domain words ("johor would
/// build gpu-b200 at 51,200 USD per unit or less (-17%)"), and the binding power limits and budget
/// with their shadow prices in the same voice; as a terminal table, JSON (schema
/// `sovereign-placement.explain/1`) or CSV (one row per fleet).
///
/// ```swift
/// let report = ExplainReport(prices, studyPath: "Models/baseline.yaml")
/// print(report.table())
/// ```
public struct ExplainReport: Sendable {
    public static let schema = "sovereign-placement.explain/1"

    public let prices: BreakEvenPrices
    public let studyPath: String

    public init(_ prices: BreakEvenPrices, studyPath: String) {
        self.prices = prices
        self.studyPath = studyPath
    }

    // MARK: Words

    /// One fleet's finding as a sentence.
    public func statement(_ fleet: BreakEvenPrices.Fleet) -> String {
        let site = fleet.facility.rawValue
        let accelerator = fleet.hardware.rawValue
        switch fleet.verdict {
        case .breakEven:
            let price = "\(Format.grouped(fleet.breakEvenUnitCapexUSD ?? .nan)) USD per unit"
            let change = fleet.change.map { " (\(Self.signed($0)))" } ?? ""
            // With several nodes a year the units are each node's at its probability.
            let expected = prices.builtUnitsAreExpected ? " (expected over the scenarios)" : ""
            return fleet.built
                ? "\(site) would build no \(accelerator) above \(price)\(change); today it builds "
                    + "\(Format.grouped(fleet.builtUnits))\(expected) at \(Format.grouped(fleet.unitCapexUSD)) "
                    + "USD per unit"
                : "\(site) would build \(accelerator) at \(price) or less\(change)"
        case .alwaysBuilds:
            let ceiling = prices.searchCeiling * (fleet.unitCapexUSD > 0 ? fleet.unitCapexUSD : 1_000)
            return "\(site) would still build \(accelerator) at \(Format.grouped(ceiling)) USD per unit "
                + "(\(Format.grouped(prices.searchCeiling))x today's): no break-even within the search"
        case .neverBuilds:
            return "\(site) would not build \(accelerator) even at zero capex: " + Self.because(fleet.reason)
        }
    }

    static func because(_ reason: BreakEvenPrices.Reason?) -> String {
        switch reason {
        case .noDemandWithinReach: "no demand within reach (latency, residency, memory or throughput rule it out)"
        case .noPowerRoom: "the facility has no power for another unit in any year"
        case .notWorthItAtZeroCapex, nil:
            "even free, its energy and fixed O&M are worth more than what it would earn in the rest of the plan"
        }
    }

    /// A power limit's or the budget's shadow price as a sentence.
    public func statement(_ limit: BreakEvenPrices.Limit) -> String {
        guard let facility = limit.facility else {
            return "one more million USD of budget would add \(Format.grouped(limit.shadowPrice * 1e6)) USD to NPV"
        }
        return "one more MW at \(facility) in \(limit.year.map(String.init) ?? "-") would add "
            + "\(Format.grouped(limit.shadowPrice)) USD to NPV"
    }

    /// The limits at the optimum: the binding power rows, then the budget when it binds.
    public var bindingLimits: [BreakEvenPrices.Limit] {
        prices.powerLimits.filter(\.binding) + (prices.budget.map { $0.binding ? [$0] : [] } ?? [])
    }

    /// A change as a signed percentage: one decimal below 10% (a break-even 0.1% away is common).
    static func signed(_ change: Double) -> String {
        (change > 0 ? "+" : "") + Format.grouped(change * 100, decimals: abs(change) < 0.1 ? 1 : 0) + "%"
    }

    // MARK: Table

    /// The fleet table's columns, in the text table and the HTML report alike.
    static let fleetHeader = [
        "facility", "accelerator", "built (units)", "unit capex (USD)", "break-even (USD)", "change", "verdict",
    ]

    /// One fleet's row of the fleet table (under ``fleetHeader``).
    static func fleetCells(_ fleet: BreakEvenPrices.Fleet) -> [String] {
        [
            fleet.facility.rawValue, fleet.hardware.rawValue, Format.grouped(fleet.builtUnits),
            Format.grouped(fleet.unitCapexUSD), fleet.breakEvenUnitCapexUSD.map { Format.grouped($0) } ?? "-",
            fleet.change.map(signed) ?? "-", fleet.verdict.rawValue,
        ]
    }

    public func table() -> String {
        let p = prices
        var out = [
            "What would change the plan of \(studyPath) (optimum \(Format.money(p.objectiveUSD)) USD): the unit capex "
                + "at which each fleet enters or leaves, by bisection to "
                + "\(Format.grouped(p.tolerance * 100, decimals: 1))% on re-solves",
            "",
        ]
        out += p.fleets.map { "  " + statement($0) }
        out.append("")
        var table = TextTable(header: Self.fleetHeader)
        for fleet in p.fleets { table.append(Self.fleetCells(fleet)) }
        out.append(table.rendered())
        out.append("")
        if p.integer {
            out.append("Limits: no shadow prices for integer build blocks (a MIP has no duals).")
        } else if bindingLimits.isEmpty {
            out.append("Limits: no power limit or budget binds at the optimum.")
        } else {
            out.append("Limits at the optimum (shadow prices: the first unit only):")
            out += bindingLimits.map { "  " + statement($0) }
        }
        out.append("")
        out.append(
            "Each break-even is the bisection's checked end: the plan builds the fleet at the lower end and none at "
                + "the upper. \(p.masterSolves) master re-solves from the optimum's cuts, \(p.evaluations) block "
                + "evaluations.")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON and CSV

    /// Schema `sovereign-placement.explain/1` (docs/results-json.md).
    public func json() -> JSONValue {
        let p = prices
        let fleets: [JSONValue] = p.fleets.map { fleet in
            .object([
                ("facility", .string(fleet.facility.rawValue)), ("hardware", .string(fleet.hardware.rawValue)),
                ("built", .bool(fleet.built)), ("built_units", .number(fleet.builtUnits)),
                ("unit_capex_usd", .number(fleet.unitCapexUSD)),
                ("break_even_unit_capex_usd", .finite(fleet.breakEvenUnitCapexUSD)), ("change", .finite(fleet.change)),
                ("verdict", .string(fleet.verdict.rawValue)),
                ("reason", fleet.reason.map { .string($0.rawValue) } ?? .null),
                (
                    "bracket",
                    fleet.bracket.map {
                        .object([("builds_usd", .number($0.builds)), ("builds_none_usd", .number($0.buildsNone))])
                    } ?? .null
                ),
                ("steps", .number(Double(fleet.steps))), ("statement", .string(statement(fleet))),
            ])
        }
        let power: [JSONValue] = p.powerLimits.map { limit in
            .object([
                ("facility", .string(limit.facility?.rawValue ?? "")), ("year", .number(Double(limit.year ?? 0))),
                ("shadow_price_usd_per_mw", .number(limit.shadowPrice)), ("binding", .bool(limit.binding)),
            ])
        }
        let budget: JSONValue =
            p.budget.map {
                .object([("shadow_price_usd_per_usd", .number($0.shadowPrice)), ("binding", .bool($0.binding))])
            } ?? .null
        return .object([
            ("schema", .string(Self.schema)), ("study", .string(studyPath)), ("tolerance", .number(p.tolerance)),
            ("search_ceiling", .number(p.searchCeiling)), ("objective_usd", .number(p.objectiveUSD)),
            ("integer", .bool(p.integer)), ("fleets", .array(fleets)),
            ("constraints", .object([("power", .array(power)), ("budget", budget)])),
            (
                "statistics",
                .object([
                    ("master_solves", .number(Double(p.masterSolves))),
                    ("evaluations", .number(Double(p.evaluations))),
                ])
            ),
        ])
    }

    /// One row per fleet.
    public func csv() -> CSVTable {
        var table = CSVTable(header: [
            "facility", "hardware", "built", "built_units", "unit_capex_usd", "break_even_unit_capex_usd", "change",
            "verdict", "reason", "bracket_builds_usd", "bracket_builds_none_usd",
        ])
        for fleet in prices.fleets {
            table.append([
                fleet.facility.rawValue, fleet.hardware.rawValue, fleet.built ? "true" : "false",
                CSVTable.number(fleet.builtUnits), CSVTable.number(fleet.unitCapexUSD),
                fleet.breakEvenUnitCapexUSD.map(CSVTable.number) ?? "", fleet.change.map(CSVTable.number) ?? "",
                fleet.verdict.rawValue, fleet.reason?.rawValue ?? "",
                fleet.bracket.map { CSVTable.number($0.builds) } ?? "",
                fleet.bracket.map { CSVTable.number($0.buildsNone) } ?? "",
            ])
        }
        return table
    }
}
