import Foundation
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// The investment LP solved by regularized Benders decomposition over (year, scenario) blocks
/// (Pecci and Jenkins, "Regularized Benders Decomposition for High Performance Capacity
/// Expansion Models", IEEE Transactions on Power Systems 2025):
///
/// - the master (``BendersMaster``) holds the builds, the power, budget and CVaR rows and one
///   value column per block, bounded by multi-cuts;
/// - each block is a persistent session re-solved warm when its capacity right-hand sides
///   change; its capacity rows' duals give the cut (``DispatchBlocks``);
/// - a level-set step keeps the builds from oscillating: after the master's cutting-plane bound,
///   the next builds are the ones nearest (weighted L1) to the best builds found whose model
///   value reaches halfway between the best value found and the bound.
///
/// Blocks are always feasible (unserved demand and shortfall absorb any lack of capacity) and
/// bounded, so only optimality cuts are needed; an infeasible or unbounded block is reported
/// as an error, never skipped. The solve stops at the relative gap asked for; the plan is the
/// best evaluated builds, so its objective is within the gap of the optimum.
final class DecomposedSolve<Solver: IncrementalSolver> {
    let index: PlacementIndex
    let solver: Solver
    let blocks: DispatchBlocks<Solver>
    let options: PlanningOptions
    /// One fleet's unit capex in place of the study's (``RegularizedMaster/reprice(fleet:unitCapexUSD:)``):
    /// the break-even search's solve from scratch, its bench's comparison.
    var repricing: (fleet: Int, unitCapexUSD: Double)?

    init(index: PlacementIndex, solver: Solver, blocks: DispatchBlocks<Solver>, options: PlanningOptions) {
        self.index = index
        self.solver = solver
        self.blocks = blocks
        self.options = options
    }

    /// Regularized Benders: solve the master, step to the level set, evaluate the blocks at the
    /// candidate builds, add the cuts they give, until the gap closes.
    func run() throws -> InvestmentOutcome { try solve().outcome }

    /// ``run()``, keeping the master with its cuts and the bounds, for re-solves with new rows and
    /// objectives (near-optimal alternatives).
    func solve() throws -> (outcome: InvestmentOutcome, master: RegularizedMaster<Solver>, bounds: DecompositionBounds)
    {
        let clock = ContinuousClock()
        let start = clock.now
        let valueBounds = valueBounds()
        let master = try RegularizedMaster(
            program: BendersMaster(index: index, valueBounds: valueBounds), bounds: valueBounds, solver: solver)
        if let repricing { try master.reprice(fleet: repricing.fleet, unitCapexUSD: repricing.unitCapexUSD) }
        var bounds = DecompositionBounds()
        var work = DecompositionWork()
        var ending = (termination: TerminationStatus.iterationLimit, message: String?.none)
        var vertex: Solution?
        let startingPoint = startingPoint(master.program)
        if let startingPoint {
            try evaluateStart(startingPoint, master: master, bounds: &bounds, work: &work)
        }

        while work.iterations < options.decompositionIterationLimit {
            // The limit is checked once a plan exists, so reaching it always reports the best one found.
            if work.iterations > 0, let limit = options.timeLimit, clock.now - start >= limit {
                ending.termination = .timeLimit
                break
            }
            work.iterations += 1
            let masterStart = clock.now
            let relaxed = try master.solve()
            guard relaxed.termination == .optimal, let point = relaxed.primal else {
                ending = (
                    relaxed.termination,
                    "the master problem ended \(relaxed.termination.rawValue)"
                        + (relaxed.message.map { ": \($0)" } ?? "")
                )
                break
            }
            vertex = relaxed
            bounds.bound(byMaster: point.objective)
            let candidate = try nextCandidate(master: master, vertex: point.values, bounds: bounds)
            let masterSeconds = (clock.now - masterStart).seconds
            let evaluation = try evaluate(master: master.program, values: candidate)
            work.add(evaluation, blocks: index.blockCount)
            bounds.record(evaluation.objective, at: candidate)
            master.add(cuts(from: evaluation, master: master, at: candidate, iteration: work.iterations))
            let progress = DecompositionProgress(
                iteration: work.iterations, lowerBound: bounds.lower / PlacementProgram.moneyScale,
                upperBound: bounds.upper / PlacementProgram.moneyScale, relativeGap: bounds.gap,
                seconds: (clock.now - start).seconds, blockSolves: work.blockSolves, masterSeconds: masterSeconds)
            bounds.history.append(progress)
            options.progress?(progress)
            if bounds.converged(within: options.attainableGap) {
                ending.termination = .optimal
                break
            }
        }
        // From a starting plan the point is to keep it where nothing better is found: no vertex swap.
        if ending.termination == .optimal, startingPoint == nil, let vertex = vertex?.primal?.values {
            try preferVertex(vertex, master: master, bounds: &bounds, work: &work)
        }
        let outcome = InvestmentOutcome(
            decomposed: master, bounds: bounds, work: work, termination: ending.termination, message: ending.message,
            lastMaster: vertex, blocksSize: blocks.totalSize, index: index)
        return (outcome, master, bounds)
    }

    /// The builds to evaluate next: the master's vertex, or, while the gap is wide, its projection
    /// on the level set between the best value found and the master's bound (a level step keeps
    /// early iterates from oscillating). Near the optimum the vertex itself (a Kelley step) closes
    /// the gap at once, since each block's value is polyhedral.
    private func nextCandidate(
        master: RegularizedMaster<Solver>, vertex: [Double], bounds: DecompositionBounds
    ) throws -> [Double] {
        guard master.canRegularize, bounds.gap > options.kelleyGap, let centre = bounds.best, bounds.hasInterval
        else { return vertex }
        let level = bounds.upper - options.levelFraction * (bounds.upper - bounds.lower)
        return try master.project(centre: centre, level: level) ?? vertex
    }

    /// The cuts an evaluation gives, named by iteration and block, less those the master's model
    /// already meets at the candidate.
    func cuts(
        from evaluation: Evaluation, master: RegularizedMaster<Solver>, at candidate: [Double], iteration: Int
    ) -> [(cut: BendersCut, name: String)] {
        evaluation.values.enumerated().compactMap { b, value in
            guard master.needsCut(block: b, value: value, at: candidate, tolerance: options.cutTolerance) else {
                return nil
            }
            let cut = master.program.cut(
                block: b, value: value, capacityDuals: evaluation.duals[b], installed: evaluation.installed(b, index))
            return (cut, "cut[\(iteration),\(blocks.name(b))]")
        }
    }

    /// The master point of ``PlanningOptions/startingBuilds``: each build on its column (in the
    /// master's units), the capacity columns summing the builds alive. Nil without a start, for a
    /// MIP (a start need not be whole blocks), or when no build matches the study.
    private func startingPoint(_ program: BendersMaster) -> [Double]? {
        guard !options.startingBuilds.isEmpty, !program.model.hasIntegerVariables else { return nil }
        let study = index.study
        var point = Array(repeating: 0.0, count: program.model.variableCount)
        var matched = false
        for build in options.startingBuilds where build.units > 0 {
            guard let y = index.years.firstIndex(of: build.year),
                let fleet = index.fleets.firstIndex(where: {
                    study.facilities[$0.facility].id == build.facility
                        && study.hardware[$0.hardware].id == build.hardware
                })
            else { continue }
            // A build of one scenario (an adaptive plan's) goes on its node; a shared one on every node.
            let scenario = build.scenario.flatMap { id in index.scenarios.firstIndex { $0.id == id } }
            let nodes =
                scenario.map { [index.tree.node(year: y, scenario: $0)] } ?? Array(index.tree.nodes[y].indices)
            for node in nodes {
                guard let column = program.build[fleet][index.stage(year: y, node: node)] else { continue }
                point[column.index] = build.units / index.buildUnitSize
                matched = true
            }
        }
        guard matched else { return nil }
        for fleet in index.fleets.indices {
            for y in index.years.indices {
                for (node, members) in index.tree.nodes[y].enumerated() {
                    guard let capacity = program.capacityByNode[fleet][y][node] else { continue }
                    point[capacity.index] = index.buildYearsAlive(fleet: fleet, in: y).reduce(0) { total, year in
                        total
                            + (program.build[fleet][index.stage(year: year, scenario: members[0])].map {
                                point[$0.index]
                            } ?? 0)
                    }
                }
            }
        }
        return point
    }

    /// Evaluates the starting plan before the first master: its cuts are added, and when it fits
    /// the study's power, budget and build limits it becomes the plan to beat by more than the
    /// gap (``DecompositionBounds/stickiness``).
    private func evaluateStart(
        _ start: [Double], master: RegularizedMaster<Solver>, bounds: inout DecompositionBounds,
        work: inout DecompositionWork
    ) throws {
        let evaluation = try evaluate(master: master.program, values: start)
        work.add(evaluation, blocks: index.blockCount)
        master.add(cuts(from: evaluation, master: master, at: start, iteration: 0))
        guard Self.fits(start, program: master.program) else { return }
        bounds.stickiness = options.relativeGap
        bounds.record(evaluation.objective, at: start)
    }

    /// Whether a master point meets its build columns' bounds and the power and budget rows.
    private static func fits(_ point: [Double], program: BendersMaster) -> Bool {
        let model = program.model
        let tolerance = 1e-9
        for column in program.buildColumns {
            let value = point[column.index]
            guard value >= model.lowerBound(of: column) - tolerance, value <= model.upperBound(of: column) + tolerance
            else { return false }
        }
        let rows = program.powerRows.flatMap { $0.flatMap { $0 } } + program.budgetRows
        return rows.allSatisfy { row in
            let activity = model.activity(of: row, at: point)
            let bound = model.bound(of: row)
            return activity <= bound.upper + tolerance * max(1, abs(bound.upper))
                && activity >= bound.lower - tolerance * max(1, abs(bound.lower))
        }
    }

    /// The master's last vertex, when it is as good as the best builds, is the plan: a vertex is
    /// what a monolithic simplex would report, so the two methods agree on ties.
    private func preferVertex(
        _ vertex: [Double], master: RegularizedMaster<Solver>, bounds: inout DecompositionBounds,
        work: inout DecompositionWork
    ) throws {
        guard vertex != bounds.best else { return }
        let check = try evaluate(master: master.program, values: vertex)
        work.add(check, blocks: index.blockCount)
        if check.objective >= bounds.lower - options.relativeGap * max(1, abs(bounds.lower)) / 10 {
            bounds.prefer(vertex, objective: check.objective)
        }
    }

    /// What the blocks say of one set of builds.
    struct Evaluation {
        var objective: Double
        var values: [Double]
        /// `duals[block][fleet]`.
        var duals: [[Double]]
        /// `installed[year][node][fleet]`.
        var installed: [[[Double]]]
        var iterations: Int

        /// The capacity block `b` saw: its year's, along its scenario's path.
        func installed(_ b: Int, _ index: PlacementIndex) -> [Double] {
            let (y, s) = index.position(ofBlock: b)
            return installed[y][index.tree.node(year: y, scenario: s)]
        }
    }

    /// What the blocks said so far, for searches that evaluate many nearby points (near-optimal
    /// alternatives, break-even prices): each block's value stage by its year's installed capacity
    /// (it depends on nothing else, so re-solves that move a few fleets leave most blocks as they
    /// were), and each evaluated point's objective by its build columns' values.
    final class EvaluationMemo {
        fileprivate var blockResults: [Int: [[Double]: (value: Double, duals: [Double])]] = [:]
        fileprivate var objectives: [[Double]: Double] = [:]

        /// The objective the blocks gave at master point `values` before, or nil if they were
        /// never evaluated there. The cuts made there make the master exact at that point.
        func objective(at values: [Double], of master: BendersMaster) -> Double? {
            objectives[Self.key(values, master)]
        }

        fileprivate static func key(_ values: [Double], _ master: BendersMaster) -> [Double] {
            master.buildColumns.map { values[$0.index] }
        }
    }

    /// Solves every block's value stage at the builds in `values` (master column values) and
    /// the master objective those builds really reach; with a `memo`, only the blocks whose
    /// capacity it has not seen, and the objective is remembered.
    func evaluate(master: BendersMaster, values: [Double], memo: EvaluationMemo? = nil) throws -> Evaluation {
        let built = master.builtUnits(values)
        let installed = index.installedByNode(built: built)
        let blocks = self.blocks
        let index = self.index
        @Sendable func capacity(_ b: Int) -> [Double] {
            let (y, s) = index.position(ofBlock: b)
            return installed[y][index.tree.node(year: y, scenario: s)]
        }
        let pending = (0..<index.blockCount).filter { memo?.blockResults[$0]?[capacity($0)] == nil }
        let results = try blocks.pool.map(pending.indices, owners: pending) { job in
            try blocks.solveValue(pending[job], installed: capacity(pending[job]))
        }
        let solved = Dictionary(uniqueKeysWithValues: zip(pending, results))
        var blockValues: [Double] = []
        var duals: [[Double]] = []
        var iterations = 0
        for b in 0..<index.blockCount {
            guard let result = solved[b] else {
                // Not pending: the memo has it.
                let known = memo?.blockResults[b]?[capacity(b)]
                blockValues.append(known?.value ?? 0)
                duals.append(known?.duals ?? [])
                continue
            }
            guard result.termination == .optimal, let value = result.value, let capacityDuals = result.capacityDuals
            else {
                throw PlanningError.stageFailed(
                    stage: "decomposition subproblem", block: blocks.name(b),
                    termination: result.termination, message: result.message)
            }
            blockValues.append(value)
            duals.append(capacityDuals)
            iterations += result.iterations
            memo?.blockResults[b, default: [:]][capacity(b)] = (value, capacityDuals)
        }
        let objective = master.objectiveValue(builds: values, blockValues: blockValues)
        memo?.objectives[EvaluationMemo.key(values, master)] = objective
        return Evaluation(
            objective: objective, values: blockValues, duals: duals, installed: installed, iterations: iterations)
    }

    /// An upper bound on each block's value: every unit of demand served at its best margin.
    func valueBounds() -> [Double] {
        // The parts' bounds add up to 1 each: their sum still bounds the block.
        blocks.blocks.map { block in block.parts.reduce(0) { $0 + $1.valueBound } - Double(block.parts.count - 1) }
    }
}
