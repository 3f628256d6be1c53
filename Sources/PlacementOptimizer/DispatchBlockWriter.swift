import LinearProgramming
import PlacementModel

/// Appends dispatch blocks to a linear program: the columns and rows docs/design.md §3 gives
/// each (year, scenario), shared by the investment LP and the dispatch-block LPs.
struct DispatchBlockWriter {
    let index: PlacementIndex
    let economics: Economics
    /// Whether rows and columns get their names. The decomposed solve's blocks go unnamed: names
    /// were about a third of a block's memory, kept by GLPK and by the session's model.
    var named = true
    let scale = PlacementProgram.moneyScale

    var study: Study { index.study }

    /// `text` when the writer names rows and columns, else the empty name (not even formatted).
    func label(_ text: @autoclosure () -> String) -> String { named ? text() : "" }

    /// Serve, unserved and shortfall columns and the demand rows of block (y, s).
    /// `objectiveWeight` multiplies the block's value in the LP's objective.
    /// Returns the layout and the capacity terms per (fleet, slice) still to be written.
    func appendDemand(
        to lp: inout LinearProgram, year y: Int, scenario s: Int, objectiveWeight: Double,
        demandScale: [WorkloadID: Double] = [:]
    )
        -> (layout: DispatchBlockLayout, capacityTerms: [[(Variable, Double)]])
    {
        var layout = DispatchBlockLayout(year: y, scenario: s, positions: index.demandPoints.count * index.slices)
        var capacityTerms = Array(repeating: [(Variable, Double)](), count: index.fleets.count * index.slices)
        appendDemand(
            to: &lp, layout: &layout, capacityTerms: &capacityTerms, slices: 0..<index.slices,
            objectiveWeight: objectiveWeight, demandScale: demandScale)
        return (layout, capacityTerms)
    }

    /// Demand point `p`'s rate in slice `k` of block (y, s), before any stress scaling.
    func demandRate(point p: Int, slice k: Int, year y: Int, scenario s: Int) -> Double {
        let point = index.demandPoints[p]
        return economics.demandRate(
            study.tenants[point.tenant], zoneShare: point.share, profileFactor: point.profile[k],
            year: index.years[y], scenario: index.scenarios[s])
    }

    /// The columns and demand rows of `slices` of the block `layout` describes, written into
    /// `layout` and `capacityTerms` (per (fleet, slice)) at those slices' positions.
    func appendDemand(
        to lp: inout LinearProgram, layout: inout DispatchBlockLayout, capacityTerms: inout [[(Variable, Double)]],
        slices range: Range<Int>, objectiveWeight: Double, demandScale: [WorkloadID: Double] = [:]
    ) {
        let y = layout.year
        let s = layout.scenario
        let slices = index.slices
        let hours = economics.hoursPerSlice
        let year = index.years[y]
        let scenario = index.scenarios[s]
        let discount = economics.discountFactor(year: year)
        for (p, point) in index.demandPoints.enumerated() {
            let tenant = study.tenants[point.tenant]
            let zoneLabel = index.zoneNameLabel(of: point)
            let workload = study.workloads[point.workload]
            let stress = demandScale[workload.id] ?? 1
            let price = economics.price(tenant, year: year, scenario: scenario)
            // Each arc's figures depend on neither the slice nor the demand: worked out once per
            // point rather than once per slice (the same numbers; a path rebuilds every block).
            let arcs = point.arcs.compactMap { arc -> ArcFigures? in
                guard index.capacityPossible[arc.fleet][y] else { return nil }
                let facility = study.facilities[arc.facility]
                let hardware = study.hardware[arc.hardware]
                let throughput = economics.effectiveThroughput(hardware, workload.id, year: year, scenario: scenario)
                let energy = economics.energyCostPerAcceleratorHour(facility, hardware, year: year, scenario: scenario)
                return ArcFigures(
                    fleet: arc.fleet, facility: arc.facility, hardware: arc.hardware,
                    margin: discount * hours * (price - energy / throughput) * scale, perUnit: 1 / throughput)
            }
            for k in range {
                let position = p * slices + k
                let rate = demandRate(point: p, slice: k, year: y, scenario: s)
                layout.demandRate[position] = rate
                layout.serveStart[position] = lp.variableCount
                let demand = rate * stress
                guard demand > 0 else { continue }
                let suffix = named ? "\(tenant.id),\(zoneLabel),\(year),\(scenario.id),\(k)" : ""
                var terms: [(Variable, Double)] = []
                terms.reserveCapacity(point.arcs.count + 2)
                for arc in arcs {
                    let column = lp.addVariable(
                        name: label(
                            "serve[\(tenant.id),\(zoneLabel),\(study.facilities[arc.facility].id),"
                                + "\(study.hardware[arc.hardware].id),\(year),\(scenario.id),\(k)]"
                        ),
                        objective: objectiveWeight * arc.margin)
                    terms.append((column, 1))
                    layout.valueTerms.append((column, arc.margin))
                    layout.busyTerms.append((column, arc.perUnit))
                    capacityTerms[arc.fleet * slices + k].append((column, arc.perUnit))
                }
                let uncommitted = 1 - tenant.committedShare
                if uncommitted > 0 {
                    let column = lp.addVariable(name: label("unserved[\(suffix)]"), upper: uncommitted * demand)
                    terms.append((column, 1))
                    layout.unserved[position] = column
                }
                // Shortfall is never cheaper than free unserved demand, so uncommitted tenants
                // with a non-negative penalty need no shortfall column.
                if tenant.committedShare > 0 || tenant.shortfallPenaltyUSDPerUnit < 0 {
                    let penalty = discount * hours * tenant.shortfallPenaltyUSDPerUnit * scale
                    let column = lp.addVariable(
                        name: label("shortfall[\(suffix)]"), objective: -objectiveWeight * penalty)
                    terms.append((column, 1))
                    layout.valueTerms.append((column, -penalty))
                    layout.shortfall[position] = column
                }
                layout.demandRow[position] = lp.addConstraint(
                    name: label("demand[\(suffix)]"), terms: terms, .equal(demand))
            }
        }
    }

    /// Capacity rows of a block: `sum serve / throughput + extra(fleet) <= limit(fleet)` for each
    /// (fleet, slice) that some serve column uses.
    /// `slices` limits the rows to those slices (fleet by fleet, slice by slice within).
    func appendCapacityRows(
        to lp: inout LinearProgram, layout: inout DispatchBlockLayout,
        capacityTerms: [[(Variable, Double)]], slices range: Range<Int>? = nil,
        extra: (Int) -> (terms: [(Variable, Double)], limit: Double)
    ) {
        let slices = index.slices
        let range = range ?? 0..<slices
        let year = index.years[layout.year]
        let scenario = index.scenarios[layout.scenario]
        if layout.capacityRow.isEmpty { layout.capacityRow = Array(repeating: nil, count: index.fleets.count * slices) }
        for (fleet, entry) in index.fleets.enumerated() {
            guard range.contains(where: { !capacityTerms[fleet * slices + $0].isEmpty }) else { continue }
            let tie = extra(fleet)
            let facility = study.facilities[entry.facility]
            let hardware = study.hardware[entry.hardware]
            for k in range {
                let terms = capacityTerms[fleet * slices + k]
                guard !terms.isEmpty else { continue }
                layout.capacityRow[fleet * slices + k] = lp.addConstraint(
                    name: label("capacity[\(facility.id),\(hardware.id),\(year),\(scenario.id),\(k)]"),
                    terms: terms + tie.terms, .lessOrEqual(tie.limit))
            }
        }
    }

    /// Category share (docs/design.md §3, row 5) of a block, in accelerator-hours per slice
    /// (the common factor hours-per-slice is left out).
    func appendShareRows(to lp: inout LinearProgram, layout: DispatchBlockLayout) {
        let share = study.policy.maxCategoryShare
        guard share < 1 else { return }
        let year = index.years[layout.year]
        let scenario = index.scenarios[layout.scenario]
        var serveByFacility = Array(repeating: [(Variable, Int, Double)](), count: study.facilities.count)
        for (p, point) in index.demandPoints.enumerated() {
            for k in 0..<index.slices {
                layout.forEachServe(point: p, slice: k, index: index) { arc, column in
                    let throughput = economics.effectiveThroughput(
                        study.hardware[arc.hardware], study.workloads[point.workload].id,
                        year: year, scenario: scenario)
                    serveByFacility[arc.facility].append((column, point.workload, 1 / throughput))
                }
            }
        }
        for (f, facility) in study.facilities.enumerated() {
            let serve = serveByFacility[f]
            guard !serve.isEmpty else { continue }
            for w in Set(serve.map(\.1)).sorted() {
                let terms = serve.map { ($0.0, ($0.1 == w ? 1 - share : -share) * $0.2) }
                lp.addConstraint(
                    name: label("share[\(facility.id),\(year),\(scenario.id),\(study.workloads[w].id)]"),
                    terms: terms, .lessOrEqual(0))
            }
        }
    }
}

/// One arc's figures in a block: its serve columns' margin (money-scaled, discounted, per work
/// unit) and capacity use per work unit (1 / effective throughput).
private struct ArcFigures {
    let fleet: Int
    let facility: Int
    let hardware: Int
    let margin: Double
    let perUnit: Double
}
