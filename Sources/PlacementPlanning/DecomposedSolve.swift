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
final class DecomposedSolve<Solver: IncrementalSolver>: @unchecked Sendable {
    /// A block's cut is added when the model's value at the candidate exceeds the block's by more
    /// than this, relative to the value: far below the gap asked for, summed over all blocks.
    static var cutTolerance: Double { 1e-10 }
    /// Where the level is set between the best value found and the master's bound.
    static var levelFraction: Double { 0.5 }
    /// Below this relative gap the iterates are the master's vertices, unregularised.
    static var kelleyGap: Double { 1e-4 }

    let index: PlacementIndex
    let solver: Solver
    let blocks: DispatchBlocks<Solver>
    let options: PlanningOptions
    /// The master with every cut, after ``run()`` (for checks).
    private(set) var finalMaster: (program: BendersMaster, model: LinearProgram)?

    init(index: PlacementIndex, solver: Solver, blocks: DispatchBlocks<Solver>, options: PlanningOptions) {
        self.index = index
        self.solver = solver
        self.blocks = blocks
        self.options = options
    }

    func run() throws -> InvestmentOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let bounds = valueBounds()
        let master = BendersMaster(index: index, valueBounds: bounds)
        var model = CuttingPlaneModel(bounds: bounds)
        let integer = master.model.hasIntegerVariables
        let regularize = !integer && !master.buildColumns.isEmpty
        var lp = master.model
        var lower = -Double.infinity
        var upper = Double.infinity
        var best: [Double]?  // master column values of the best builds
        var history: [DecompositionProgress] = []
        var iterations = 0
        var blockSolves = 0
        var cuts = 0
        var simplexIterations = 0
        var termination = TerminationStatus.iterationLimit
        var lastMaster: Solution?
        var message: String?

        // Two warm sessions, each with a fixed objective: the cutting-plane master and the level
        // problem. Both gain every cut. The master re-solves with the dual simplex from its last
        // basis (new cuts leave it dual feasible). The level problem re-solves with the primal: its
        // centre and level move every iteration, and the dual simplex from the last basis was seen
        // to take 7,000-18,000 iterations there (seconds each, 362 s once on the hourly study)
        // where the primal takes a few hundred.
        let cutting = try solver.makeSession(lp)
        var levelSession: Solver.Session?
        var pendingCuts: [LinearConstraint] = []
        var levelPending: [LinearConstraint] = []
        func record(_ solution: Solution) -> Solution {
            simplexIterations += solution.statistics.iterations
            return solution
        }

        while iterations < options.iterationLimit {
            // The limit is checked once a plan exists, so reaching it always reports the best one found.
            if iterations > 0, let limit = options.timeLimit, clock.now - start >= limit {
                termination = .timeLimit
                break
            }
            iterations += 1
            let masterStart = clock.now
            if !pendingCuts.isEmpty { try cutting.addConstraints(pendingCuts) }
            let relaxed = record(
                try cutting.solveRecovering(
                    using: iterations == 1 ? .primal : .dual, iterationLimit: simplexIterationLimit(ProgramSize(lp))))
            guard relaxed.termination == .optimal, let point = relaxed.primal else {
                termination = relaxed.termination
                message =
                    "the master problem ended \(relaxed.termination.rawValue)"
                    + (relaxed.message.map { ": \($0)" } ?? "")
                break
            }
            lastMaster = relaxed
            upper = min(upper, point.objective)
            var candidate = point.values
            // Level steps keep early iterates from oscillating; near the optimum the master's own
            // vertex (a Kelley step) closes the gap at once, since each block's value is polyhedral.
            let nearOptimum = Self.gap(lower: lower, upper: upper) <= Self.kelleyGap
            if regularize, !nearOptimum, let centre = best, lower > -.infinity, upper - lower > 0 {
                let level = upper - Self.levelFraction * (upper - lower)
                let session: Solver.Session
                if let levelSession {
                    if !levelPending.isEmpty { try levelSession.addConstraints(levelPending) }
                    session = levelSession
                } else {
                    var levelled = lp
                    for column in master.columns { levelled.setObjectiveCoefficient(column, 0) }
                    for (column, weight) in master.distanceObjective {
                        levelled.setObjectiveCoefficient(column, weight)
                    }
                    session = try solver.makeSession(levelled)
                    levelSession = session
                }
                levelPending = []
                try session.setBounds(
                    zip(master.centreRow, master.buildColumns).map { ($0, .equal(centre[$1.index])) }
                        + [(master.levelRow, .greaterOrEqual(level - lp.objectiveConstant))])
                // A warm start GLPK cannot continue from (it has reported a feasible level problem
                // infeasible) is retried afresh; a level step that still fails is skipped, and the
                // master's vertex is the candidate.
                let projected = record(
                    try session.solveRecovering(using: .primal, iterationLimit: simplexIterationLimit(ProgramSize(lp))))
                if projected.termination == .optimal, let projectedPoint = projected.primal {
                    candidate = projectedPoint.values
                }
            }
            let masterSeconds = (clock.now - masterStart).seconds
            let evaluation = try evaluate(master: master, values: candidate)
            blockSolves += index.blockCount
            simplexIterations += evaluation.iterations
            if evaluation.objective > lower {
                lower = evaluation.objective
                best = candidate
            }
            pendingCuts = []
            for (b, value) in evaluation.values.enumerated() {
                // A cut the model already meets at the candidate adds nothing there (the value
                // function is exact at this point): skipping it keeps the master small.
                guard model.value(block: b, at: candidate) > value + Self.cutTolerance * max(1, abs(value))
                else { continue }
                let cut = master.cut(
                    block: b, value: value, capacityDuals: evaluation.duals[b],
                    installed: evaluation.installed[b / index.scenarios.count])
                model.add(cut, block: b)
                pendingCuts.append(
                    LinearConstraint(name: "cut[\(iterations),\(blocks.name(b))]", terms: cut.terms, cut.bound))
            }
            lp.addConstraints(pendingCuts)
            levelPending += pendingCuts
            cuts += pendingCuts.count
            let gap = Self.gap(lower: lower, upper: upper)
            let progress = DecompositionProgress(
                iteration: iterations, lowerBound: lower / PlacementProgram.moneyScale,
                upperBound: upper / PlacementProgram.moneyScale, relativeGap: gap, seconds: (clock.now - start).seconds,
                blockSolves: blockSolves, masterSeconds: masterSeconds)
            history.append(progress)
            options.progress?(progress)
            if gap <= options.relativeGap {
                termination = .optimal
                break
            }
        }

        // The master's last vertex, when it is as good as the best builds, is the plan: a vertex
        // is what a monolithic simplex would report, so the two methods agree on ties.
        if termination == .optimal, let vertex = lastMaster?.primal?.values, vertex != best {
            let check = try evaluate(master: master, values: vertex)
            blockSolves += index.blockCount
            simplexIterations += check.iterations
            if check.objective >= lower - options.relativeGap * max(1, abs(lower)) / 10 {
                lower = max(lower, check.objective)
                best = vertex
            }
        }
        finalMaster = (master, lp)
        var outcome = InvestmentOutcome(
            method: .decomposed, termination: termination,
            primalStatus: best == nil ? .noSolution : .feasiblePoint,
            dualStatus: termination == .optimal && !integer ? .feasiblePoint : .noSolution, message: message,
            objective: best == nil ? nil : lower, built: best.map(master.builtUnits), iterations: simplexIterations,
            warmStarted: false, mipGap: integer ? lastMaster?.relativeGap : nil,
            size: ProgramSize(
                rows: lp.constraintCount + blocks.totalSize.rows,
                columns: lp.variableCount + blocks.totalSize.columns,
                nonzeros: lp.nonzeroCount + blocks.totalSize.nonzeros, integer: integer))
        if termination == .optimal, !integer, let lastMaster {
            outcome.shadowPrices = PlanAssembler.shadowPrices(
                solution: lastMaster, model: lp, powerRow: master.powerRow,
                budgetRow: master.budgetRow, index: index)
        }
        outcome.decomposition = DecompositionStatistics(
            iterations: iterations, blockSolves: blockSolves, cuts: cuts,
            lowerBound: lower / PlacementProgram.moneyScale, upperBound: upper / PlacementProgram.moneyScale,
            relativeGap: Self.gap(lower: lower, upper: upper), history: history)
        return outcome
    }

    /// `(upper - lower) / max(1, |upper|)`, infinite before both bounds exist.
    static func gap(lower: Double, upper: Double) -> Double {
        guard lower.isFinite, upper.isFinite else { return .infinity }
        return max(0, upper - lower) / max(1, abs(upper))
    }

    /// What the blocks say of one set of builds.
    struct Evaluation {
        var objective: Double
        var values: [Double]
        /// `duals[block][fleet]`.
        var duals: [[Double]]
        var installed: [[Double]]
        var iterations: Int
    }

    /// Solves every block's value stage at the builds in `values` (master column values) and
    /// the master objective those builds really reach.
    func evaluate(master: BendersMaster, values: [Double]) throws -> Evaluation {
        let built = master.builtUnits(values)
        let installed = PlanningPipeline<Solver>.installed(index: index, built: built)
        let blocks = self.blocks
        let index = self.index
        let results = try blocks.pool.map(0..<index.blockCount) { b in
            try blocks.solveValue(b, installed: installed[b / index.scenarios.count])
        }
        var blockValues: [Double] = []
        var duals: [[Double]] = []
        var iterations = 0
        for (b, result) in results.enumerated() {
            guard result.termination == .optimal, let value = result.value, let capacityDuals = result.capacityDuals
            else {
                throw PlanningError.stageFailed(
                    stage: "decomposition subproblem", block: blocks.name(b),
                    termination: result.termination, message: result.message)
            }
            blockValues.append(value)
            duals.append(capacityDuals)
            iterations += result.iterations
        }
        return Evaluation(
            objective: objective(master: master, built: values, blockValues: blockValues),
            values: blockValues, duals: duals, installed: installed, iterations: iterations)
    }

    /// The investment objective (scaled money) of builds with these block values:
    /// `(1 - w) E[npv] + w * tail NPV`.
    func objective(master: BendersMaster, built values: [Double], blockValues: [Double]) -> Double {
        let study = index.study
        let weight = study.risk.weight
        var npv = Array(repeating: 0.0, count: index.scenarios.count)
        let costs = master.buildCosts.reduce(0.0) { $0 + $1.1 * values[$1.0.index] }
        for b in 0..<index.blockCount { npv[b % index.scenarios.count] += blockValues[b] }
        let constant =
            InvestmentCosts(index: index, economics: Economics(study: study)).existingFixedOM()
            * PlacementProgram.moneyScale
        for s in npv.indices { npv[s] -= costs + constant }
        let expected = zip(npv, master.weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard weight > 0 else { return expected }
        let tail = TailRisk.tailNPV(npv: npv, probabilities: master.weights, alpha: study.risk.alpha)
        return (1 - weight) * expected + weight * tail
    }

    /// An upper bound on each block's value: every unit of demand served at its best margin.
    func valueBounds() -> [Double] {
        // The parts' bounds add up to 1 each: their sum still bounds the block.
        blocks.blocks.map { block in block.parts.reduce(0) { $0 + $1.valueBound } - Double(block.parts.count - 1) }
    }
}
