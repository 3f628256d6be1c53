import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Finds each group's least and most build capital over the near-optimal set, re-solving the
/// decomposition's master with its cuts (docs/design.md §10).
///
/// The master, given the row "objective at least the optimum less the slack" and a group's
/// capital as its objective, is a relaxation of the near-optimal problem: its cuts bound each
/// block's value from above, so every truly near-optimal plan satisfies the row. Its optimum is
/// evaluated on the blocks: when the plan's true objective meets the row (to the solve's gap),
/// it is the extreme; otherwise the blocks' cuts are added and the master solved again. The cuts
/// stay valid whatever the master's objective and rows, so every group starts from all the cuts
/// found so far, and each re-solve from the master's last basis (the primal simplex after a new
/// objective, the dual after new cuts).
struct NearOptimalSearch<Solver: IncrementalSolver> {
    let solve: DecomposedSolve<Solver>
    let master: RegularizedMaster<Solver>
    /// The optimum (scaled money, with the objective's constant).
    let optimum: Double
    let slack: Double
    /// Largest number of master re-solves (``RegularizedMaster/solve(using:)`` calls, each
    /// possibly several simplex solves when pooled cuts come back) for one extreme.
    var iterationLimit = 200
    /// Start every extreme from a new master without the optimum's cuts or basis: the bench's
    /// measure of what reusing them saves.
    var fromScratch = false

    private var index: PlacementIndex { solve.index }

    /// Searches every group of `grouping`; `optimalBuilt` (units per fleet and year position) is
    /// the optimal plan, whose group capitals are reported beside the ranges.
    func run(grouping: NearOptimalAlternatives.Grouping, optimalBuilt: [[Double]]) throws -> NearOptimalAlternatives {
        let threshold = optimum - slack * abs(optimum)
        // Within an extreme the points move little, and the blocks' dual simplex from their last
        // basis was measured faster; a new master per extreme jumps far at first, and the primal
        // was measured faster there (bench/README.md): the comparison keeps it.
        let blockMethod = solve.blocks.capacityChangeMethod
        if !fromScratch { solve.blocks.capacityChangeMethod = .dual }
        defer { solve.blocks.capacityChangeMethod = blockMethod }
        // The near-optimality row: the master's objective (its level row's terms) at least the threshold.
        func restricted(_ master: RegularizedMaster<Solver>) -> RegularizedMaster<Solver> {
            master.addRows([
                LinearConstraint(
                    name: "near-optimal", terms: master.lp.terms(of: master.program.levelRow),
                    .greaterOrEqual(threshold - master.lp.objectiveConstant))
            ])
            return master
        }
        let shared = restricted(master)
        let bounds = solve.valueBounds()
        let next = {
            fromScratch
                ? restricted(
                    try RegularizedMaster(
                        program: BendersMaster(index: index, valueBounds: bounds), bounds: bounds,
                        solver: solve.solver))
                : shared
        }
        var counts = (solves: 0, evaluations: 0)
        // Reused between extremes unless from scratch: what the blocks said at each point and capacity.
        let reuse = fromScratch ? nil : DecomposedSolve<Solver>.EvaluationMemo()
        var groups: [NearOptimalAlternatives.Group] = []
        for (name, fleets) in Self.groups(index: index, grouping: grouping) {
            let objective = capitalTerms(fleets: fleets)
            let least = try extreme(
                objective.map { ($0.0, -$0.1) }, on: try next(), fleets: fleets, threshold: threshold,
                counts: &counts, group: name, reuse: reuse)
            let most = try extreme(
                objective, on: try next(), fleets: fleets, threshold: threshold, counts: &counts, group: name,
                reuse: reuse)
            groups.append(
                NearOptimalAlternatives.Group(
                    name: name, planCapitalUSD: capital(of: optimalBuilt, fleets: fleets), least: least, most: most))
        }
        return NearOptimalAlternatives(
            slack: slack, grouping: grouping, objectiveUSD: optimum / PlacementProgram.moneyScale,
            isExpected: !index.tree.isSingleNodePerYear,
            planCapitalUSD: capital(of: optimalBuilt, fleets: Set(index.fleets.indices)),
            planBuilds: builds(of: optimalBuilt), groups: groups, masterSolves: counts.solves,
            evaluations: counts.evaluations)
    }

    /// The master's optimum for `objective` (terms on build columns, maximised) among plans whose
    /// true objective reaches `threshold`, cuts added until its optimum is such a plan.
    private func extreme(
        _ objective: [(Variable, Double)], on master: RegularizedMaster<Solver>, fleets: Set<Int>,
        threshold: Double, counts: inout (solves: Int, evaluations: Int), group: String,
        reuse: DecomposedSolve<Solver>.EvaluationMemo?
    ) throws -> NearOptimalAlternatives.ExtremePlan {
        // The cuts slack at the last extreme wait in the pool: most stay slack for this one.
        if !fromScratch { try master.compact() }
        try master.setObjective(objective)
        let tolerance = solve.options.attainableGap * max(1, abs(optimum))
        for iteration in 1...iterationLimit {
            // A new objective leaves the last basis primal feasible: the primal simplex continues
            // from it. New cuts leave it dual feasible instead (the objective stayed): the dual
            // simplex continues from it, where the primal's repair of the cut-off basis took up to
            // half a second a re-solve once thousands of cuts had piled up (bench/README.md). A
            // new master per extreme (the bench's comparison) has few cuts, and the primal
            // simplex took fewer re-solves there (798 against 924): the comparison keeps it.
            let before = master.sessionSolves
            let solution = try master.solve(using: iteration == 1 || fromScratch ? .primal : .dual)
            counts.solves += master.sessionSolves - before
            guard solution.termination == .optimal, let point = solution.primal?.values else {
                throw PlanningError.stageFailed(
                    stage: "near-optimal master", block: group, termination: solution.termination,
                    message: solution.message)
            }
            // A point the blocks were evaluated at before: the cuts made there make the master exact
            // at it, so its objective is known and no cut is missing.
            if let known = reuse?.objective(at: point, of: master.program) {
                guard known >= threshold - tolerance else { break }
                return plan(point, objective: known, fleets: fleets, master: master)
            }
            let evaluation = try solve.evaluate(master: master.program, values: point, memo: reuse)
            counts.evaluations += 1
            if evaluation.objective >= threshold - tolerance {
                return plan(point, objective: evaluation.objective, fleets: fleets, master: master)
            }
            let cuts = solve.cuts(
                from: evaluation, master: master, at: point, iteration: -iteration)
            guard !cuts.isEmpty else { break }
            master.add(cuts)
        }
        throw PlanningError.internalState(
            "the near-optimal search for \(group) found no plan within the slack in \(iterationLimit) re-solves")
    }

    /// A master point as an extreme plan of the group `fleets`.
    private func plan(
        _ point: [Double], objective: Double, fleets: Set<Int>, master: RegularizedMaster<Solver>
    ) -> NearOptimalAlternatives.ExtremePlan {
        let built = master.program.builtUnits(point)
        let last = index.years.count - 1
        let weights = master.program.stageWeights
        // Expected over the final year's nodes; one node has weight 1, so here-and-now is unchanged.
        let installed = index.installedByNode(built: built)[last]
        let megawatts = fleets.sorted().reduce(0.0) { total, fleet in
            installed.indices.reduce(total) { total, node in
                total + weights[index.stage(year: last, node: node)] * installed[node][fleet]
                    * index.study.hardware[index.fleets[fleet].hardware].powerKW / 1000
            }
        }
        return NearOptimalAlternatives.ExtremePlan(
            capitalUSD: capital(of: built, fleets: fleets), finalYearITMW: megawatts,
            objectiveUSD: objective / PlacementProgram.moneyScale, builds: builds(of: built))
    }

    /// Every positive build of a plan that builds `built` units per fleet and stage, with its node
    /// and the node's scenarios when the tree has several nodes in some year.
    private func builds(of built: [[Double]]) -> [NearOptimalAlternatives.Build] {
        let study = index.study
        let adaptive = !index.tree.isSingleNodePerYear
        return index.fleets.enumerated().flatMap { fleet, entry in
            built[fleet].enumerated().compactMap { stage, units in
                let (y, node) = index.stages[stage]
                return units > 0
                    ? NearOptimalAlternatives.Build(
                        facility: study.facilities[entry.facility].id, hardware: study.hardware[entry.hardware].id,
                        year: index.years[y], units: units, node: adaptive ? node : nil,
                        scenarios: adaptive ? index.tree.nodes[y][node].map { index.scenarios[$0].id } : nil) : nil
            }
        }
    }

    /// The (expected) build capital (USD) of `fleets` in a plan that builds `built` units per
    /// fleet and stage.
    private func capital(of built: [[Double]], fleets: Set<Int>) -> Double {
        let study = index.study
        let weights = master.program.stageWeights
        return fleets.sorted().reduce(0) { total, fleet in
            let entry = index.fleets[fleet]
            return total + zip(built[fleet], weights).reduce(0) { $0 + $1.0 * $1.1 }
                * study.facilities[entry.facility].unitCapexUSD(of: study.hardware[entry.hardware])
        }
    }

    /// The (expected) build capital of `fleets` as master terms (USD per column unit).
    private func capitalTerms(fleets: Set<Int>) -> [(Variable, Double)] {
        let study = index.study
        let weights = master.program.stageWeights
        return fleets.sorted().flatMap { fleet -> [(Variable, Double)] in
            let entry = index.fleets[fleet]
            let unitCapex = study.facilities[entry.facility].unitCapexUSD(of: study.hardware[entry.hardware])
            return master.program.build[fleet].enumerated().compactMap { stage, column in
                column.map { ($0, unitCapex * index.buildUnitSize * weights[stage]) }
            }
        }
    }

    /// The groups in study order (facilities, regions, accelerators) or sorted (jurisdictions),
    /// each with the index's fleets in it. A group with no fleet can build nothing: it still
    /// appears, with no capital either way.
    static func groups(index: PlacementIndex, grouping: NearOptimalAlternatives.Grouping) -> [(String, Set<Int>)] {
        let study = index.study
        func fleets(where belongs: (Facility, Hardware) -> Bool) -> Set<Int> {
            Set(
                index.fleets.indices.filter {
                    belongs(study.facilities[index.fleets[$0].facility], study.hardware[index.fleets[$0].hardware])
                })
        }
        switch grouping {
        case .facility:
            return study.facilities.map { facility in (facility.id.rawValue, fleets { f, _ in f.id == facility.id }) }
        case .region:
            return study.regions.map { region in (region.id.rawValue, fleets { f, _ in f.region == region.id }) }
        case .jurisdiction:
            return Set(study.facilities.map(\.jurisdiction)).sorted().map { code in
                (code, fleets { f, _ in f.jurisdiction == code })
            }
        case .hardware:
            return study.hardware.map { hardware in (hardware.id.rawValue, fleets { _, h in h.id == hardware.id }) }
        }
    }
}
