import PlacementCompare

extension ComparisonReport {
    // MARK: JSON

    /// Schema `sovereign-placement.compare/1` (docs/results-json.md): only what changed.
    public func json() -> JSONValue {
        let c = comparison
        func figure(_ figure: PlanComparison.Figure) -> JSONValue {
            .object([
                ("base", .finite(figure.base)), ("changed", .finite(figure.changed)),
                ("difference", .finite(figure.difference)), ("material", .bool(figure.isChanged)),
            ])
        }
        func facility(_ id: String?) -> (String, JSONValue) { ("facility", id.map(JSONValue.string) ?? .null) }
        var members: [(String, JSONValue)] = [
            ("schema", .string(Self.schema)),
            ("base", .string(c.base.source)), ("changed", .string(c.changed.source)),
            (
                "termination",
                .object([
                    ("base", .string(c.base.termination)),
                    ("changed", .string(c.changed.termination)),
                ])
            ),
            ("final_year", c.finalYear.map { .number(Double($0)) } ?? .null),
            (
                "materiality",
                .object([
                    ("share", .number(c.thresholds.share)), ("units", .number(c.thresholds.units)),
                    ("money_tolerance", .number(c.moneyTolerance)),
                    ("shadow_price_share", .number(c.thresholds.priceShare)),
                    ("hidden_differences", .number(Double(c.hiddenDifferences))),
                ])
            ),
            ("expected_npv_usd", figure(c.expectedNPV)), ("cvar_npv_usd", figure(c.cvarNPV)),
            ("capex_usd", figure(c.capex)),
        ]
        let capacity: [JSONValue] = c.capacity.map { change in
            .object(
                [
                    ("facility", .string(change.facility)), ("hardware", .string(change.hardware)),
                    ("year", .number(Double(change.year))),
                ] + (change.scenario.map { [("scenario", JSONValue.string($0))] } ?? []) + [
                    ("built", figure(change.built)), ("installed", figure(change.installed)),
                    ("it_mw", figure(change.itMW)),
                ])
        }
        let utilization: [JSONValue] = c.utilization.map { change in
            .object([
                facility(change.facility), ("scenario", .string(change.scenario)),
                ("utilization", figure(change.utilization)),
            ])
        }
        let resilience: [JSONValue] = c.resilience.map { change in
            let worst: JSONValue = .object([
                ("base", change.worstStress.base.map(JSONValue.string) ?? .null),
                ("changed", change.worstStress.changed.map(JSONValue.string) ?? .null),
            ])
            return .object([
                facility(change.facility), ("resilience", figure(change.resilience)),
                ("worst_stress", worst),
            ])
        }
        let stranded: [JSONValue] = c.stranded.map { change in
            .object([
                facility(change.facility), ("book_value_usd", figure(change.bookValue)),
                ("stranded_expected_usd", figure(change.stranded)),
                ("stranded_worst_stress_usd", figure(change.strandedWorstStress)),
                ("at_risk_expected_usd", figure(change.atRisk)),
            ])
        }
        let limits: [JSONValue] = c.powerLimits.map { limit in
            .object([
                ("facility", .string(limit.facility)), ("year", .number(Double(limit.year))),
                ("change", .string(limit.change.rawValue)),
                ("shadow_price_usd_per_mw", figure(limit.shadowPrice)),
            ])
        }
        let budget: JSONValue =
            c.budget.map { budget in
                .object([
                    ("change", .string(budget.change.rawValue)),
                    ("shadow_price_usd_per_usd", figure(budget.shadowPrice)),
                ])
            } ?? .null
        let reachability: [JSONValue] = c.reachability.map { change in
            .object([
                ("tenant", .string(change.tenant)), ("zone", .string(change.zone)),
                ("change", .string(change.change.rawValue)), ("reason", .string(change.reason)),
            ])
        }
        members += [
            ("capacity", .array(capacity)), ("utilization", .array(utilization)),
            ("resilience", .array(resilience)), ("stranded_assets", .array(stranded)),
            ("power_limits", .array(limits)), ("budget", budget), ("demand_reachability", .array(reachability)),
        ]
        return .object(members)
    }

    // MARK: CSV

    /// One row per changed figure: section, where (facility, hardware, year, scenario), what,
    /// base, changed and difference.
    public func csv() -> CSVTable {
        var table = CSVTable(header: [
            "section", "facility", "hardware", "year", "scenario", "item", "base", "changed",
            "difference",
        ])
        let c = comparison
        let year = c.finalYear.map(String.init) ?? ""
        func add(
            _ section: String, facility: String? = nil, hardware: String = "", year: String = "",
            scenario: String = "", item: String, _ figure: PlanComparison.Figure
        ) {
            table.append([
                section, facility ?? "", hardware, year, scenario, item, CSVTable.number(figure.base),
                CSVTable.number(figure.changed), CSVTable.number(figure.difference),
            ])
        }
        for (item, figure) in [
            ("expected_npv_usd", c.expectedNPV), ("cvar_npv_usd", c.cvarNPV), ("capex_usd", c.capex),
        ]
        where figure.isChanged {
            add("value", item: item, figure)
        }
        for change in c.capacity {
            for (item, figure) in [("built", change.built), ("installed", change.installed), ("it_mw", change.itMW)] {
                add(
                    "capacity", facility: change.facility, hardware: change.hardware, year: change.yearLabel,
                    item: item, figure)
            }
        }
        for change in c.utilization {
            add(
                "utilization", facility: change.facility, year: year, scenario: change.scenario, item: "utilization",
                change.utilization)
        }
        for change in c.resilience {
            add("resilience", facility: change.facility, year: year, item: "resilience", change.resilience)
        }
        for change in c.stranded {
            for (item, figure) in [
                ("book_value_usd", change.bookValue), ("stranded_expected_usd", change.stranded),
                ("stranded_worst_stress_usd", change.strandedWorstStress),
                ("at_risk_expected_usd", change.atRisk),
            ] {
                add("stranded_assets", facility: change.facility, year: year, item: item, figure)
            }
        }
        for limit in c.powerLimits {
            add(
                "power_limit", facility: limit.facility, year: String(limit.year),
                item: "shadow_price_usd_per_mw (\(limit.change.rawValue))", limit.shadowPrice)
        }
        if let budget = c.budget {
            add("budget", item: "shadow_price_usd_per_usd (\(budget.change.rawValue))", budget.shadowPrice)
        }
        for change in c.reachability {
            let item = "\(change.tenant) in \(change.zone): \(change.change.rawValue)"
            table.append(["demand_reachability", "", "", "", "", item, "", "", ""])
        }
        return table
    }
}
