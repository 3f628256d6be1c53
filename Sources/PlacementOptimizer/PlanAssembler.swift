import LinearProgramming
import PlacementModel

/// Puts a ``Plan`` together from what the solve methods produce: the units built, each block's
/// optimal value (the first stage) and its canonical dispatch, and the shadow prices.
///
/// Capacity, book value, fixed O&M and capital follow from the builds; revenue, energy, penalty,
/// utilization and service from the canonical dispatch; the NPV of each scenario from the blocks'
/// optimal values, so it is the first stage's (the canonical stage keeps each value to 1e-9).
///
/// ```swift
/// let plan = PlanAssembler(index: index).plan(built: built, blocks: dispatches, blockValues: values,
///                                             objective: objective, status: status, shadowPrices: prices)
/// ```
public struct PlanAssembler: Sendable {
    public let index: PlacementIndex
    let economics: Economics

    public init(index: PlacementIndex) {
        self.index = index
        economics = Economics(study: index.study)
    }

    /// How the investment solve ended, for the plan's header.
    public struct Status: Sendable {
        public var termination: TerminationStatus
        public var primalStatus: ResultStatus

        public init(termination: TerminationStatus, primalStatus: ResultStatus) {
            self.termination = termination
            self.primalStatus = primalStatus
        }
    }

    /// - Parameters:
    ///   - built: accelerators built per fleet and stage (`index.stages`; per year position with
    ///     here-and-now decisions).
    ///   - blocks: canonical dispatch of every block, at `index.block(year:scenario:)`.
    ///   - blockValues: each block's optimal value in scaled money (discounted).
    ///   - objective: the investment objective in scaled money, including its constant.
    ///   - status: termination and primal status of the investment solve.
    ///   - shadowPrices: the power rows' and the budget row's duals, in USD.
    /// - Returns: the plan, in USD and accelerators.
    public func plan(
        built: [[Double]], blocks: [BlockDispatch], blockValues: [Double], objective: Double,
        status: Status, shadowPrices: (power: [Plan.ShadowPrice], budget: Plan.ShadowPrice?)
    ) -> Plan {
        let study = index.study
        let years = index.years
        let scenarios = index.scenarios
        // Capacity, book value, fixed O&M and capital follow each scenario's path through the tree
        // (docs/design.md §9); with one node a year every scenario has the first one's.
        let perScenario = !index.tree.isSingleNodePerYear
        let paths = (perScenario ? Array(scenarios.indices) : [0]).map { s in
            built.map { index.path($0, scenario: s) }
        }
        let capacities = paths.map { capacity(built: $0) }
        let fleetYears: [Plan.FleetYear] =
            perScenario
            ? capacities[0].rows.indices.flatMap { r in
                scenarios.indices.map { s in
                    var row = capacities[s].rows[r]
                    row.scenario = scenarios[s].id
                    return row
                }
            } : capacities[0].rows
        var dispatch: [Plan.Dispatch] = []
        for (fleet, entry) in index.fleets.enumerated() {
            for y in years.indices {
                for s in scenarios.indices {
                    let use = blocks[index.block(year: y, scenario: s)].fleets[fleet]
                    dispatch.append(
                        Plan.Dispatch(
                            facility: study.facilities[entry.facility].id, hardware: study.hardware[entry.hardware].id,
                            year: years[y], scenario: scenarios[s].id, busyBySlice: use.busyBySlice,
                            hoursByWorkload: use.hoursByWorkload, retiredUnits: use.retiredUnits))
                }
            }
        }
        dispatch += idleDispatch(count: scenarios.count) { scenarios[$0].id }
        var financials: [Plan.Financials] = []
        var npv = Array(repeating: 0.0, count: scenarios.count)
        // Capacity costs of builds plus fixed O&M of existing units, discounted: each path's.
        let costs = InvestmentCosts(index: index, economics: economics)
        let existingFixedOM = costs.existingFixedOM()
        let capacityCosts = paths.map { path in
            var capacityCost = 0.0
            for (fleet, row) in path.enumerated() {
                for (y, units) in row.enumerated() where units != 0 {
                    capacityCost += units * costs.discountedCostPerUnit(fleet: fleet, builtIn: y)
                }
            }
            return capacityCost + existingFixedOM
        }
        for (s, scenario) in scenarios.enumerated() {
            let path = perScenario ? s : 0
            let (fixedOM, capital) = (capacities[path].fixedOM, capacities[path].capital)
            for (y, year) in years.enumerated() {
                let block = blocks[index.block(year: y, scenario: s)]
                financials.append(
                    Plan.Financials(
                        scenario: scenario.id, year: year, revenue: block.revenue, energy: block.energy,
                        fixedOM: fixedOM[y], capital: capital[y], penalty: block.penalty))
                npv[s] += blockValues[index.block(year: y, scenario: s)] / PlacementProgram.moneyScale
            }
            npv[s] -= capacityCosts[path]
        }
        let demand = years.indices.flatMap { y in
            scenarios.indices.flatMap { s in blocks[index.block(year: y, scenario: s)].demand }
        }
        let service = years.indices.flatMap { y in
            scenarios.indices.flatMap { s in blocks[index.block(year: y, scenario: s)].service }
        }
        return Plan(
            termination: status.termination, primalStatus: status.primalStatus,
            objectiveUSD: objective / PlacementProgram.moneyScale, years: years, scenarios: scenarios.map(\.id),
            scenarioWeights: PlacementProgramBuilder.weights(index), workloads: study.workloads.map(\.id),
            fleetYears: fleetYears, dispatch: dispatch, demand: demand, service: service, financials: financials,
            npvByScenario: npv, powerShadowPrices: shadowPrices.power, budgetShadowPrice: shadowPrices.budget,
            unreachable: index.unreachable, hoursPerSlice: economics.hoursPerSlice, decisions: study.decisions,
            nodes: nodes(built: built))
    }

    /// The tree's nodes with what each builds (docs/design.md §9), year by year.
    public func nodes(built: [[Double]]) -> [Plan.Node] {
        let study = index.study
        return index.stages.enumerated().map { stage, position in
            let builds = index.fleets.enumerated().compactMap { fleet, entry -> Plan.Node.Build? in
                let units = Self.cleaned(built[fleet][stage])
                guard units != 0 else { return nil }
                return Plan.Node.Build(
                    facility: study.facilities[entry.facility].id, hardware: study.hardware[entry.hardware].id,
                    units: units)
            }
            return Plan.Node(
                year: index.years[position.year], id: position.node,
                scenarios: index.tree.nodes[position.year][position.node].map { index.scenarios[$0].id },
                builds: builds)
        }
    }

    /// The dispatch of one case (a stress case of the reference scenario, say), per fleet and
    /// year, labelled with `scenario`: `blocks[y]` is year position y's block.
    public func dispatch(of blocks: [BlockDispatch], scenario: ScenarioID) -> [Plan.Dispatch] {
        let study = index.study
        var dispatch: [Plan.Dispatch] = []
        for (fleet, entry) in index.fleets.enumerated() {
            for block in blocks {
                let use = block.fleets[fleet]
                dispatch.append(
                    Plan.Dispatch(
                        facility: study.facilities[entry.facility].id, hardware: study.hardware[entry.hardware].id,
                        year: index.years[block.year], scenario: scenario, busyBySlice: use.busyBySlice,
                        hoursByWorkload: use.hoursByWorkload, retiredUnits: use.retiredUnits))
            }
        }
        return dispatch + idleDispatch(count: 1) { _ in scenario }
    }

    /// Existing units of hardware no arc can use: installed and always idle (the fleet counts them),
    /// so every unit alive can be written off at no loss of value (docs/design.md §4, stranded value).
    private func idleDispatch(count: Int, scenario: (Int) -> ScenarioID) -> [Plan.Dispatch] {
        let study = index.study
        return index.idleExisting.flatMap { pair in
            let facility = study.facilities[pair.facility]
            let hardware = study.hardware[pair.hardware]
            return index.years.flatMap { year in
                let alive = study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                return (0..<count).map { s in
                    Plan.Dispatch(
                        facility: facility.id, hardware: hardware.id,
                        year: year, scenario: scenario(s), busyBySlice: Array(repeating: 0, count: index.slices),
                        hoursByWorkload: Array(repeating: 0, count: study.workloads.count), retiredUnits: alive)
                }
            }
        }
    }

    /// Capacity and book value per fleet and year (the idle existing fleets last), with fixed
    /// O&M and capital per year position.
    public func capacity(built: [[Double]]) -> (rows: [Plan.FleetYear], fixedOM: [Double], capital: [Double]) {
        let study = index.study
        let years = index.years
        var rows: [Plan.FleetYear] = []
        var fixedOM = Array(repeating: 0.0, count: years.count)
        var capital = fixedOM
        let pairs =
            index.fleets.enumerated().map { ($1, built[$0]) }
            + index.idleExisting.map { ($0, Array(repeating: 0.0, count: years.count)) }
        for (pair, builds) in pairs {
            let facility = study.facilities[pair.facility]
            let hardware = study.hardware[pair.hardware]
            let unitCapex = facility.unitCapexUSD(of: hardware)
            let existingYear = study.horizon.existingInstallYear
            for (y, year) in years.enumerated() {
                let existing = study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                // Vintages: existing units (installed start - 1), then each year's builds.
                var installed = existing
                var book =
                    existing > 0 ? existing * unitCapex * depreciation(hardware, from: existingYear, to: year) : 0
                for earlier in 0...y
                where builds[earlier] != 0 && hardware.isAlive(installedIn: years[earlier], in: year) {
                    installed += builds[earlier]
                    book += builds[earlier] * unitCapex * depreciation(hardware, from: years[earlier], to: year)
                }
                rows.append(
                    Plan.FleetYear(
                        facility: facility.id, hardware: hardware.id, year: year, built: Self.cleaned(builds[y]),
                        capacity: Self.cleaned(installed), existing: existing, unitCapexUSD: unitCapex,
                        powerKW: hardware.powerKW, bookValueUSD: book))
                fixedOM[y] += installed * economics.fixedOMPerUnitYear(facility, hardware)
                capital[y] += (installed - existing) * economics.capitalPerUnitYear(facility, hardware)
            }
        }
        return (rows, fixedOM, capital)
    }

    /// Straight-line book value factor of a unit installed in `installYear`, in `year`.
    func depreciation(_ hardware: Hardware, from installYear: Int, to year: Int) -> Double {
        max(0, 1 - Double(year - installYear) / Double(hardware.lifetimeYears))
    }

    /// Shadow prices of power and budget (LP only): the rows' duals, from objective units
    /// (thousands of USD) to USD per MW and USD per USD. The investment LP and the decomposition's
    /// master both hold these rows.
    public static func shadowPrices(
        solution: Solution, model: LinearProgram, powerRows: [[[Constraint]]],
        budgetRows: [Constraint], index: PlacementIndex
    )
        -> (power: [Plan.ShadowPrice], budget: Plan.ShadowPrice?)
    {
        guard let duals = solution.dual, let primal = solution.primal else { return ([], nil) }
        func binding(_ row: Constraint) -> Bool {
            let limit = model.bound(of: row).upper
            return abs(primal[row] - limit) <= 1e-7 * max(1, abs(limit))
        }
        // With several nodes a year, one more MW (or USD) relaxes every node's row: the price is
        // the sum of their duals, binding when any binds.
        func dual(_ rows: [Constraint]) -> Double {
            rows.count == 1 ? duals[rows[0]] : rows.reduce(0) { $0 + duals[$1] }
        }
        var power: [Plan.ShadowPrice] = []
        for (f, facility) in index.study.facilities.enumerated() {
            for (y, year) in index.years.enumerated() {
                let rows = powerRows[f][y]
                guard !rows.isEmpty else { continue }
                power.append(
                    Plan.ShadowPrice(
                        facility: facility.id, year: year,
                        value: dual(rows) / PlacementProgram.moneyScale, binding: rows.contains(where: binding)))
            }
        }
        let budget =
            budgetRows.isEmpty
            ? nil
            : Plan.ShadowPrice(
                facility: nil, year: nil, value: dual(budgetRows), binding: budgetRows.contains(where: binding))
        return (power, budget)
    }

    /// Units built, read from a solver's column value: never negative (a simplex may return a
    /// nonnegative column at -1e-8, within its tolerance, which as capacity would make a block
    /// infeasible), and noise below 1e-9 units reads as zero.
    public static func units(_ value: Double) -> Double { cleaned(max(0, value)) }

    /// Solver noise below 1e-9 units reads as zero.
    public static func cleaned(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}
