import LinearProgramming
import PlacementModel

/// Builds the ``PlacementProgram`` of a study (docs/design.md §3).
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

    public func build() throws -> PlacementProgram {
        let scenarios = try selectedScenarios()
        let index = PlacementIndex(study: study, scenarios: scenarios)
        var state = BuildState(study: study, index: index, options: options)
        try state.check()
        state.addBuildColumns()
        state.addDemand()
        state.addCapacityRows()
        if options.fixedBuilds == nil {
            state.addPowerRows()
            state.addBudgetRow()
            state.addRiskTerms()
        }
        state.addShareRows()
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
}

/// The mutable work of one build.
private struct BuildState {
    let study: Study
    let index: PlacementIndex
    let options: ProgramOptions
    let economics: Economics
    let scale = PlacementProgram.moneyScale
    let weights: [Double]
    let riskWeight: Double
    let blockUnits: Double
    let years: [Int]
    let slices: Int
    let scenarioCount: Int

    var lp: LinearProgram
    var build: [[Variable?]]
    var serveStart: [Int] = []
    var unserved: [Variable?] = []
    var shortfall: [Variable?] = []
    var demandRate: [Double] = []
    var demandRow: [Constraint?] = []
    var capacityRow: [[Constraint?]] = []
    var powerRow: [[Constraint?]] = []
    var budgetRow: Constraint?
    var eta: Variable?
    var excess: [Variable] = []
    /// Serve terms collected per (fleet, slot) for the capacity rows: (column, 1 / effective throughput).
    var capacityTerms: [[[(Variable, Double)]]]
    /// NPV of each scenario as an expression (for the CVaR rows), in scaled money.
    var npv: [LinearExpression]
    /// Serve columns per (facility, year, scenario): (column, workload, 1 / effective throughput).
    var facilityServe: [[(Variable, Int, Double)]]
    /// `possible[fleet][year]`: whether the fleet can have capacity that year (else its arcs get no column).
    var possible: [[Bool]] = []

    init(study: Study, index: PlacementIndex, options: ProgramOptions) {
        self.study = study
        self.index = index
        self.options = options
        economics = Economics(study: study)
        let total = index.scenarios.reduce(0) { $0 + $1.probability }
        weights = index.scenarios.map { total > 0 ? $0.probability / total : 1 / Double(index.scenarios.count) }
        riskWeight = options.fixedBuilds == nil ? study.risk.weight : 0
        blockUnits = options.fixedBuilds == nil ? Double(study.integerBlockUnits ?? 1) : 1
        years = index.years
        slices = index.slices
        scenarioCount = index.scenarios.count
        lp = LinearProgram(name: "placement", sense: .maximize)
        build = Array(repeating: Array(repeating: nil, count: index.years.count), count: index.fleets.count)
        // Dispatch-only programs have no power rows: keep the shape so readers can index it.
        powerRow = Array(repeating: Array(repeating: nil, count: index.years.count), count: study.facilities.count)
        let slots = index.years.count * index.scenarios.count * index.slices
        capacityTerms = Array(repeating: Array(repeating: [], count: slots), count: index.fleets.count)
        npv = Array(repeating: LinearExpression(), count: index.scenarios.count)
        facilityServe = Array(repeating: [], count: study.facilities.count * index.years.count * index.scenarios.count)
    }

    func check() throws {
        if riskWeight > 0 && !(study.risk.alpha < 1) {
            throw PlacementProgramBuilder.BuildError(description: "risk.alpha must be below 1 when risk.weight > 0")
        }
    }

    func slot(_ y: Int, _ s: Int, _ k: Int) -> Int { (y * scenarioCount + s) * slices + k }

    // MARK: Capacity

    func facility(_ fleet: Int) -> Facility { study.facilities[index.fleets[fleet].facility] }
    func hardware(_ fleet: Int) -> Hardware { study.hardware[index.fleets[fleet].hardware] }

    func existingAlive(_ fleet: Int, _ y: Int) -> Double {
        study.existingUnitsAlive(facility: facility(fleet), hardware: hardware(fleet), in: years[y])
    }

    /// Years (positions) in which a build made in year position `y` is alive.
    func aliveYears(builtIn y: Int, lifetime: Int) -> Range<Int> {
        y..<min(years.count, y + lifetime)
    }

    /// Whether the fleet can have any accelerator in year position `y`.
    func capacityPossible(_ fleet: Int, _ y: Int) -> Bool {
        if existingAlive(fleet, y) > 0 { return true }
        let lifetime = hardware(fleet).lifetimeYears
        return (0...y).contains { built in build[fleet][built] != nil && y - built < lifetime }
    }

    mutating func addBuildColumns() {
        let integer = options.fixedBuilds == nil && study.integerBlockUnits != nil
        for fleet in index.fleets.indices {
            let facility = facility(fleet), hardware = hardware(fleet)
            let yearlyCost = economics.fixedOMPerUnitYear(facility, hardware) + economics.capitalPerUnitYear(facility, hardware)
            for y in years.indices {
                let name = "build[\(facility.id),\(hardware.id),\(years[y])]"
                var cost = 0.0
                for alive in aliveYears(builtIn: y, lifetime: hardware.lifetimeYears) {
                    cost += economics.discountFactor(year: years[alive]) * yearlyCost
                }
                let objective = -(1 - riskWeight) * cost * blockUnits * scale
                let column: Variable
                if let fixed = options.fixedBuilds {
                    // Capacity held at a plan: the column is a constant, kept so the objective stays the NPV.
                    let units = fixed[BuildKey(facility: facility.id, hardware: hardware.id, year: years[y])] ?? 0
                    guard units > 0 else { continue }
                    column = lp.addVariable(name: name, lower: units, upper: units, objective: objective)
                } else {
                    let room = facility.powerMW(in: years[y]) - study.existingPowerMW(facility: facility, in: years[y])
                    guard room > 0 else { continue }
                    // Integer columns get the bound the power row implies (a tighter MIP, and explicit
                    // bounds in exported files); continuous ones none, so the power row keeps its dual.
                    var upper = Double.infinity
                    if integer && hardware.powerKW > 0 {
                        upper = (room * 1000 / hardware.powerKW / blockUnits).rounded(.down)
                        guard upper > 0 else { continue }
                    }
                    column = lp.addVariable(name: name, lower: 0, upper: upper, objective: objective, isInteger: integer)
                }
                build[fleet][y] = column
                for s in 0..<scenarioCount { npv[s].add(column, -cost * blockUnits * scale) }
            }
        }
        // Fixed O&M of existing units is a constant of every scenario's NPV.
        var existingCost = 0.0
        for fleet in index.fleets.indices {
            let perUnit = economics.fixedOMPerUnitYear(facility(fleet), hardware(fleet))
            for y in years.indices {
                existingCost += economics.discountFactor(year: years[y]) * existingAlive(fleet, y) * perUnit
            }
        }
        existingCost += existingOutsideFleets()
        lp.objectiveConstant = -(1 - riskWeight) * existingCost * scale
        for s in 0..<scenarioCount { npv[s].constant -= existingCost * scale }
    }

    /// Existing units of hardware that no arc can use still cost fixed O&M.
    func existingOutsideFleets() -> Double {
        guard options.fixedBuilds == nil else { return 0 }
        var cost = 0.0
        for pair in index.idleExisting {
            let facility = study.facilities[pair.facility], hardware = study.hardware[pair.hardware]
            for year in years {
                cost += economics.discountFactor(year: year)
                    * study.existingUnitsAlive(facility: facility, hardware: hardware, in: year)
                    * economics.fixedOMPerUnitYear(facility, hardware)
            }
        }
        return cost
    }

    // MARK: Demand

    mutating func addDemand() {
        let hours = economics.hoursPerSlice
        for fleet in index.fleets.indices { possible.append(years.indices.map { capacityPossible(fleet, $0) }) }
        for point in index.demandPoints {
            let tenant = study.tenants[point.tenant], zoneLabel = index.zoneLabel(of: point)
            let workload = study.workloads[point.workload]
            let stress = options.demandScale[workload.id] ?? 1
            for y in years.indices {
                let year = years[y], discount = economics.discountFactor(year: year)
                for (s, scenario) in index.scenarios.enumerated() {
                    let price = economics.price(tenant, year: year, scenario: scenario)
                    let weight = (1 - riskWeight) * weights[s]
                    for k in 0..<slices {
                        let rate = economics.demandRate(tenant, zoneShare: point.share, profileFactor: point.profile[k],
                                                        year: year, scenario: scenario)
                        demandRate.append(rate)
                        serveStart.append(lp.variableCount)
                        let demand = rate * stress
                        guard demand > 0 else {
                            unserved.append(nil)
                            shortfall.append(nil)
                            demandRow.append(nil)
                            continue
                        }
                        let suffix = "\(tenant.id),\(zoneLabel),\(year),\(scenario.id),\(k)"
                        var terms = [(Variable, Double)]()
                        terms.reserveCapacity(point.arcs.count + 2)
                        for arc in point.arcs where possible[arc.fleet][y] {
                            let facility = study.facilities[arc.facility], hardware = study.hardware[arc.hardware]
                            let throughput = economics.effectiveThroughput(hardware, workload.id, year: year, scenario: scenario)
                            let energy = economics.energyCostPerAcceleratorHour(facility, hardware, year: year, scenario: scenario)
                            let margin = discount * hours * (price - energy / throughput) * scale
                            let column = lp.addVariable(
                                name: "serve[\(tenant.id),\(zoneLabel),\(facility.id),\(hardware.id),\(year),\(scenario.id),\(k)]",
                                objective: weight * margin)
                            terms.append((column, 1))
                            npv[s].add(column, margin)
                            capacityTerms[arc.fleet][slot(y, s, k)].append((column, 1 / throughput))
                            facilityServe[(arc.facility * years.count + y) * scenarioCount + s]
                                .append((column, point.workload, 1 / throughput))
                        }
                        let uncommitted = 1 - tenant.committedShare
                        if uncommitted > 0 {
                            let column = lp.addVariable(name: "unserved[\(suffix)]", upper: uncommitted * demand)
                            terms.append((column, 1))
                            unserved.append(column)
                        } else {
                            unserved.append(nil)
                        }
                        if tenant.committedShare > 0 || tenant.shortfallPenaltyUSDPerUnit < 0 {
                            let penalty = discount * hours * tenant.shortfallPenaltyUSDPerUnit * scale
                            let column = lp.addVariable(name: "shortfall[\(suffix)]", objective: -weight * penalty)
                            terms.append((column, 1))
                            npv[s].add(column, -penalty)
                            shortfall.append(column)
                        } else {
                            shortfall.append(nil)
                        }
                        demandRow.append(lp.addConstraint(name: "demand[\(suffix)]", terms: terms, .equal(demand)))
                    }
                }
            }
        }
    }

    // MARK: Rows

    mutating func addCapacityRows() {
        let slots = years.count * scenarioCount * slices
        capacityRow = Array(repeating: Array(repeating: nil, count: slots), count: index.fleets.count)
        for fleet in index.fleets.indices {
            let facility = facility(fleet), hardware = hardware(fleet)
            for y in years.indices {
                var builds = [(Variable, Double)]()
                for built in 0...y {
                    if let column = build[fleet][built], y - built < hardware.lifetimeYears {
                        builds.append((column, -blockUnits))
                    }
                }
                let existing = existingAlive(fleet, y)
                for (s, scenario) in index.scenarios.enumerated() {
                    for k in 0..<slices {
                        let terms = capacityTerms[fleet][slot(y, s, k)]
                        guard !terms.isEmpty else { continue }
                        capacityRow[fleet][slot(y, s, k)] = lp.addConstraint(
                            name: "capacity[\(facility.id),\(hardware.id),\(years[y]),\(scenario.id),\(k)]",
                            terms: terms + builds, .lessOrEqual(existing))
                    }
                }
            }
        }
        capacityTerms = []
    }

    mutating func addPowerRows() {
        for (f, facility) in study.facilities.enumerated() {
            for y in years.indices {
                var terms = [(Variable, Double)]()
                for fleet in index.fleets.indices where index.fleets[fleet].facility == f {
                    let hardware = hardware(fleet)
                    for built in 0...y {
                        if let column = build[fleet][built], y - built < hardware.lifetimeYears {
                            terms.append((column, hardware.powerKW / 1000 * blockUnits))
                        }
                    }
                }
                guard !terms.isEmpty else { continue }
                let room = facility.powerMW(in: years[y]) - study.existingPowerMW(facility: facility, in: years[y])
                powerRow[f][y] = lp.addConstraint(name: "power[\(facility.id),\(years[y])]", terms: terms, .lessOrEqual(room))
            }
        }
    }

    mutating func addBudgetRow() {
        guard let budget = study.budgetUSD else { return }
        var terms = [(Variable, Double)]()
        for fleet in index.fleets.indices {
            let unitCapex = facility(fleet).unitCapexUSD(of: hardware(fleet))
            for case let column? in build[fleet] { terms.append((column, unitCapex * blockUnits * scale)) }
        }
        guard !terms.isEmpty else { return }
        budgetRow = lp.addConstraint(name: "budget", terms: terms, .lessOrEqual(budget * scale))
    }

    /// CVaR of the NPV loss: excess[s] >= -npv[s] - eta (docs/design.md §3, row 6).
    mutating func addRiskTerms() {
        guard riskWeight > 0 else { return }
        let alpha = study.risk.alpha
        let eta = lp.addVariable(name: "eta", lower: -.infinity, upper: .infinity, objective: -riskWeight)
        self.eta = eta
        for (s, scenario) in index.scenarios.enumerated() {
            let column = lp.addVariable(name: "excess[\(scenario.id)]", objective: -riskWeight * weights[s] / (1 - alpha))
            excess.append(column)
            var row = npv[s].combined()
            row.add(column, 1)
            row.add(eta, 1)
            lp.addConstraint(name: "cvar[\(scenario.id)]", row, .greaterOrEqual(0))
        }
    }

    /// Category share (docs/design.md §3, row 5), in accelerator-hours per slice (the common
    /// factor hours-per-slice is left out).
    mutating func addShareRows() {
        let share = study.policy.maxCategoryShare
        guard share < 1 else { return }
        for (f, facility) in study.facilities.enumerated() {
            for y in years.indices {
                for (s, scenario) in index.scenarios.enumerated() {
                    let serve = facilityServe[(f * years.count + y) * scenarioCount + s]
                    guard !serve.isEmpty else { continue }
                    let present = Set(serve.map(\.1)).sorted()
                    for w in present {
                        let terms = serve.map { ($0.0, ($0.1 == w ? 1 - share : -share) * $0.2) }
                        lp.addConstraint(
                            name: "share[\(facility.id),\(years[y]),\(scenario.id),\(study.workloads[w].id)]",
                            terms: terms, .lessOrEqual(0))
                    }
                }
            }
        }
    }

    func finish() -> PlacementProgram {
        PlacementProgram(
            model: lp, index: index, options: options, scenarioWeights: weights, build: build,
            capacityPossible: possible,
            blockUnits: blockUnits, serveStart: serveStart, unserved: unserved, shortfall: shortfall,
            demandRate: demandRate, demandRow: demandRow, capacityRow: capacityRow, powerRow: powerRow,
            budgetRow: budgetRow, cvarEta: eta, cvarExcess: excess)
    }
}
