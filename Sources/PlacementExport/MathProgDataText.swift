import PlacementModel
import PlacementOptimizer

/// The text of the GNU MathProg data file: the study's numbers as the tool uses them
/// (year-keyed values resolved for each horizon year, demand points and arcs as the tool
/// computes them), in tables a person can read and edit.
struct MathProgDataText {
    let program: PlacementProgram
    let title: String
    private var study: Study { program.index.study }
    private var years: [Int] { program.index.years }
    private var scenarios: [Scenario] { program.index.scenarios }

    init(program: PlacementProgram, title: String) {
        self.program = program
        self.title = title
    }

    var text: String {
        [
            header, sets, settings, scenarioTables, hardwareTables, facilityTables, tenantTables, pointTables,
            "end;\n",
        ].joined(separator: "\n")
    }

    // MARK: Pieces

    private var header: String {
        MathProgSyntax.comment(
            """
            Data for the SovereignPlacement MathProg model (the .mod file of the same name).
            Study: \(title)
            Numbers are in the units of the study files: USD, MW, kW, work units of each workload.
            """) + "\ndata;\n"
    }

    private var sets: String {
        let regions = study.regions.map { MathProgSyntax.symbol($0.id.rawValue) }
        return [
            "set YEAR := \(years.map(String.init).joined(separator: " "));",
            "set SLICE := \((0..<program.index.slices).map(String.init).joined(separator: " "));",
            "set REGION := \(regions.joined(separator: " "));",
            "set WORKLOAD := \(symbols(study.workloads.map(\.id.rawValue)));",
        ].joined(separator: "\n") + "\n"
    }

    private var settings: String {
        var lines = [
            "param discount_rate := \(number(study.discountRate));",
            "param money_scale := \(number(PlacementProgram.moneyScale));   # thousands of USD",
            "param block_units := \(study.integerBuildUnits ?? 1);",
            "param risk_weight := \(number(study.risk.weight));",
            "param alpha := \(number(study.risk.alpha));",
        ]
        if let budget = study.budgetUSD, program.budgetRow != nil {
            lines.append("param budget_usd := \(number(budget));")
        }
        if study.policy.maxCategoryShare < 1 {
            lines.append("param max_share := \(number(study.policy.maxCategoryShare));")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var scenarioTables: String {
        var text =
            "# Scenario probabilities (renormalised by the model).\n"
            + table(
                key: "SCENARIO", columns: ["probability"],
                rows: scenarios.map { ([$0.id.rawValue], [number($0.probability)]) })
        let workloads = study.workloads.map(\.id)
        let kinds: [(String, (Scenario, WorkloadID, Int) -> Double)] = [
            ("demand_mult", { $0.demandMultiplier(for: $1, in: $2) }),
            ("price_mult", { $0.priceMultiplier(for: $1, in: $2) }),
            ("efficiency_mult", { $0.efficiencyMultiplier(for: $1, in: $2) }),
        ]
        for (name, multiplier) in kinds {
            text += multipliers(name: name, keys: workloads.map(\.rawValue)) { scenario, key, year in
                multiplier(scenario, WorkloadID(key), year)
            }
        }
        text += multipliers(name: "electricity_mult", keys: study.regions.map(\.id.rawValue)) { scenario, key, year in
            scenario.electricityMultiplier(for: RegionID(key), in: year)
        }
        return text + nodeTable
    }

    /// Each scenario's node in each year other than 0, when some year has several nodes.
    private var nodeTable: String {
        let tree = program.index.tree
        guard !tree.isSingleNodePerYear else { return "" }
        var rows: [String] = []
        for (y, year) in years.enumerated() {
            for (s, scenario) in scenarios.enumerated() where tree.nodeOf[y][s] != 0 {
                rows.append("  \(year) \(MathProgSyntax.symbol(scenario.id.rawValue)) \(tree.nodeOf[y][s])")
            }
        }
        return "# The scenario tree: each scenario's node in each year (absent: node 0).\n"
            + "param node_of :=\n" + rows.joined(separator: "\n") + ";\n"
    }

    /// One `[*, *, scenario]` table per scenario that has a multiplier other than 1.
    private func multipliers(name: String, keys: [String], value: (Scenario, String, Int) -> Double) -> String {
        var blocks: [String] = []
        for scenario in scenarios {
            let rows = keys.compactMap { key -> String? in
                let values = years.map { value(scenario, key, $0) }
                guard values.contains(where: { $0 != 1 }) else { return nil }
                return "  \(MathProgSyntax.symbol(key)) " + values.map(number).joined(separator: " ")
            }
            guard !rows.isEmpty else { continue }
            blocks.append(
                "[*, *, \(MathProgSyntax.symbol(scenario.id.rawValue))] : \(yearHeader) :=\n"
                    + rows.joined(separator: "\n"))
        }
        guard !blocks.isEmpty else { return "" }
        return "param \(name) :=\n" + blocks.joined(separator: "\n") + ";\n"
    }

    private var hardwareTables: String {
        var text = "# Accelerators: IT kW per unit (with host), USD per unit, years in service.\n"
        text += table(
            key: "HARDWARE", columns: ["power_kw", "capex_usd", "lifetime"],
            rows: study.hardware.map {
                (
                    [$0.id.rawValue],
                    [
                        number($0.powerKW), number($0.capexUSD),
                        String($0.lifetimeYears),
                    ]
                )
            })
        text += "# Work units per accelerator-hour (0: cannot serve).\n"
        text += "param throughput : \(symbols(study.workloads.map(\.id.rawValue))) :=\n"
        text +=
            study.hardware.map { hardware in
                "  \(MathProgSyntax.symbol(hardware.id.rawValue)) "
                    + study.workloads.map { number(hardware.throughput(for: $0.id)) }.joined(separator: " ")
            }.joined(separator: "\n") + ";\n"
        return text
    }

    private var facilityTables: String {
        var text = "# Facilities: region, PUE, USD/MWh, shell USD per IT MW, fixed O&M USD per IT MW-year.\n"
        text += table(
            key: "FACILITY", columns: ["region_of", "pue", "electricity", "shell_capex", "fixed_om"],
            rows: study.facilities.map { facility in
                (
                    [facility.id.rawValue],
                    [
                        MathProgSyntax.symbol(facility.region.rawValue),
                        number(facility.pue), number(facility.electricityUSDPerMWh),
                        number(facility.shellCapexUSDPerMW),
                        number(facility.fixedOMUSDPerMWYear),
                    ]
                )
            })
        text += "# IT MW available to the plan in each year (a listed year carries forward).\n"
        text += yearTable(
            name: "power_mw",
            rows: study.facilities.map { facility in
                (facility.id.rawValue, { facility.powerMW(in: $0) })
            })
        let existing = study.facilities.flatMap { facility in
            study.hardware.compactMap { hardware -> String? in
                let units = facility.existingUnits(of: hardware.id)
                guard units > 0 else { return nil }
                return "  "
                    + [
                        MathProgSyntax.symbol(facility.id.rawValue), MathProgSyntax.symbol(hardware.id.rawValue),
                        number(units),
                    ].joined(separator: " ")
            }
        }
        guard !existing.isEmpty else { return text }
        return text + "# Units installed the year before the horizon.\nparam existing :=\n"
            + existing.joined(separator: "\n") + ";\n"
    }

    private var tenantTables: String {
        var text = "# Tenants: workload, USD per unit, committed share, USD per committed unit not delivered.\n"
        text += table(
            key: "TENANT", columns: ["workload_of", "price", "committed", "penalty"],
            rows: study.tenants.map { tenant in
                (
                    [tenant.id.rawValue],
                    [
                        MathProgSyntax.symbol(tenant.workload.rawValue),
                        number(tenant.priceUSDPerUnit), number(tenant.committedShare),
                        number(tenant.shortfallPenaltyUSDPerUnit),
                    ]
                )
            })
        text += "# Work units a year (interpolated between the listed years).\n"
        text += yearTable(
            name: "annual_units",
            rows: study.tenants.map { tenant in
                (tenant.id.rawValue, { tenant.annualUnits(in: $0) })
            })
        return text
    }

    private var pointTables: String {
        let index = program.index
        var shares: [String] = []
        var profiles: [String] = []
        var arcs: [String] = []
        for point in index.demandPoints {
            let tenant = MathProgSyntax.symbol(study.tenants[point.tenant].id.rawValue)
            let zones = MathProgSyntax.symbol(pointLabel(point))
            if pointLabel(point) != index.zoneLabel(of: point) { shares.append("  # \(index.zoneLabel(of: point)):") }
            shares.append("  \(tenant) \(zones) \(number(point.share))")
            profiles.append(
                "  [\(tenant), \(zones), *] "
                    + point.profile.enumerated()
                    .map { "\($0.offset) \(number($0.element))" }.joined(separator: "  "))
            guard !point.arcs.isEmpty else { continue }
            arcs.append(
                "  (\(tenant), \(zones), *, *) "
                    + point.arcs.map { arc in
                        "\(MathProgSyntax.symbol(study.facilities[arc.facility].id.rawValue)) "
                            + MathProgSyntax.symbol(study.hardware[arc.hardware].id.rawValue)
                    }.joined(separator: "  "))
        }
        return """
            # Demand points (tenant, zones): interchangeable zones merged, share = the sum of theirs.
            param : POINT : zone_share :=
            \(shares.joined(separator: "\n"));
            # The workload's local daily shape averaged over each UTC slice (mean 1 over the day).
            param profile :=
            \(profiles.joined(separator: "\n"));
            # Ways to serve each point: (tenant, zones, facility, accelerator).
            set ARC :=
            \(arcs.joined(separator: "\n"));

            """
    }

    // MARK: Helpers

    /// The zones of a demand point as a MathProg symbol: their ids joined by `+`, shortened to
    /// the first zone and a count when too long for MathProg (unique: a zone is in one point).
    private func pointLabel(_ point: PlacementIndex.DemandPoint) -> String {
        let label = program.index.zoneLabel(of: point)
        guard label.count > MathProgSyntax.maximumSymbolLength - 2 else { return label }
        return "\(study.zones[point.zones[0]].id.rawValue)+\(point.zones.count - 1)-more"
    }

    private var yearHeader: String { years.map(String.init).joined(separator: " ") }

    private func symbols(_ names: [String]) -> String { names.map(MathProgSyntax.symbol).joined(separator: " ") }

    private func number(_ value: Double) -> String { MathProgSyntax.number(value) }

    /// `param name : years := ...;`: one row per member, one column per horizon year.
    private func yearTable(name: String, rows: [(String, (Int) -> Double)]) -> String {
        "param \(name) : \(yearHeader) :=\n"
            + rows.map { key, value in
                "  \(MathProgSyntax.symbol(key)) " + years.map { number(value($0)) }.joined(separator: " ")
            }.joined(separator: "\n") + ";\n"
    }

    /// `param : KEY : a b c := ...;`: the set KEY and its parameters a, b, c, one row per member.
    private func table(key: String, columns: [String], rows: [([String], [String])]) -> String {
        "param : \(key) : \(columns.joined(separator: " ")) :=\n"
            + rows.map { keys, values in
                "  " + (keys.map(MathProgSyntax.symbol) + values).joined(separator: " ")
            }.joined(separator: "\n") + ";\n"
    }
}
