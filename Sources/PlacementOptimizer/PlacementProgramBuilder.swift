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
    let writer: DispatchBlockWriter
    let rows: InvestmentRows
    var study: Study { index.study }

    var lp = LinearProgram(name: "placement", sense: .maximize)
    var build: [[Variable?]]
    var blocks: [DispatchBlockLayout] = []
    var powerRows: [[[Constraint]]]
    var budgetRows: [Constraint] = []
    var eta: Variable?
    var excess: [Variable] = []
    /// NPV of each scenario as an expression (for the CVaR rows), in scaled money.
    var npv: [LinearExpression]

    init(index: PlacementIndex, options: ProgramOptions) {
        self.index = index
        self.options = options
        writer = DispatchBlockWriter(index: index, economics: Economics(study: index.study))
        rows = InvestmentRows(index: index, objective: InvestmentObjective(index: index))
        build = Array(repeating: Array(repeating: nil, count: index.stages.count), count: index.fleets.count)
        powerRows = Array(
            repeating: Array(repeating: [], count: index.years.count), count: index.study.facilities.count)
        npv = Array(repeating: LinearExpression(), count: index.scenarios.count)
    }

    func check() throws {
        if rows.objective.riskWeight > 0 && !(study.risk.alpha < 1) {
            throw PlacementProgramBuilder.BuildError(description: "risk.alpha must be below 1 when risk.weight > 0")
        }
    }

    // MARK: Builds

    mutating func addBuildColumns() {
        let columns = rows.addBuildColumns(to: &lp, rounding: .wholeLP)
        build = columns.build
        npv = columns.npv
    }

    // MARK: Dispatch blocks

    mutating func addBlocks() {
        for y in index.years.indices {
            for s in index.scenarios.indices {
                var (layout, capacityTerms) = writer.appendDemand(
                    to: &lp, year: y, scenario: s, objectiveWeight: rows.objective.valueWeight(scenario: s))
                for (column, margin) in layout.valueTerms { npv[s].add(column, margin) }
                let build = self.build
                writer.appendCapacityRows(to: &lp, layout: &layout, capacityTerms: capacityTerms) { fleet in
                    let builds = index.buildYearsAlive(fleet: fleet, in: y).compactMap {
                        build[fleet][index.stage(year: $0, scenario: s)]
                    }
                    return (builds.map { ($0, -index.buildUnitSize) }, index.existingAlive(fleet: fleet, in: y))
                }
                writer.appendShareRows(to: &lp, layout: layout)
                blocks.append(layout)
            }
        }
    }

    // MARK: Linking rows

    mutating func addPowerRows() {
        powerRows = rows.addPowerRows(to: &lp, build: build)
    }

    mutating func addBudgetRow() {
        budgetRows = rows.addBudgetRows(to: &lp, build: build)
    }

    /// CVaR of the NPV loss: excess[s] >= -npv[s] - eta (docs/design.md §3, row 6).
    mutating func addRiskTerms() {
        guard let (eta, excess, _) = rows.addRiskRows(to: &lp, npv: npv) else { return }
        self.eta = eta
        self.excess = excess
    }

    func finish() -> PlacementProgram {
        PlacementProgram(
            model: lp, index: index, options: options, scenarioWeights: rows.objective.weights, build: build,
            blocks: blocks, powerRows: powerRows, budgetRows: budgetRows, cvarEta: eta, cvarExcess: excess)
    }
}
