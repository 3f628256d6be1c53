import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer

/// The one way a study becomes a plan: build, solve the investment (monolithic or decomposed),
/// take each (year, scenario) block's canonical dispatch at the plan's builds, run the stress
/// re-solves and the stranded write-off, and compute the analysis (docs/design.md §3 and §4).
///
/// A pipeline keeps its solver sessions between runs: a study whose programs have the same
/// structure as the previous one (a sweep's next variant, a script's what-if) re-solves warm.
/// Create a new pipeline, or call ``reset()``, to start cold. Calls on one pipeline from several
/// threads are served one at a time (its sessions hold one study's state).
///
/// ```swift
/// let pipeline = PlanningPipeline(solver: GLPKSolver())
/// var study = base
/// for price in [30.0, 45, 60] {
///     try study.setNumber(at: "facilities.riyadh-hexagon.electricity_usd_per_mwh", to: price)
///     let result = try pipeline.run(study)   // warm after the first
///     print(price, result.plan?.expectedNPV ?? .nan, result.analysis?.finalResilience ?? .nan)
/// }
/// ```
public final class PlanningPipeline<Solver: IncrementalSolver>: @unchecked Sendable {
    public let solver: Solver
    /// How the next run solves (read when it starts).
    public var options: PlanningOptions {
        get { lock.withLock { storedOptions } }
        set { lock.withLock { storedOptions = newValue } }
    }
    private var storedOptions: PlanningOptions
    /// Serialises runs and resets: everything below is touched only under it.
    private let lock = NSRecursiveLock()
    private let monolithic = MonolithicSolve<Solver>()
    private var blocks: DispatchBlocks<Solver>?
    /// The worker threads, kept from run to run while the thread count stays.
    private var pool: WorkerPool?

    public init(solver: Solver, options: PlanningOptions = PlanningOptions()) {
        self.solver = solver
        storedOptions = options
    }

    /// Forgets the sessions: the next run starts cold.
    public func reset() {
        lock.withLock {
            monolithic.reset()
            blocks = nil
        }
    }

    /// Plans `study`.
    public func run(_ study: Study) throws -> PlanningResult {
        try lock.withLock {
            do { return try plan(study, options: storedOptions) } catch {
                // After a failure the sessions may hold anything: start afresh next time.
                reset()
                throw error
            }
        }
    }

    /// The near-optimal alternatives of `study` (docs/design.md §10): the decomposed solve to the
    /// optimum, then each group's least and most build capital over the plans within `slack` of
    /// it, re-solving the master with its cuts. Integer build blocks are searched exactly too:
    /// each re-solve is a branch and bound of the master with the near-optimal row and the cuts.
    /// With adaptive decisions capital and IT MW are expectations, each node's builds at its
    /// probability.
    ///
    /// ```swift
    /// let alternatives = try pipeline.alternatives(study, slack: 0.02, by: .facility)
    /// ```
    /// - Parameters:
    ///   - study: the study, solved here by the decomposed method.
    ///   - slack: the share of the optimum's magnitude a plan may give up.
    ///   - grouping: how fleets are grouped.
    ///   - fromScratch: start every extreme from a new master without the optimum's cuts (the
    ///     bench's comparison; the ranges are the same).
    /// - Returns: each group's range, with the extreme plans and the optimal plan's builds.
    /// - Throws: the solve's failure.
    public func alternatives(
        _ study: Study, slack: Double, by grouping: NearOptimalAlternatives.Grouping, fromScratch: Bool = false
    ) throws -> NearOptimalAlternatives {
        try lock.withLock {
            let (decomposed, outcome, master) = try optimum(of: study, for: "near-optimal alternatives")
            guard let built = outcome.built, let optimum = outcome.objective else {
                throw PlanningError.internalState("the optimal solve returned no builds")
            }
            var search = NearOptimalSearch(solve: decomposed, master: master, optimum: optimum, slack: slack)
            search.fromScratch = fromScratch
            return try search.run(grouping: grouping, optimalBuilt: built)
        }
    }

    /// What would change the plan (docs/design.md §10): the decomposed solve to the optimum, then
    /// for every fleet the unit capex at which the plan starts (or stops) building it, by
    /// bisection to `tolerance` on re-solves of the master with its cuts. Integer build blocks
    /// are searched exactly too: each step is a branch and bound of the master. Adaptive decisions
    /// too: repricing moves each node column's cost in its own scenarios' CVaR rows.
    ///
    /// ```swift
    /// let prices = try pipeline.explain(study)
    /// ```
    /// - Parameters:
    ///   - study: the study, solved here by the decomposed method.
    ///   - tolerance: the bisection's relative width (0.001: 0.1%).
    ///   - facilities: search only these facilities' fleets (nil: all).
    ///   - fromScratch: solve every step by a new decomposed solve (the bench's comparison; the
    ///     prices are the same).
    /// - Returns: every fleet's break-even, with the limits' shadow prices at the optimum.
    /// - Throws: the solve's failure.
    public func explain(
        _ study: Study, tolerance: Double = 0.001, facilities: Set<FacilityID>? = nil, fromScratch: Bool = false
    ) throws -> BreakEvenPrices {
        try lock.withLock {
            let (decomposed, outcome, master) = try optimum(of: study, for: "break-even prices")
            guard let built = outcome.built else {
                throw PlanningError.internalState("the optimal solve returned no builds")
            }
            var search = BreakEvenSearch(solve: decomposed, master: master)
            search.tolerance = tolerance
            search.fromScratch = fromScratch
            search.facilities = facilities
            return try search.run(optimalBuilt: built, outcome: outcome)
        }
    }

    /// The decomposed solve of `study` to its optimum, keeping the master with its cuts for the
    /// re-solves of `purpose` (named in failures: "near-optimal alternatives"). With adaptive
    /// decisions the master has a build column per (fleet, year, node): both searches weight them
    /// by their nodes' probabilities (docs/design.md §10).
    private func optimum(
        of study: Study, for purpose: String
    ) throws -> (DecomposedSolve<Solver>, InvestmentOutcome, RegularizedMaster<Solver>) {
        let options = storedOptions
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        let blocks = try DispatchBlocks(
            index: index, solver: solver, pool: workerPool(threads: options.threads), reusing: nil,
            splitThreshold: options.blockSplitThreshold, residentLimit: options.residentNonzeroLimit)
        let decomposed = DecomposedSolve(index: index, solver: solver, blocks: blocks, options: options)
        let (outcome, master, _) = try decomposed.solve()
        guard outcome.termination == .optimal else {
            throw PlanningError.stageFailed(
                stage: "optimal solve before the \(purpose)", block: "all", termination: outcome.termination,
                message: outcome.message)
        }
        return (decomposed, outcome, master)
    }

    /// The worker threads, kept from run to run while the thread count stays.
    private func workerPool(threads: Int) -> WorkerPool {
        let pool = self.pool.flatMap { $0.threads == max(1, threads) ? $0 : nil } ?? WorkerPool(threads: threads)
        self.pool = pool
        return pool
    }

    /// Evaluates `builds` held on `study` (docs/design.md §8, evaluation): no investment solve;
    /// every (year, scenario) block gets its value, canonical dispatch and write-off exactly as
    /// ``run(_:)`` gives them at the plan it found, and the analysis follows (stress re-solves
    /// only when `stress`). Scenarios may be any set, such as sampled paths. Builds of a fleet or
    /// year the study cannot build are refused, since dropping them would evaluate another plan.
    /// The result's investment outcome stands for the held builds: termination optimal (every
    /// block solved to optimality), the objective those builds reach, no shadow prices.
    ///
    /// ```swift
    /// let builds = [PlanningOptions.StartingBuild(facility: "riyadh", hardware: "gpu", year: 2027, units: 400)]
    /// let result = try pipeline.evaluate(pathsStudy, builds: builds)
    /// print(result.plan?.npvByScenario ?? [], result.analysis?.stranded.fleet.last?.stranded.byScenario ?? [])
    /// ```
    public func evaluate(
        _ study: Study, builds: [PlanningOptions.StartingBuild], stress: Bool = false
    ) throws -> PlanningResult {
        try lock.withLock {
            do { return try hold(builds, on: study, options: storedOptions, stress: stress) } catch {
                reset()
                throw error
            }
        }
    }

    private func hold(
        _ builds: [PlanningOptions.StartingBuild], on study: Study, options: PlanningOptions, stress: Bool
    ) throws -> PlanningResult {
        let clock = ContinuousClock()
        let start = clock.now
        var timings = PlanningResult.Timings()
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        let pool = workerPool(threads: options.threads)
        let blocks = try DispatchBlocks(
            index: index, solver: solver, pool: pool, reusing: self.blocks,
            splitThreshold: options.blockSplitThreshold, residentLimit: options.residentNonzeroLimit)
        blocks.valueStart = options.heldValueStart
        self.blocks = blocks
        let built = try HeldBuilds.units(builds, index: index)
        timings.build = (clock.now - start).seconds
        let investment = InvestmentOutcome(
            method: options.method, termination: .optimal, primalStatus: .feasiblePoint, dualStatus: .noSolution,
            objective: nil, built: built, size: blocks.totalSize)
        return try canonical(
            study: study, index: index, blocks: blocks, pool: pool, investment: investment, built: built,
            objective: nil, options: options, stress: stress, timings: timings)
    }

    private func plan(_ study: Study, options: PlanningOptions) throws -> PlanningResult {
        let clock = ContinuousClock()
        var start = clock.now
        var timings = PlanningResult.Timings()
        let builder = PlacementProgramBuilder(study: study)
        let index = try builder.makeIndex()
        let pool = workerPool(threads: options.threads)
        var method = options.method
        // The blocks come first: every method takes its dispatch from them, and their size decides
        // `auto` without building the whole LP (which, for the largest studies, would not fit).
        let blocks = try DispatchBlocks(
            index: index, solver: solver, pool: pool, reusing: self.blocks,
            splitThreshold: options.blockSplitThreshold, residentLimit: options.residentNonzeroLimit)
        self.blocks = blocks
        if method == .auto {
            method = blocks.totalSize.nonzeros > options.autoThreshold ? .decomposed : .primal
        }
        let program = method == .decomposed ? nil : try builder.build(index: index)
        timings.build = (clock.now - start).seconds
        start = clock.now

        let investment: InvestmentOutcome
        if let program {
            investment = try monolithic.run(program: program, solver: solver, method: method)
        } else {
            investment = try DecomposedSolve(index: index, solver: solver, blocks: blocks, options: options).run()
        }
        timings.solve = (clock.now - start).seconds
        start = clock.now
        guard let built = investment.built, let objective = investment.objective else {
            return PlanningResult(
                study: study, investment: investment, plan: nil, analysis: nil, timings: timings,
                stageIterations: 0, blocksSize: blocks.totalSize)
        }

        // A solve stopped short (a time limit) reports what its builds reach, as held builds do: an
        // interrupted simplex's objective belongs to a dispatch that is not the builds' best.
        return try canonical(
            study: study, index: index, blocks: blocks, pool: pool, investment: investment, built: built,
            objective: investment.termination == .optimal ? objective : nil, options: options,
            stress: options.analyse, timings: timings)
    }

    /// The canonical stage at `built`: each block's value, canonical dispatch and write-off, the
    /// plan assembled from them, the stress re-solves when `stress`, and the analysis.
    private func canonical(
        study: Study, index: PlacementIndex, blocks: DispatchBlocks<Solver>, pool: WorkerPool,
        investment: InvestmentOutcome, built: [[Double]], objective: Double?, options: PlanningOptions, stress: Bool,
        timings: PlanningResult.Timings
    ) throws -> PlanningResult {
        var timings = timings
        let clock = ContinuousClock()
        var start = clock.now
        // Canonical dispatch (and write-off) of every block at the plan's builds.
        let assembler = PlanAssembler(index: index)
        let installed = index.installedByNode(built: built)
        let bookValues = options.analyse ? Self.bookValues(assembler: assembler, built: built) : nil
        let staged = try pool.map(0..<index.blockCount) { b in
            let (y, s) = index.position(ofBlock: b)
            let node = index.tree.node(year: y, scenario: s)
            return try blocks.dispatch(b, installed: installed[y][node], bookValue: bookValues?[y][node])
        }
        let status = PlanAssembler.Status(termination: investment.termination, primalStatus: investment.primalStatus)
        var plan = assembler.plan(
            built: built, blocks: staged.map(\.dispatch), blockValues: staged.map(\.value),
            objective: objective ?? 0, status: status, shadowPrices: investment.shadowPrices)
        if objective == nil {
            // Held builds: the objective those builds reach, (1 - w) E[NPV] + w CVaR as the investment LP counts it.
            let tail = TailRisk.tailNPV(
                npv: plan.npvByScenario, probabilities: plan.scenarioWeights, alpha: study.risk.alpha)
            plan.objectiveUSD = (1 - study.risk.weight) * plan.expectedNPV + study.risk.weight * tail
        }
        var stageIterations = staged.reduce(0) { $0 + $1.iterations }
        timings.stages = staged.reduce(timings.stages) { $0 + $1.seconds }
        timings.canonical = (clock.now - start).seconds
        start = clock.now

        // Stress re-solves of the reference scenario's blocks.
        var cases: [StressTest.Case]?
        if options.analyse, stress,
            let reference = index.scenarios.firstIndex(where: { $0.id == study.referenceScenario.id })
        {
            cases = []
            let stressed = study.workloads.map(\.id).filter { id in study.tenants.contains { $0.workload == id } }
            for workload in stressed {
                let scale = [workload: 1 - study.stress.shock]
                // Each year's block on the worker that owns it.
                let owners = index.years.indices.map { index.block(year: $0, scenario: reference) }
                let results = try pool.map(0..<index.years.count, owners: owners) { y in
                    let node = index.tree.node(year: y, scenario: reference)
                    return try blocks.dispatch(
                        index.block(year: y, scenario: reference), installed: installed[y][node],
                        demandScale: scale, bookValue: bookValues?[y][node])
                }
                stageIterations += results.reduce(0) { $0 + $1.iterations }
                cases?.append(
                    StressTest.Case(
                        workload: workload, plan: plan,
                        dispatch: assembler.dispatch(of: results.map(\.dispatch), scenario: study.referenceScenario.id),
                        iterations: results.reduce(0) { $0 + $1.iterations },
                        warmStarted: results.allSatisfy(\.warmStarted)))
            }
        }
        let analysis = options.analyse ? PlanAnalysis(study: study, plan: plan, stressCases: cases) : nil
        timings.analysis = (clock.now - start).seconds
        return PlanningResult(
            study: study, investment: investment, plan: plan, analysis: analysis, timings: timings,
            stageIterations: stageIterations, blocksSize: blocks.totalSize)
    }

    /// Book value per year position, node of that year and fleet (USD), from the capacity rows of
    /// each node's scenarios' path (fleets first).
    static func bookValues(assembler: PlanAssembler, built: [[Double]]) -> [[[Double]]] {
        let index = assembler.index
        let years = index.years.count
        var rows: [Int: [Plan.FleetYear]] = [:]
        return index.years.indices.map { y in
            index.tree.nodes[y].map { members in
                let s = members[0]
                let path =
                    rows[s]
                    ?? {
                        let path = assembler.capacity(built: built.map { index.path($0, scenario: s) }).rows
                        rows[s] = path
                        return path
                    }()
                return index.fleets.indices.map { path[$0 * years + y].bookValueUSD }
            }
        }
    }
}

/// The scripting entry point: a planning pipeline that re-solves warm from one study to the next.
public typealias IncrementalPlanner = PlanningPipeline
