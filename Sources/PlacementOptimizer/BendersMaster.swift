import LinearProgramming
import PlacementModel

/// The master problem of the decomposed solve: the build columns with the power, budget and CVaR
/// rows, written as in the investment LP (``InvestmentRows``), and one value column `theta[b]` per
/// (year, scenario) block in place of its dispatch.
/// Optimality cuts (``cut(block:value:capacityDuals:installed:)``) bound each `theta` from above. They are
/// written in capacity columns `capacity[f,y]`, the units of fleet `f` built and alive in year
/// `y` (`capacity[f,y] = sum of build[f,y']` over the build years alive then), so that a cut has one
/// term per fleet whatever the number of build years: the master's nonzeros, and its simplex
/// work, grow with the cuts.
///
/// It also carries the level-set regularisation (Lemaréchal, Nemirovskii and Nesterov; as in
/// Pecci and Jenkins's regularized Benders): deviation columns `up[j] - down[j] = build[j] - centre[j]`
/// and a `level` row, the objective's terms without its constant: `objective - constant >= level -
/// constant`. Released (zero cost, free level row) the master is the
/// plain cutting-plane model; in the level stage it minimises the weighted L1 distance to the
/// centre subject to the model reaching the level.
///
/// ```swift
/// let master = BendersMaster(index: index, valueBounds: bounds)
/// var lp = master.model
/// let cut = master.cut(block: 0, value: v, capacityDuals: duals, installed: capacity)
/// lp.addConstraints([cut.constraint(name: "cut")])
/// ```
public struct BendersMaster: Sendable {
    public var model: LinearProgram
    public let index: PlacementIndex
    /// `build[fleet][stage]`, as in the investment LP.
    public let build: [[Variable?]]
    /// The build columns in order, for the regularisation.
    public let buildColumns: [Variable]
    /// `theta[block]`, blocks at `index.block(year:scenario:)`.
    public let theta: [Variable]
    /// `capacityByNode[fleet][year][node]`: build columns' units alive that year along the node's
    /// scenarios' path (the same for every scenario of a node of that year); nil where no build
    /// column is.
    public let capacityByNode: [[[Variable?]]]
    /// `capacity[fleet][year]`: the first node's capacity column of each year (every column, with
    /// here-and-now decisions).
    public var capacity: [[Variable?]] { capacityByNode.map { $0.map { $0[0] } } }
    /// `power[facility][year]`, one row per node of the year that has one.
    public let powerRows: [[[Constraint]]]
    /// The budget rows, one per node of the last year.
    public let budgetRows: [Constraint]
    /// The power rows of the first node of each year (every row, with here-and-now decisions).
    public var powerRow: [[Constraint?]] { powerRows.map { $0.map(\.first) } }
    /// The first budget row (the budget row, with here-and-now decisions).
    public var budgetRow: Constraint? { budgetRows.first }
    /// `centre[j]`: `build[j] - up[j] + down[j] = centre_j`, one per build column.
    public let centreRow: [Constraint]
    /// Weighted L1 distance to the centre, as objective terms of the level stage (to be maximised).
    public let distanceObjective: [(Variable, Double)]
    /// The objective's terms, without its constant (`model.objectiveConstant`), as a row.
    public let levelRow: Constraint
    /// Every column, for replacing the whole objective.
    public let columns: [Variable]
    /// The investment objective: its coefficients as written here, and its value at given builds.
    public let objective: InvestmentObjective
    /// Discounted cost of each build column per unit of the column (scaled money): what it takes
    /// from the NPV of each scenario of its node. ``reprice(fleet:unitCapexUSD:)`` changes a fleet's.
    public internal(set) var buildCosts: [(Variable, Double)]
    /// The scenarios (positions) of each build column's node, parallel to ``buildCosts``.
    public let buildScenarios: [[Int]]
    /// Each build column's cost as the CVaR rows have it, in ``buildCosts`` order: the study's,
    /// whatever the repricing, while every year has one node (docs/design.md §10, break-even prices).
    let writtenCosts: [Double]
    /// The CVaR rows, one per scenario (none without CVaR in the objective): with several nodes a
    /// year, repricing changes their entries (``reprice(fleet:unitCapexUSD:)``).
    let riskRows: [Constraint]

    /// Each stage's probability (build stages, ``PlacementIndex/stages``): its node's scenarios'
    /// weights together, exactly 1 where the year has one node, so that weighted sums are the
    /// plain sums, bit for bit, with here-and-now decisions.
    public var stageWeights: [Double] {
        index.stages.map { y, node in
            index.tree.nodes[y].count == 1 ? 1 : index.tree.nodes[y][node].reduce(0) { $0 + objective.weights[$1] }
        }
    }

    /// - Parameters:
    ///   - index: the study's index (builds, years, blocks).
    ///   - valueBounds: an upper bound on each block's value (scaled money), so the first
    ///     master is bounded before any cut.
    public init(index: PlacementIndex, valueBounds: [Double]) {
        self.index = index
        let study = index.study
        let objective = InvestmentObjective(index: index)
        self.objective = objective
        let rows = InvestmentRows(index: index, objective: objective)
        var lp = LinearProgram(name: "master", sense: .maximize)
        let builds = rows.addBuildColumns(to: &lp, rounding: .master)
        let build = builds.build
        var npv = builds.npv
        self.build = build
        buildCosts = builds.costs
        buildScenarios = builds.scenarios
        writtenCosts = builds.costs.map(\.1)
        buildColumns = build.flatMap { $0.compactMap { $0 } }
        var theta: [Variable] = []
        for (y, year) in index.years.enumerated() {
            for (s, scenario) in index.scenarios.enumerated() {
                let column = lp.addVariable(
                    name: "theta[\(year),\(scenario.id)]", lower: -.infinity,
                    upper: valueBounds[index.block(year: y, scenario: s)],
                    objective: objective.valueWeight(scenario: s))
                theta.append(column)
                npv[s].add(column, 1)
            }
        }
        self.theta = theta
        capacityByNode = index.fleets.indices.map { fleet in
            index.years.indices.map { y in
                index.tree.nodes[y].enumerated().map { node, members in
                    let alive = index.buildYearsAlive(fleet: fleet, in: y).compactMap {
                        build[fleet][index.stage(year: $0, scenario: members[0])]
                    }
                    guard !alive.isEmpty else { return nil }
                    let entry = index.fleets[fleet]
                    let name = rows.staged(
                        "\(study.facilities[entry.facility].id),\(study.hardware[entry.hardware].id)", year: y,
                        node: node
                    ).dropLast()
                    let column = lp.addVariable(name: "capacity[\(name)]", lower: 0, upper: .infinity, objective: 0)
                    lp.addConstraint(
                        name: "alive[\(name)]", terms: [(column, 1)] + alive.map { ($0, -1) }, .equal(0))
                    return column
                }
            }
        }

        powerRows = rows.addPowerRows(to: &lp, build: build)
        budgetRows = rows.addBudgetRows(to: &lp, build: build)
        riskRows = rows.addRiskRows(to: &lp, npv: npv)?.rows ?? []
        // The objective's terms: the level row's left side.
        let objectiveTerms = lp.variables.map { ($0, lp.objectiveCoefficient(of: $0)) }.filter { $0.1 != 0 }

        // Regularisation: deviations from the centre, weighted by each column's largest size.
        var centreRow: [Constraint] = []
        var distance: [(Variable, Double)] = []
        for (position, column) in buildColumns.enumerated() {
            let name = lp.name(of: column).dropFirst("build".count)
            let up = lp.addVariable(name: "up\(name)")
            let down = lp.addVariable(name: "down\(name)")
            centreRow.append(
                lp.addConstraint(name: "centre\(name)", terms: [(column, 1), (up, -1), (down, 1)], .equal(0)))
            distance += [(up, -1 / builds.largest[position]), (down, -1 / builds.largest[position])]
        }
        self.centreRow = centreRow
        distanceObjective = distance
        levelRow = lp.addConstraint(name: "level", terms: objectiveTerms, .free)
        columns = lp.variables
        model = lp
    }

    /// Capacity duals at or below this magnitude are taken as zero in a cut.
    public static let dualNoise = 1e-9

    /// The optimality cut of one block evaluated at installed capacity `installed` (per fleet):
    /// `theta[b] <= value + sum_q dual_q * (cap_q(build) - installed_q)`, where `dual_q` sums the
    /// capacity rows' duals of fleet q over the block's slices.
    public func cut(block: Int, value: Double, capacityDuals: [Double], installed: [Double]) -> BendersCut {
        let (y, s) = index.position(ofBlock: block)
        let node = index.tree.node(year: y, scenario: s)
        var terms: [(Variable, Double)] = []
        var rhs = value
        // Duals below 1e-9 (scaled money per accelerator-year, where real ones are above 1e-5) are the
        // factorization's round-off: as coefficients they would wreck the master's scaling.
        for (fleet, dual) in capacityDuals.enumerated() where abs(dual) > Self.dualNoise {
            rhs -= dual * (installed[fleet] - index.existingAlive(fleet: fleet, in: y))
            if let column = capacityByNode[fleet][y][node] { terms.append((column, -dual * index.buildUnitSize)) }
        }
        return BendersCut(block: block, theta: theta[block], terms: terms, rhs: rhs)
    }

    /// The investment objective (scaled money) the builds at master point `values` reach when the
    /// blocks are worth `blockValues` (each block's value-stage optimum at those builds).
    public func objectiveValue(builds values: [Double], blockValues: [Double]) -> Double {
        var costs = Array(repeating: 0.0, count: index.scenarios.count)
        for ((column, cost), scenarios) in zip(buildCosts, buildScenarios) {
            for s in scenarios { costs[s] += cost * values[column.index] }
        }
        return objective.value(
            npv: objective.scenarioNPV(buildCosts: costs, blockValues: blockValues, index: index))
    }

    /// Units built per fleet and stage (accelerators) at a master point.
    public func builtUnits(_ values: [Double]) -> [[Double]] {
        build.map { row in
            row.map { column in column.map { PlanAssembler.units(values[$0.index] * index.buildUnitSize) } ?? 0 }
        }
    }
}
