import LinearProgramming
import PlacementModel

/// Builds the investment ``PlacementProgram`` of a study (docs/design.md §3).
///
/// Pruned, because they cannot carry anything (see docs/formulation.md):
/// serve columns of arcs that fail a filter, of zero demand, or of a fleet with no possible
/// capacity that year; build columns in years with no power; unserved columns of fully
/// committed tenants and shortfall columns of uncommitted ones; power rows without build
/// columns; share rows of workloads with no arc at the facility.
///
/// ```swift
/// let program = try PlacementProgramBuilder(study: study).build()
/// let solution = try GLPKSolver().solve(program.model)
/// ```
public struct PlacementProgramBuilder: Sendable {
    public let study: Study
    public let options: ProgramOptions

    public struct BuildError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(study: Study, options: ProgramOptions = ProgramOptions()) {
        self.study = study
        self.options = options
    }

    /// The study resolved to positions (arcs, demand points, buildable years) for these options.
    public func makeIndex() throws -> PlacementIndex {
        PlacementIndex(study: study, scenarios: try selectedScenarios())
    }

    public func build() throws -> PlacementProgram {
        try build(index: makeIndex())
    }

    /// Builds on an index made by ``makeIndex()`` (to share it with other programs of the study).
    public func build(index: PlacementIndex) throws -> PlacementProgram {
        var state = InvestmentBuildState(index: index, options: options)
        try state.check()
        state.addBuildColumns()
        state.addBlocks()
        state.addPowerRows()
        state.addBudgetRow()
        state.addRiskTerms()
        return state.finish()
    }

    private func selectedScenarios() throws -> [Scenario] {
        guard let wanted = options.scenarios else { return study.scenarios }
        let chosen = study.scenarios.filter { wanted.contains($0.id) }
        guard chosen.count == Set(wanted).count else {
            let missing = wanted.filter { id in !study.scenarios.contains { $0.id == id } }
            throw BuildError(description: "unknown scenario(s): \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return chosen
    }

    /// Scenario weights in the expectation: probabilities renormalised over the index's scenarios.
    static func weights(_ index: PlacementIndex) -> [Double] {
        let total = index.scenarios.reduce(0) { $0 + $1.probability }
        return index.scenarios.map { total > 0 ? $0.probability / total : 1 / Double(index.scenarios.count) }
    }
}

/// The mutable work of one investment build.
private struct InvestmentBuildState {
    let index: PlacementIndex
    let options: ProgramOptions
    let economics: Economics
    let writer: DispatchBlockWriter
    let scale = PlacementProgram.moneyScale
    let weights: [Double]
    let riskWeight: Double
    var study: Study { index.study }

    var lp = LinearProgram(name: "placement", sense: .maximize)
    var build: [[Variable?]]
    var blocks: [DispatchBlockLayout] = []
    var powerRow: [[Constraint?]]
    var budgetRow: Constraint?
    var eta: Variable?
    var excess: [Variable] = []
    /// NPV of each scenario as an expression (for the CVaR rows), in scaled money.
    var npv: [LinearExpression]

    init(index: PlacementIndex, options: ProgramOptions) {
        self.index = index
        self.options = options
        economics = Economics(study: index.study)
        writer = DispatchBlockWriter(index: index, economics: economics)
        weights = PlacementProgramBuilder.weights(index)
        riskWeight = index.study.risk.weight
        build = Array(repeating: Array(repeating: nil, count: index.years.count), count: index.fleets.count)
        powerRow = Array(
            repeating: Array(repeating: nil, count: index.years.count), count: index.study.facilities.count)
        npv = Array(repeating: LinearExpression(), count: index.scenarios.count)
    }

    func check() throws {
        if riskWeight > 0 && !(study.risk.alpha < 1) {
            throw PlacementProgramBuilder.BuildError(description: "risk.alpha must be below 1 when risk.weight > 0")
        }
    }

    // MARK: Builds

    mutating func addBuildColumns() {
        let integer = study.integerBlockUnits != nil
        let blockUnits = index.blockUnits
        for (fleet, entry) in index.fleets.enumerated() {
            let facility = study.facilities[entry.facility]
            let hardware = study.hardware[entry.hardware]
            let cost = InvestmentCosts(index: index, economics: economics)
            for (y, year) in index.years.enumerated() where index.buildable[fleet][y] {
                let discounted = cost.discountedCostPerUnit(fleet: fleet, builtIn: y)
                // Integer columns get the bound the power row implies (a tighter MIP, and explicit
                // bounds in exported files); continuous ones none, so the power row keeps its dual.
                var upper = Double.infinity
                if integer && hardware.powerKW > 0 {
                    let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
                    upper = (room * 1000 / hardware.powerKW / blockUnits).rounded(.down)
                }
                let column = lp.addVariable(
                    name: "build[\(facility.id),\(hardware.id),\(year)]", lower: 0, upper: upper,
                    objective: -(1 - riskWeight) * discounted * blockUnits * scale, isInteger: integer)
                build[fleet][y] = column
                for s in index.scenarios.indices { npv[s].add(column, -discounted * blockUnits * scale) }
            }
        }
        // Fixed O&M of existing units is a constant of every scenario's NPV.
        let existingCost = InvestmentCosts(index: index, economics: economics).existingFixedOM() * scale
        lp.objectiveConstant = -(1 - riskWeight) * existingCost
        for s in index.scenarios.indices { npv[s].constant -= existingCost }
    }

    // MARK: Dispatch blocks

    mutating func addBlocks() {
        for y in index.years.indices {
            for s in index.scenarios.indices {
                var (layout, capacityTerms) = writer.appendDemand(
                    to: &lp, year: y, scenario: s, objectiveWeight: (1 - riskWeight) * weights[s])
                for (column, margin) in layout.valueTerms { npv[s].add(column, margin) }
                let build = self.build
                writer.appendCapacityRows(to: &lp, layout: &layout, capacityTerms: capacityTerms) { fleet in
                    let builds = index.buildYearsAlive(fleet: fleet, in: y).compactMap { build[fleet][$0] }
                    return (builds.map { ($0, -index.blockUnits) }, index.existingAlive(fleet: fleet, in: y))
                }
                writer.appendShareRows(to: &lp, layout: layout)
                blocks.append(layout)
            }
        }
    }

    // MARK: Linking rows

    mutating func addPowerRows() {
        powerRow = InvestmentRows(index: index).addPowerRows(to: &lp, build: build)
    }

    mutating func addBudgetRow() {
        budgetRow = InvestmentRows(index: index).addBudgetRow(to: &lp, build: build)
    }

    /// CVaR of the NPV loss: excess[s] >= -npv[s] - eta (docs/design.md §3, row 6).
    mutating func addRiskTerms() {
        guard riskWeight > 0 else { return }
        let alpha = study.risk.alpha
        let eta = lp.addVariable(name: "eta", lower: -.infinity, upper: .infinity, objective: -riskWeight)
        self.eta = eta
        for (s, scenario) in index.scenarios.enumerated() {
            let column = lp.addVariable(
                name: "excess[\(scenario.id)]", objective: -riskWeight * weights[s] / (1 - alpha))
            excess.append(column)
            var row = npv[s].combined()
            row.add(column, 1)
            row.add(eta, 1)
            lp.addConstraint(name: "cvar[\(scenario.id)]", row, .greaterOrEqual(0))
        }
    }

    func finish() -> PlacementProgram {
        PlacementProgram(
            model: lp, index: index, options: options, scenarioWeights: weights, build: build, blocks: blocks,
            powerRow: powerRow, budgetRow: budgetRow, cvarEta: eta, cvarExcess: excess)
    }
}
