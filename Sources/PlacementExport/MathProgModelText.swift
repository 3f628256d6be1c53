/// The text of the GNU MathProg model file: the placement program of docs/design.md §3 as
/// `PlacementProgramBuilder` builds it, written over sets and parameters whose values are in
/// the data file. Only the parts the study uses are written (integer builds, budget, CVaR,
/// category share), so the program glpsol generates has the tool's rows and columns.
struct MathProgModelText {
    struct Parts {
        var integerBuilds: Bool
        var budget: Bool
        var risk: Bool
        var categoryShare: Bool
        /// Some year has several nodes (adaptive or wait-and-see decisions, docs/design.md §9):
        /// builds, power and budget rows are per node, capacity counts the builds on each
        /// scenario's path.
        var nodes = false
    }

    var title: String
    var parts: Parts

    var text: String {
        [
            header, sets, settings, scenarios, hardware, facilities, demand, derived, existence, variables,
            objective, constraints, "end;\n",
        ].joined(separator: "\n")
    }

    private var header: String {
        """
        # SovereignPlacement: the placement linear program in GNU MathProg.
        #
        \(MathProgSyntax.comment("Study: \(title)"))
        # Written by `placement export --format gmpl`; the study's numbers are in the data file.
        # Solve with:  glpsol --math THIS.mod --data THIS.dat
        #
        # The program is the one docs/design.md section 3 describes, as the tool builds it
        # (docs/formulation.md records the builder's choices, which this file follows):
        #  - money is in thousands of USD (money_scale = 0.001) in the objective, the budget row
        #    and the CVaR rows, so that the solver's tolerances meet costs near 1;
        #  - a tenant's zones with the same arcs and the same UTC hour shift are merged into one
        #    demand point (set POINT), whose share is the sum of theirs: the optimum is unchanged;
        #  - columns and rows that cannot carry anything are left out (sets FLEET to CAPACITY);
        #  - the objective's constant term is the fixed O&M of the units installed before the
        #    horizon, which no decision changes; glpsol reports the objective with it, as the tool.
        # Row and column names are the tool's (as in its exported LP/MPS files) with quotes added;
        # a merged zone label longer than MathProg's 100 characters is shortened in the data file.

        """
    }

    private var sets: String {
        """
        # ---------------------------------------------------------------- index sets
        set YEAR;             # horizon years, in order
        set SCENARIO;
        set SLICE;            # equal slices of the UTC day, numbered from 0
        set REGION;
        set FACILITY;
        set HARDWARE;         # accelerator classes
        set WORKLOAD;
        set TENANT;

        """
    }

    private var settings: String {
        var lines = [
            "# ---------------------------------------------------------------- study settings",
            "param discount_rate >= 0;",
            "param start := min{y in YEAR} y;            # the year money is discounted to",
            "param hours := 8760 / card(SLICE);          # hours a year in one slice",
            "param money_scale > 0;                      # objective units per USD",
            "param block_units >= 1;                     # accelerators per build column (integer blocks), else 1",
            "param risk_weight >= 0, <= 1;               # weight of CVaR against expected NPV",
            "param alpha > 0, < 1;                       # CVaR confidence level",
        ]
        if parts.budget { lines.append("param budget_usd >= 0;                      # capital budget, USD") }
        if parts.categoryShare {
            lines.append("param max_share > 0, < 1;                   # largest share of one workload")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var scenarios: String {
        """
        # ---------------------------------------------------------------- scenarios
        param probability{SCENARIO} >= 0;
        param weight{s in SCENARIO} := probability[s] / sum{r in SCENARIO} probability[r];
        # Multipliers of the base inputs by year; absent means 1.
        param demand_mult{WORKLOAD, YEAR, SCENARIO} default 1;
        param price_mult{WORKLOAD, YEAR, SCENARIO} default 1;
        param efficiency_mult{WORKLOAD, YEAR, SCENARIO} default 1;   # throughput per accelerator
        param electricity_mult{REGION, YEAR, SCENARIO} default 1;

        """ + (parts.nodes ? nodeTree : "")
    }

    /// The scenario tree (written only when some year has several nodes).
    private var nodeTree: String {
        """
        # Scenario tree: the builds of year y see the years before y, so scenarios equal until then
        # share a node of y (numbered from 0 in each year; absent means node 0).
        param node_of{YEAR, SCENARIO} integer >= 0 default 0;
        set NODE dimen 2 := setof{y in YEAR, s in SCENARIO} (y, node_of[y, s]);
        # A node's probability: its scenarios' weights together.
        param node_weight{(y, n) in NODE} := sum{s in SCENARIO: node_of[y, s] = n} weight[s];
        # (y, n, b, m): node m of year b <= y is on the path to node n of year y.
        set PATH dimen 4 := setof{s in SCENARIO, y in YEAR, b in YEAR: b <= y} (y, node_of[y, s], b, node_of[b, s]);

        """
    }

    private var hardware: String {
        """
        # ---------------------------------------------------------------- accelerators
        param power_kw{HARDWARE} >= 0;               # IT power per accelerator with its host share
        param capex_usd{HARDWARE} >= 0;              # price of one accelerator
        param lifetime{HARDWARE} integer >= 1;       # whole years in service
        param throughput{HARDWARE, WORKLOAD} default 0;   # work units per accelerator-hour
        # Capital recovery factor: the annual charge per USD of capital over the lifetime.
        param crf{h in HARDWARE} := if discount_rate < 1e-6 then (1 + discount_rate / 2)
                * (1 + lifetime[h] * discount_rate / 2) / lifetime[h]
            else discount_rate * (1 + discount_rate) ** lifetime[h] / ((1 + discount_rate) ** lifetime[h] - 1);

        """
    }

    private var facilities: String {
        """
        # ---------------------------------------------------------------- facilities
        param region_of{FACILITY} symbolic in REGION;
        param power_mw{FACILITY, YEAR} default 0;    # IT MW available to the plan
        param pue{FACILITY} >= 1;
        param electricity{FACILITY} >= 0;            # USD per MWh
        param shell_capex{FACILITY} >= 0;            # building, power and cooling, USD per IT MW
        param fixed_om{FACILITY} >= 0;               # USD per IT MW and year
        param existing{FACILITY, HARDWARE} default 0;    # units installed the year before the horizon

        # Capital of one more accelerator at a facility: the accelerator and its share of the shell.
        param unit_capex{f in FACILITY, h in HARDWARE} := capex_usd[h] + power_kw[h] / 1000 * shell_capex[f];
        # Existing units retire once they reach their lifetime (installed in start - 1).
        param existing_alive{f in FACILITY, h in HARDWARE, y in YEAR} :=
            if y - (start - 1) < lifetime[h] then existing[f, h] else 0;
        param existing_mw{f in FACILITY, y in YEAR} := sum{h in HARDWARE} existing_alive[f, h, y] * power_kw[h] / 1000;
        # Power left for new builds.
        param room{f in FACILITY, y in YEAR} := power_mw[f, y] - existing_mw[f, y];

        """
    }

    private var demand: String {
        """
        # ---------------------------------------------------------------- tenants and demand
        param workload_of{TENANT} symbolic in WORKLOAD;
        param price{TENANT} >= 0;                    # USD per work unit
        param committed{TENANT} >= 0, <= 1;          # share of demand under contract
        param penalty{TENANT};                       # USD per committed unit not delivered
        param annual_units{TENANT, YEAR} >= 0;       # demand of the year (interpolated by the tool)
        # Demand points: a tenant's demand in one zone, or in interchangeable zones merged.
        set POINT dimen 2;                           # (tenant, zones)
        param zone_share{POINT} >= 0;
        param profile{POINT, SLICE} >= 0;            # the local daily shape averaged over each UTC slice
        # Arcs (tenant, zones, facility, accelerator) pass the latency target, the residency
        # rule, the facility's allow-list, the memory floor and throughput > 0 (computed by the tool).
        set ARC dimen 4;
        check{(t, z, f, h) in ARC}: (t, z) in POINT and f in FACILITY and h in HARDWARE;
        # Work units per hour.
        param demand_rate{(t, z) in POINT, y in YEAR, s in SCENARIO, k in SLICE} :=
            annual_units[t, y] * zone_share[t, z] * demand_mult[workload_of[t], y, s] * profile[t, z, k] / 8760;

        """
    }

    private var derived: String {
        """
        # ---------------------------------------------------------------- money per unit
        param discount{y in YEAR} := (1 + discount_rate) ** (start - y);
        param eff_throughput{h in HARDWARE, w in WORKLOAD, y in YEAR, s in SCENARIO} :=
            throughput[h, w] * efficiency_mult[w, y, s];
        # Energy cost of one busy accelerator-hour: kW / 1000 x PUE x USD/MWh x multiplier.
        param energy_cost{f in FACILITY, h in HARDWARE, y in YEAR, s in SCENARIO} :=
            power_kw[h] / 1000 * pue[f] * electricity[f] * electricity_mult[region_of[f], y, s];
        param fixed_om_unit{f in FACILITY, h in HARDWARE} := power_kw[h] / 1000 * fixed_om[f];
        param capital_unit{f in FACILITY, h in HARDWARE} := unit_capex[f, h] * crf[h];
        # Discounted value (thousands of USD) of serving one unit per hour for a slice of a year.
        param margin{(t, z, f, h) in ARC, y in YEAR, s in SCENARIO} := discount[y] * hours
            * (price[t] * price_mult[workload_of[t], y, s]
               - energy_cost[f, h, y, s] / eff_throughput[h, workload_of[t], y, s])
            * money_scale;
        param penalty_cost{t in TENANT, y in YEAR} := discount[y] * hours * penalty[t] * money_scale;
        # Fixed O&M of the units installed before the horizon: the objective's constant (USD).
        param existing_cost := sum{f in FACILITY, h in HARDWARE, y in YEAR}
            discount[y] * existing_alive[f, h, y] * fixed_om_unit[f, h];

        """
    }

    private var existence: String {
        var buildCondition = "room[f, y] > 0"
        if parts.integerBuilds {
            buildCondition +=
                "\n    and (if power_kw[h] > 0 then floor(room[f, y] * 1000 / power_kw[h] / block_units)"
                + " else 1) > 0"
        }
        // With several nodes a year a build column is also keyed by its node.
        let key = parts.nodes ? "(f, h, y, n)" : "(f, h, y)"
        let stages = parts.nodes ? "(y, n) in NODE" : "y in YEAR"
        let alive = parts.nodes ? "(f, h, b, n)" : "(f, h, b)"
        var text = """
            # ---------------------------------------------------------------- what can exist
            # (docs/formulation.md, "What is pruned": each left-out column or row would be forced to 0.)
            # Fleets: (facility, accelerator) pairs some arc uses.
            set FLEET := setof{(t, z, f, h) in ARC} (f, h);
            # Build columns: a fleet in a year\(parts.nodes ? " and node" : "") with power to spare after the existing units.
            set BUILD := setof{(f, h) in FLEET, \(stages): \(buildCondition)} \(key);
            # Discounted fixed O&M and capital charge of one build over the horizon years it lives.
            param build_cost{\(key) in BUILD} :=
                sum{a in YEAR: a >= y and a - y < lifetime[h]} discount[a] * (fixed_om_unit[f, h] + capital_unit[f, h]);
            # Fleet-years that can have an accelerator: existing units alive, or a build alive.
            set LIVE := setof{(f, h) in FLEET, y in YEAR:
                existing_alive[f, h, y] > 0 or exists{\(alive) in BUILD} (b <= y and y - b < lifetime[h])} (f, h, y);
            # Demand rows: only where there is demand.
            set DEMAND := setof{(t, z) in POINT, y in YEAR, s in SCENARIO, k in SLICE: demand_rate[t, z, y, s, k] > 0}
                (t, z, y, s, k);
            # Serve columns: an arc of a demand row whose fleet can have capacity that year.
            set SERVE := setof{(t, z, y, s, k) in DEMAND, (t, z, f, h) in ARC: (f, h, y) in LIVE} (t, z, f, h, y, s, k);
            # Capacity rows: a fleet, year, scenario and slice with serve columns.
            set CAPACITY := setof{(t, z, f, h, y, s, k) in SERVE} (f, h, y, s, k);

            """
        if parts.integerBuilds {
            text +=
                "\n" + """
                    # Integer builds get the bound the power row implies (whole blocks that fit).
                    param build_max{\(key) in BUILD} :=
                        if power_kw[h] > 0 then floor(room[f, y] * 1000 / power_kw[h] / block_units) else Infinity;

                    """
        }
        if parts.categoryShare {
            text +=
                "\n" + """
                    # Share rows: a facility, year, scenario and a workload it serves there.
                    set SHARE := setof{(t, z, f, h, y, s, k) in SERVE} (f, y, s, workload_of[t]);

                    """
        }
        return text
    }

    private var variables: String {
        let build =
            parts.integerBuilds
            ? (parts.nodes
                ? "var build{(f, h, y, n) in BUILD} integer, >= 0, <= build_max[f, h, y, n];   # blocks added in y, node n"
                : "var build{(f, h, y) in BUILD} integer, >= 0, <= build_max[f, h, y];   # blocks added at the start of y")
            : "var build{BUILD} >= 0;                      # accelerators added at the start of the year"
        var text = """
            # ---------------------------------------------------------------- decisions
            \(build)
            var serve{SERVE} >= 0;                       # work units per hour
            # Uncommitted demand not served, free of penalty; committed demand not served, penalised.
            var unserved{(t, z, y, s, k) in DEMAND: 1 - committed[t] > 0}
                >= 0, <= (1 - committed[t]) * demand_rate[t, z, y, s, k];
            var shortfall{(t, z, y, s, k) in DEMAND: committed[t] > 0 or penalty[t] < 0} >= 0;

            """
        if parts.risk {
            text +=
                "\n" + """
                    var eta;                                     # value at risk (free)
                    var excess{SCENARIO} >= 0;                   # loss beyond eta

                    """
        }
        return text
    }

    /// The NPV of scenario `s` without its constant, in thousands of USD, as MathProg terms.
    private var scenarioNPV: String {
        let builds =
            parts.nodes
            ? "- sum{(f, h, y, n) in BUILD: node_of[y, s] = n} build_cost[f, h, y, n] * block_units * money_scale\n"
                + "            * build[f, h, y, n]"
            : "- sum{(f, h, y) in BUILD} build_cost[f, h, y] * block_units * money_scale * build[f, h, y]"
        return """
            \(builds)
                    + sum{(t, z, f, h, y, s, k) in SERVE} margin[t, z, f, h, y, s] * serve[t, z, f, h, y, s, k]
                    - sum{(t, z, y, s, k) in DEMAND: committed[t] > 0 or penalty[t] < 0}
                        penalty_cost[t, y] * shortfall[t, z, y, s, k]
            """
    }

    private var objective: String {
        var text = """
            # ---------------------------------------------------------------- objective
            # (1 - risk_weight) x expected NPV - risk_weight x CVaR of the loss, thousands of USD.
            maximize value:
            \(objectiveBuilds)
                + sum{(t, z, f, h, y, s, k) in SERVE}
                    (1 - risk_weight) * weight[s] * margin[t, z, f, h, y, s] * serve[t, z, f, h, y, s, k]
                - sum{(t, z, y, s, k) in DEMAND: committed[t] > 0 or penalty[t] < 0}
                    (1 - risk_weight) * weight[s] * penalty_cost[t, y] * shortfall[t, z, y, s, k]
                - (1 - risk_weight) * existing_cost * money_scale
            """
        if parts.risk {
            text += "\n    - risk_weight * eta - sum{s in SCENARIO} risk_weight * weight[s] / (1 - alpha) * excess[s]"
        }
        return text + ";\n"
    }

    /// The builds alive in a capacity row: those on the scenario's path with several nodes a year.
    private var capacityBuilds: String {
        parts.nodes
            ? """
                - block_units * sum{(f, h, b, m) in BUILD: b <= y and y - b < lifetime[h] and node_of[b, s] = m}
                    build[f, h, b, m]
            """
            : """
                - block_units * sum{(f, h, b) in BUILD: b <= y and y - b < lifetime[h]} build[f, h, b]
            """
    }

    /// Power rows: per facility and year, and node with several nodes a year (a node's scenarios
    /// share the builds of its path).
    private var powerRows: String {
        parts.nodes
            ? """
            # Power: IT MW of the builds alive on the node's path <= the room the existing units leave
            # (no row without builds), per facility, year and node.
            s.t. power{f in FACILITY, (y, n) in NODE:
                    exists{(f, h, b, m) in BUILD: (y, n, b, m) in PATH} (y - b < lifetime[h])}:
                sum{(f, h, b, m) in BUILD: (y, n, b, m) in PATH and y - b < lifetime[h]}
                    power_kw[h] / 1000 * block_units * build[f, h, b, m]
                <= room[f, y];

            """
            : """
            # Power: IT MW of the builds alive <= the room the existing units leave (no row without builds).
            s.t. power{f in FACILITY, y in YEAR: exists{(f, h, b) in BUILD} (b <= y and y - b < lifetime[h])}:
                sum{(f, h, b) in BUILD: b <= y and y - b < lifetime[h]} power_kw[h] / 1000 * block_units * build[f, h, b]
                <= room[f, y];

            """
    }

    /// The budget row: one per node of the last year with several nodes a year (the builds on its path).
    private var budgetRow: String {
        parts.nodes
            ? """
            # Budget: capital of the builds on each final node's path (thousands of USD).
            s.t. budget{(l, n) in NODE: l = max{a in YEAR} a}:
                sum{(f, h, y, m) in BUILD: (l, n, y, m) in PATH}
                    unit_capex[f, h] * block_units * money_scale * build[f, h, y, m]
            """
            : """
            # Budget: capital of all builds (thousands of USD).
            s.t. budget:
                sum{(f, h, y) in BUILD} unit_capex[f, h] * block_units * money_scale * build[f, h, y]
            """
    }

    /// The builds' terms of the objective: a node's columns at its probability.
    private var objectiveBuilds: String {
        parts.nodes
            ? """
                - sum{(f, h, y, n) in BUILD} (1 - risk_weight) * node_weight[y, n]
                    * build_cost[f, h, y, n] * block_units * money_scale * build[f, h, y, n]
            """
            : """
                - sum{(f, h, y) in BUILD}
                    (1 - risk_weight) * build_cost[f, h, y] * block_units * money_scale * build[f, h, y]
            """
    }

    private var constraints: String {
        var text = """
            # ---------------------------------------------------------------- constraints
            # Demand: served + unserved + shortfall = demand, per point, year, scenario and slice.
            s.t. demand{(t, z, y, s, k) in DEMAND}:
                sum{(t, z, f, h) in ARC: (f, h, y) in LIVE} serve[t, z, f, h, y, s, k]
                + (if 1 - committed[t] > 0 then unserved[t, z, y, s, k])
                + (if committed[t] > 0 or penalty[t] < 0 then shortfall[t, z, y, s, k])
                = demand_rate[t, z, y, s, k];

            # Capacity: busy accelerators <= installed (existing alive + builds alive), every slice.
            s.t. capacity{(f, h, y, s, k) in CAPACITY}:
                sum{(t, z, f, h) in ARC: (t, z, y, s, k) in DEMAND}
                    serve[t, z, f, h, y, s, k] / eff_throughput[h, workload_of[t], y, s]
            \(capacityBuilds)
                <= existing_alive[f, h, y];

            \(powerRows)
            """
        if parts.budget {
            text +=
                "\n" + """
                    \(budgetRow)
                        <= budget_usd * money_scale;

                    """
        }
        if parts.categoryShare {
            text +=
                "\n" + """
                    # Category share: accelerator-hours of w at f <= max_share x all of f's, per slice (hours cancel).
                    s.t. share{(f, y, s, w) in SHARE}:
                        sum{(t, z, f, h) in ARC, k in SLICE: (f, h, y) in LIVE and (t, z, y, s, k) in DEMAND}
                            (if workload_of[t] = w then 1 - max_share else -max_share) / eff_throughput[h, workload_of[t], y, s]
                            * serve[t, z, f, h, y, s, k]
                        <= 0;

                    """
        }
        if parts.risk {
            text +=
                "\n" + """
                    # CVaR: excess[s] >= -npv[s] - eta, with npv[s] written out (its constant moves right).
                    s.t. cvar{s in SCENARIO}:
                        \(scenarioNPV)
                        + excess[s] + eta >= existing_cost * money_scale;

                    """
        }
        return text
    }
}
