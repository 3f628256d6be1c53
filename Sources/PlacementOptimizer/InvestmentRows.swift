import LinearProgramming
import PlacementModel

/// The investment formulation's build columns and the rows that tie them together, written once
/// for the investment LP and the decomposition's master (docs/design.md §3: the build columns,
/// rows 3 and 4, and the CVaR rows 6), with the coefficients of ``InvestmentObjective``.
///
/// ```swift
/// let rows = InvestmentRows(index: index, objective: InvestmentObjective(index: index))
/// let builds = rows.addBuildColumns(to: &lp, rounding: .wholeLP)
/// let power = rows.addPowerRows(to: &lp, build: builds.build)
/// let budget = rows.addBudgetRows(to: &lp, build: builds.build)
/// let risk = rows.addRiskRows(to: &lp, npv: builds.npv)   // after adding each block's value to npv
/// ```
struct InvestmentRows {
    let index: PlacementIndex
    let objective: InvestmentObjective

    /// The build columns as written.
    struct BuildColumns {
        /// `build[fleet][stage]`; nil where the fleet cannot be built that year.
        var build: [[Variable?]]
        /// Each column with its discounted cost per unit of the column (scaled money), in column order.
        var costs: [(Variable, Double)] = []
        /// Each column's scenarios (positions): the scenarios of its node, whose NPV it costs, in
        /// column order.
        var scenarios: [[Int]] = []
        /// Each column's largest size, the units of the column its facility's power allows (at
        /// least 1), in column order.
        var largest: [Double] = []
        /// Each scenario's NPV as an expression (scaled money): less the builds' costs and the
        /// existing units' fixed O&M. The caller adds the value of the scenario's dispatch.
        var npv: [LinearExpression]
    }

    /// The name of a row or column of year position `y` and node `node`: `base[..,year]`, with
    /// `,n<node>` when the year has more than one node (docs/design.md §9).
    func staged(_ base: String, year y: Int, node: Int) -> String {
        index.tree.nodes[y].count == 1 ? "\(base),\(index.years[y])]" : "\(base),\(index.years[y]),n\(node)]"
    }

    /// `build[f,h,y]` (`build[f,h,y,n<k>]` for node k of a year with several): units of
    /// `index.buildUnitSize` accelerators of fleet (f, h) added at the start of year y, one column per
    /// buildable fleet and stage, fleet-major; the objective's constant. A node's column weighs in
    /// the expectation by its scenarios' probability. `rounding`: the program's order of rounding
    /// the columns' coefficients.
    func addBuildColumns(to lp: inout LinearProgram, rounding: InvestmentObjective.Rounding) -> BuildColumns {
        let study = index.study
        let costs = InvestmentCosts(index: index, economics: Economics(study: study))
        let integer = study.integerBuildUnits != nil
        let buildUnitSize = index.buildUnitSize
        var columns = BuildColumns(
            build: Array(repeating: Array(repeating: nil, count: index.stages.count), count: index.fleets.count),
            npv: Array(repeating: LinearExpression(), count: index.scenarios.count))
        for (fleet, entry) in index.fleets.enumerated() {
            let facility = study.facilities[entry.facility]
            let hardware = study.hardware[entry.hardware]
            for (y, year) in index.years.enumerated() where index.buildable[fleet][y] {
                let discounted = costs.discountedCostPerUnit(fleet: fleet, builtIn: y)
                let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
                let most = hardware.powerKW > 0 ? room * 1000 / hardware.powerKW / buildUnitSize : 1
                // Integer columns get the bound the power row implies (a tighter MIP, and explicit
                // bounds in exported files); continuous ones none, so the power row keeps its dual.
                let upper = integer && hardware.powerKW > 0 ? most.rounded(.down) : Double.infinity
                let coefficient = objective.buildCoefficient(
                    discounted: discounted, buildUnitSize: buildUnitSize, rounding: rounding)
                let nodes = index.tree.nodes[y]
                for (node, members) in nodes.enumerated() {
                    // One node holds every scenario: its weight is 1, left out so the coefficient
                    // is today's to the bit.
                    let weight = nodes.count == 1 ? 1 : members.reduce(0) { $0 + objective.weights[$1] }
                    let column = lp.addVariable(
                        name: staged("build[\(facility.id),\(hardware.id)", year: y, node: node), lower: 0,
                        upper: upper, objective: nodes.count == 1 ? coefficient : coefficient * weight,
                        isInteger: integer)
                    let cost = discounted * buildUnitSize * PlacementProgram.moneyScale
                    columns.build[fleet][index.stage(year: y, node: node)] = column
                    columns.costs.append((column, cost))
                    columns.scenarios.append(members)
                    columns.largest.append(max(1, most))
                    for s in members { columns.npv[s].add(column, -cost) }
                }
            }
        }
        // Fixed O&M of existing units is a constant of every scenario's NPV.
        lp.objectiveConstant = objective.constant
        for s in index.scenarios.indices { columns.npv[s].constant -= objective.existingCost }
        return columns
    }

    /// `sum of alive builds x kW / 1000 <= power_mw - existing MW` per facility, year and node of
    /// that year (every scenario of a node has the same capacity then); empty where no build
    /// column is alive (the loader has checked that existing units fit).
    func addPowerRows(to lp: inout LinearProgram, build: [[Variable?]]) -> [[[Constraint]]] {
        let study = index.study
        var rows = Array(
            repeating: [[Constraint]](repeating: [], count: index.years.count), count: study.facilities.count)
        for (f, facility) in study.facilities.enumerated() {
            for (y, year) in index.years.enumerated() {
                for (node, members) in index.tree.nodes[y].enumerated() {
                    var terms: [(Variable, Double)] = []
                    for (fleet, entry) in index.fleets.enumerated() where entry.facility == f {
                        let kw = study.hardware[entry.hardware].powerKW
                        for built in index.buildYearsAlive(fleet: fleet, in: y) {
                            if let column = build[fleet][index.stage(year: built, scenario: members[0])] {
                                terms.append((column, kw / 1000 * index.buildUnitSize))
                            }
                        }
                    }
                    guard !terms.isEmpty else { continue }
                    let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
                    rows[f][y].append(
                        lp.addConstraint(
                            name: staged("power[\(facility.id)", year: y, node: node), terms: terms,
                            .lessOrEqual(room)))
                }
            }
        }
        return rows
    }

    /// `sum of builds x unit capex <= budget` (scaled money) along each scenario's path, when the
    /// study sets a budget: one row per node of the last year (`budget`, or `budget[n<k>]` with
    /// several), since the scenarios of a final node share every build.
    func addBudgetRows(to lp: inout LinearProgram, build: [[Variable?]]) -> [Constraint] {
        let study = index.study
        let scale = PlacementProgram.moneyScale
        guard let budget = study.budgetUSD, let last = index.years.indices.last else { return [] }
        let leaves = index.tree.nodes[last]
        var rows: [Constraint] = []
        for (node, members) in leaves.enumerated() {
            var terms: [(Variable, Double)] = []
            for (fleet, entry) in index.fleets.enumerated() {
                let unitCapex = study.facilities[entry.facility].unitCapexUSD(of: study.hardware[entry.hardware])
                for y in index.years.indices {
                    if let column = build[fleet][index.stage(year: y, scenario: members[0])] {
                        terms.append((column, unitCapex * index.buildUnitSize * scale))
                    }
                }
            }
            guard !terms.isEmpty else { continue }
            rows.append(
                lp.addConstraint(
                    name: leaves.count == 1 ? "budget" : "budget[n\(node)]", terms: terms,
                    .lessOrEqual(budget * scale)))
        }
        return rows
    }

    /// CVaR of the NPV loss, when the objective weighs it: `eta` and `excess[s] >= -npv[s] - eta`
    /// per scenario (docs/design.md §3, row 6), `npv` each scenario's whole NPV.
    func addRiskRows(
        to lp: inout LinearProgram, npv: [LinearExpression]
    ) -> (eta: Variable, excess: [Variable], rows: [Constraint])? {
        guard objective.riskWeight > 0 else { return nil }
        let eta = lp.addVariable(name: "eta", lower: -.infinity, upper: .infinity, objective: objective.etaCoefficient)
        var excess: [Variable] = []
        var rows: [Constraint] = []
        for (s, scenario) in index.scenarios.enumerated() {
            let column = lp.addVariable(
                name: "excess[\(scenario.id)]", objective: objective.excessCoefficient(scenario: s))
            excess.append(column)
            var row = npv[s].combined()
            row.add(column, 1)
            row.add(eta, 1)
            rows.append(lp.addConstraint(name: "cvar[\(scenario.id)]", row, .greaterOrEqual(0)))
        }
        return (eta, excess, rows)
    }
}
