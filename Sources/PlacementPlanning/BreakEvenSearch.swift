import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Finds each fleet's break-even unit capex by bisection on re-solves of the decomposition's
/// master with its cuts (docs/design.md §10).
///
/// Capex does not enter the blocks, so a fleet's price is changed in the master alone
/// (``RegularizedMaster/reprice(fleet:unitCapexUSD:)``) and every cut stays valid. Each step
/// re-solves the master from its last basis and evaluates the blocks at its vertex until the
/// vertex's true objective is within the solve's gap of the master's bound; the step's answer is
/// whether that plan builds the fleet. A vertex the blocks were evaluated at before needs no
/// evaluation: the cuts made there make the master exact at it, whatever the prices.
///
/// Bisection is sound because "builds the fleet" is monotone in its capex: a plan without the
/// fleet has the same objective and feasibility at any capex, so if the optimum at capex `c`
/// builds none, raising `c` only makes every plan that builds some worse (and, with a budget,
/// less feasible). The reduced costs of the fleet's columns at today's capex give a first
/// guess of where an unbuilt fleet enters; the guess is only a bisection point, checked by a
/// re-solve like any other.
struct BreakEvenSearch<Solver: IncrementalSolver> {
    let solve: DecomposedSolve<Solver>
    let master: RegularizedMaster<Solver>
    /// The bracket's relative width at which the bisection stops.
    var tolerance = 0.001
    /// Built fleets are searched up to this multiple of today's unit capex (or of 1,000 USD).
    var searchCeiling = 100.0
    /// Largest number of master re-solves for one step.
    var iterationLimit = 200
    /// The facilities whose fleets are searched; nil for all.
    var facilities: Set<FacilityID>?
    /// Solve every step by a new decomposed solve, without the optimum's cuts or basis: the
    /// bench's measure of what reusing them saves (the block sessions stay warm in both).
    var fromScratch = false

    /// Accelerators over the horizon above which a plan counts as building a fleet.
    static var buildThreshold: Double { 1e-6 }

    private var index: PlacementIndex { solve.index }

    private struct FleetKey: Hashable {
        var facility: Int
        var hardware: Int
    }

    /// The work so far, and what the blocks said.
    private struct Progress {
        var solves = 0
        var evaluations = 0
        let memo = DecomposedSolve<Solver>.EvaluationMemo()
    }

    /// Searches every fleet; `optimalBuilt` (units per fleet and year position) is the optimal
    /// plan, `outcome` the optimal solve (its shadow prices are reported).
    func run(optimalBuilt: [[Double]], outcome: InvestmentOutcome) throws -> BreakEvenPrices {
        let study = index.study
        let positions = Dictionary(
            uniqueKeysWithValues: index.fleets.enumerated().map {
                (FleetKey(facility: $1.facility, hardware: $1.hardware), $0)
            })
        var progress = Progress()
        let weights = master.program.stageWeights
        var fleets: [BreakEvenPrices.Fleet] = []
        for (f, facility) in study.facilities.enumerated() where facilities?.contains(facility.id) ?? true {
            for (h, hardware) in study.hardware.enumerated() where facility.allows(hardware.id) {
                let unitCapex = facility.unitCapexUSD(of: hardware)
                var entry = BreakEvenPrices.Fleet(
                    facility: facility.id, hardware: hardware.id, built: false, builtUnits: 0,
                    unitCapexUSD: unitCapex, verdict: .neverBuilds, steps: 0)
                guard let fleet = positions[FleetKey(facility: f, hardware: h)] else {
                    entry.reason = .noDemandWithinReach
                    fleets.append(entry)
                    continue
                }
                // Expected units with adaptive decisions (each node's at its probability).
                entry.builtUnits = zip(optimalBuilt[fleet], weights).reduce(0) { $0 + $1.0 * $1.1 }
                entry.built = entry.builtUnits > Self.buildThreshold
                guard master.program.build[fleet].contains(where: { $0 != nil }) else {
                    entry.reason = .noPowerRoom
                    fleets.append(entry)
                    continue
                }
                try search(fleet: fleet, entry: &entry, progress: &progress)
                fleets.append(entry)
            }
        }
        let scale = PlacementProgram.moneyScale
        return BreakEvenPrices(
            tolerance: tolerance, searchCeiling: searchCeiling, objectiveUSD: (outcome.objective ?? 0) / scale,
            fleets: fleets,
            powerLimits: outcome.shadowPrices.power.map {
                BreakEvenPrices.Limit(facility: $0.facility, year: $0.year, shadowPrice: $0.value, binding: $0.binding)
            },
            budget: outcome.shadowPrices.budget.map {
                BreakEvenPrices.Limit(facility: nil, year: nil, shadowPrice: $0.value, binding: $0.binding)
            },
            integer: master.isInteger, masterSolves: progress.solves, evaluations: progress.evaluations,
            builtUnitsAreExpected: !index.tree.isSingleNodePerYear)
    }

    /// One fleet's bracket: a capex where the plan builds it and one where it builds none, closed
    /// by bisection to the tolerance; the master is left at today's capex.
    private func search(fleet: Int, entry: inout BreakEvenPrices.Fleet, progress: inout Progress) throws {
        let today = entry.unitCapexUSD
        var steps = 0
        var duals: DualPoint?
        func builds(_ capex: Double) throws -> Bool {
            steps += 1
            let step = try optimum(fleet: fleet, unitCapexUSD: capex, progress: &progress)
            if capex == today { duals = step.duals }
            return step.builds
        }
        defer { entry.steps = steps }
        var lower: Double?  // builds here
        var upper: Double?  // builds none here
        // The first bracket: away from today (or from the reduced costs' guess) by steps growing
        // fourfold, so that a break-even near today costs a few re-solves near the optimum.
        var step = tolerance
        if try builds(today) {
            lower = today
            let ceiling = searchCeiling * (today > 0 ? today : 1_000)
            while upper == nil {
                let capex = min(today > 0 ? today * (1 + step) : 1_000 * step, ceiling)
                if try builds(capex) { lower = capex } else { upper = capex }
                if capex == ceiling { break }
                step *= 4
            }
        } else {
            upper = today
            var anchor = today
            if let guess = reducedCostGuess(fleet: fleet, today: today, duals: duals) {
                if try builds(guess) { lower = guess } else { (upper, anchor) = (guess, guess) }
            }
            while lower == nil, anchor > 0 {
                let capex = step < 1 ? anchor * (1 - step) : 0
                if try builds(capex) { lower = capex } else { upper = capex }
                if capex == 0 { break }
                step *= 4
            }
        }
        if var low = lower, var high = upper {
            let floor = 1e-6 * max(today, 1)
            while high - low > max(tolerance * high, floor) {
                let middle = (low + high) / 2
                if try builds(middle) { low = middle } else { high = middle }
            }
            (lower, upper) = (low, high)
        }
        if !fromScratch { try master.reprice(fleet: fleet, unitCapexUSD: today) }
        switch (lower, upper) {
        case (let low?, let high?):
            entry.verdict = .breakEven
            entry.bracket = (low, high)
            entry.breakEvenUnitCapexUSD = entry.built ? high : low
        case (_?, nil):
            entry.verdict = .alwaysBuilds
        case (nil, _):
            entry.verdict = .neverBuilds
            entry.reason = .notWorthItAtZeroCapex
        }
    }

    /// Where an unbuilt fleet's first build column prices in, to first order: its reduced cost
    /// at today's capex over the rate the capex moves it (objective coefficient and budget entry).
    /// Nil without duals (a MIP) or when the reading falls outside (0, today).
    private func reducedCostGuess(fleet: Int, today: Double, duals: DualPoint?) -> Double? {
        guard let duals, today > 0 else { return nil }
        let costs = InvestmentCosts(index: index, economics: Economics(study: index.study))
        let scale = index.buildUnitSize * PlacementProgram.moneyScale
        let budgetDual = master.program.budgetRow.map { duals[$0] } ?? 0
        var guesses: [Double] = []
        for (stage, column) in master.program.build[fleet].enumerated() {
            guard let column else { continue }
            let y = index.stages[stage].year
            // The objective coefficient moves by minus the cost's change, the budget entry by `scale`.
            let costRate =
                (costs.discountedCostPerUnit(fleet: fleet, builtIn: y, unitCapexUSD: today)
                    - costs.discountedCostPerUnit(fleet: fleet, builtIn: y, unitCapexUSD: 0)) / today * scale
            let rate = -costRate - budgetDual * scale
            guard rate < 0 else { continue }
            guesses.append(today - duals.reducedCost(column) / rate)
        }
        guard let guess = guesses.max(), guess > 0, guess < today, guess.isFinite else { return nil }
        return guess
    }

    /// Whether the optimum with the fleet at `unitCapexUSD` builds it, and the master's duals there.
    private func optimum(
        fleet: Int, unitCapexUSD: Double, progress: inout Progress
    ) throws -> (builds: Bool, duals: DualPoint?) {
        if fromScratch {
            let fresh = DecomposedSolve(
                index: index, solver: solve.solver, blocks: solve.blocks, options: solve.options)
            fresh.repricing = (fleet, unitCapexUSD)
            let (outcome, _, _) = try fresh.solve()
            progress.solves += outcome.decomposition?.iterations ?? 0
            progress.evaluations += outcome.decomposition?.iterations ?? 0
            guard outcome.termination == .optimal, let built = outcome.built else {
                throw PlanningError.stageFailed(
                    stage: "break-even solve", block: name(fleet), termination: outcome.termination,
                    message: outcome.message)
            }
            return (built[fleet].reduce(0, +) > Self.buildThreshold, nil)
        }
        try master.reprice(fleet: fleet, unitCapexUSD: unitCapexUSD)
        for iteration in 1...iterationLimit {
            // A new price leaves the last basis primal feasible, or nearly (a budget entry moved):
            // the primal simplex continues from it; after new cuts it repairs feasibility the same way.
            let solution = try master.solve(using: .primal)
            progress.solves += 1
            guard solution.termination == .optimal, let vertex = solution.primal else {
                throw PlanningError.stageFailed(
                    stage: "break-even master", block: name(fleet), termination: solution.termination,
                    message: solution.message)
            }
            // Builds below the threshold are the simplex's round-off: a block given 3e-9 accelerators
            // of capacity was seen to report itself infeasible. Cuts are valid anywhere, so the
            // blocks are evaluated at the point without them.
            var point = vertex.values
            for column in master.program.buildColumns
            where point[column.index] * index.buildUnitSize < Self.buildThreshold {
                point[column.index] = 0
            }
            var settled = progress.memo.objective(at: point, of: master.program) != nil
            if !settled {
                let evaluation = try solve.evaluate(master: master.program, values: point, memo: progress.memo)
                progress.evaluations += 1
                let tolerance = solve.options.attainableGap * max(1, abs(vertex.objective))
                settled = evaluation.objective >= vertex.objective - tolerance
                if !settled {
                    let cuts = solve.cuts(from: evaluation, master: master, at: point, iteration: -iteration)
                    if cuts.isEmpty { settled = true } else { master.add(cuts) }
                }
            }
            if settled {
                let built = master.program.builtUnits(point)[fleet].reduce(0, +)
                return (built > Self.buildThreshold, solution.dual)
            }
        }
        throw PlanningError.internalState(
            "the break-even search for \(name(fleet)) did not settle in \(iterationLimit) master re-solves")
    }

    private func name(_ fleet: Int) -> String {
        let entry = index.fleets[fleet]
        return "\(index.study.facilities[entry.facility].id)/\(index.study.hardware[entry.hardware].id)"
    }
}
