import LinearProgramming
import PlacementModel

/// The master problem of the decomposed solve: the build columns with the power, budget and CVaR
/// rows, and one value column `theta[b]` per (year, scenario) block in place of its dispatch.
/// Optimality cuts (``cut(block:value:capacityDuals:installed:)``) bound each `theta` from above. They are
/// written in capacity columns `capacity[f,y]`, the units of fleet `f` built and alive in year
/// `y` (`capacity[f,y] = sum of build[f,y']` over the build years alive then), so that a cut has one
/// term per fleet whatever the number of build years: the master's nonzeros, and its simplex
/// work, grow with the cuts.
///
/// It also carries the level-set regularisation (Lemaréchal, Nemirovskii and Nesterov; as in
/// Pecci and Jenkins's regularized Benders): deviation columns `up[j] - down[j] = build[j] - centre[j]`
/// and a `level` row `objective >= level`. Released (zero cost, free level row) the master is the
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
    /// `build[fleet][year]`, as in the investment LP.
    public let build: [[Variable?]]
    /// The build columns in order, for the regularisation.
    public let buildColumns: [Variable]
    /// `theta[block]`, blocks at `index.block(year:scenario:)`.
    public let theta: [Variable]
    /// `capacity[fleet][year]`: build columns' units alive that year; nil where no build column is.
    public let capacity: [[Variable?]]
    public let powerRow: [[Constraint?]]
    public let budgetRow: Constraint?
    /// `centre[j]`: `build[j] - up[j] + down[j] = centre_j`, one per build column.
    public let centreRow: [Constraint]
    /// Weighted L1 distance to the centre, as objective terms of the level stage (to be maximised).
    public let distanceObjective: [(Variable, Double)]
    public let levelRow: Constraint
    /// Every column, for replacing the whole objective.
    public let columns: [Variable]
    /// Scenario weights of the expectation.
    public let weights: [Double]
    /// Discounted cost of each build column per unit of the column (scaled money): what it takes
    /// from every scenario's NPV.
    public let buildCosts: [(Variable, Double)]

    /// - Parameters:
    ///   - index: the study's index (builds, years, blocks).
    ///   - valueBounds: an upper bound on each block's value (scaled money), so the first
    ///     master is bounded before any cut.
    public init(index: PlacementIndex, valueBounds: [Double]) {
        self.index = index
        let study = index.study
        let economics = Economics(study: study)
        let costs = InvestmentCosts(index: index, economics: economics)
        let scale = PlacementProgram.moneyScale
        let riskWeight = study.risk.weight
        let weights = PlacementProgramBuilder.weights(index)
        self.weights = weights
        var lp = LinearProgram(name: "master", sense: .maximize)
        var build = Array(repeating: [Variable?](repeating: nil, count: index.years.count), count: index.fleets.count)
        var npv = Array(repeating: LinearExpression(), count: index.scenarios.count)
        var scaleOf: [Double] = []
        var buildCosts: [(Variable, Double)] = []
        let integer = study.integerBlockUnits != nil
        for (fleet, entry) in index.fleets.enumerated() {
            let facility = study.facilities[entry.facility]
            let hardware = study.hardware[entry.hardware]
            for (y, year) in index.years.enumerated() where index.buildable[fleet][y] {
                let cost = costs.discountedCostPerUnit(fleet: fleet, builtIn: y) * index.blockUnits * scale
                let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
                let most = hardware.powerKW > 0 ? room * 1000 / hardware.powerKW / index.blockUnits : 1
                let upper = integer && hardware.powerKW > 0 ? most.rounded(.down) : Double.infinity
                let column = lp.addVariable(
                    name: "build[\(facility.id),\(hardware.id),\(year)]", lower: 0, upper: upper,
                    objective: -(1 - riskWeight) * cost, isInteger: integer)
                build[fleet][y] = column
                scaleOf.append(max(1, most))
                buildCosts.append((column, cost))
                for s in index.scenarios.indices { npv[s].add(column, -cost) }
            }
        }
        self.build = build
        self.buildCosts = buildCosts
        buildColumns = build.flatMap { $0.compactMap { $0 } }
        let constant = costs.existingFixedOM() * scale
        lp.objectiveConstant = -(1 - riskWeight) * constant
        var theta: [Variable] = []
        for (y, year) in index.years.enumerated() {
            for (s, scenario) in index.scenarios.enumerated() {
                let column = lp.addVariable(
                    name: "theta[\(year),\(scenario.id)]", lower: -.infinity,
                    upper: valueBounds[index.block(year: y, scenario: s)],
                    objective: (1 - riskWeight) * weights[s])
                theta.append(column)
                npv[s].add(column, 1)
            }
        }
        self.theta = theta
        capacity = index.fleets.indices.map { fleet in
            index.years.indices.map { y in
                let alive = index.buildYearsAlive(fleet: fleet, in: y).compactMap { build[fleet][$0] }
                guard !alive.isEmpty else { return nil }
                let entry = index.fleets[fleet]
                let name =
                    "\(study.facilities[entry.facility].id),\(study.hardware[entry.hardware].id),\(index.years[y])"
                let column = lp.addVariable(name: "capacity[\(name)]", lower: 0, upper: .infinity, objective: 0)
                lp.addConstraint(
                    name: "alive[\(name)]", terms: [(column, 1)] + alive.map { ($0, -1) }, .equal(0))
                return column
            }
        }
        for s in index.scenarios.indices { npv[s].constant -= constant }

        let rows = InvestmentRows(index: index)
        powerRow = rows.addPowerRows(to: &lp, build: build)
        budgetRow = rows.addBudgetRow(to: &lp, build: build)
        if riskWeight > 0 {
            let column = lp.addVariable(name: "eta", lower: -.infinity, upper: .infinity, objective: -riskWeight)
            for (s, scenario) in index.scenarios.enumerated() {
                let slack = lp.addVariable(
                    name: "excess[\(scenario.id)]",
                    objective: -riskWeight * weights[s] / (1 - study.risk.alpha))
                var row = npv[s].combined()
                row.add(slack, 1)
                row.add(column, 1)
                lp.addConstraint(name: "cvar[\(scenario.id)]", row, .greaterOrEqual(0))
            }
        }
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
            distance += [(up, -1 / scaleOf[position]), (down, -1 / scaleOf[position])]
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
        let y = index.position(ofBlock: block).year
        var terms: [(Variable, Double)] = []
        var rhs = value
        // Duals below 1e-9 (scaled money per accelerator-year, where real ones are above 1e-5) are the
        // factorization's round-off: as coefficients they would wreck the master's scaling.
        for (fleet, dual) in capacityDuals.enumerated() where abs(dual) > Self.dualNoise {
            rhs -= dual * (installed[fleet] - index.existingAlive(fleet: fleet, in: y))
            if let column = capacity[fleet][y] { terms.append((column, -dual * index.blockUnits)) }
        }
        return BendersCut(block: block, theta: theta[block], terms: terms, rhs: rhs)
    }

    /// Units built per fleet and year position (accelerators) at a master point.
    public func builtUnits(_ values: [Double]) -> [[Double]] {
        build.map { row in
            row.map { column in column.map { PlanAssembler.units(values[$0.index] * index.blockUnits) } ?? 0 }
        }
    }
}
