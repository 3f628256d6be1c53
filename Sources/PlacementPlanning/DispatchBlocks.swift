import Foundation
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// The (year, scenario) dispatch blocks of one study, each a persistent solver session that is
/// re-solved warm as builds, demand scaling or the stage change (docs/design.md §4, revision 2):
///
/// 1. **value**: capacity at the builds, maximise the block's value (dual simplex after new
///    capacity right-hand sides). This is the decomposition's subproblem; its capacity duals
///    give the optimality cuts.
/// 2. **canonical**: the value row held at the optimum less 1e-9 of it, the objective replaced by
///    busy accelerators; primal simplex from the optimal basis, which stays feasible.
/// 3. **write-off**: the value still held, retire columns opened to `[0, cap]`, the objective
///    replaced by book value retired; primal simplex again.
///
/// Sessions are created, solved and released on their own threads (GLPK's rule), and the
/// blocks are solved on a ``WorkerPool``; each block's sequence of operations does not depend
/// on the thread count, so neither do the results.
final class DispatchBlocks<Solver: IncrementalSolver>: @unchecked Sendable {
    /// One block's program, session and what the session currently holds.
    final class Block: @unchecked Sendable {
        var program: DispatchBlockProgram
        /// The block LP's size (its program keeps no matrix once the session has it).
        let size: ProgramSize
        let session: Solver.Session
        var stage: Stage = .value
        var installed: [Double]?
        var demandScale: [WorkloadID: Double] = [:]
        /// The session has a basis (it was solved once).
        var solved = false

        /// The block program keeps no matrix: the session and the solver hold it.
        init(program: DispatchBlockProgram, session: Solver.Session) {
            size = ProgramSize(program.model)
            var program = program
            program.model = program.model.droppingMatrix()
            self.program = program
            self.session = session
        }
    }

    enum Stage { case value, canonical, writeOff }

    /// What the value stage found.
    struct ValueResult: Sendable {
        var solution: Solution
        /// Per fleet: the capacity rows' duals summed over the block's slices.
        var capacityDuals: [Double]
        var value: Double? { solution.primal.map { $0.objective } }
    }

    /// A block's canonical dispatch and, when asked, its write-off.
    struct StagedDispatch: Sendable {
        var value: Double
        var dispatch: BlockDispatch
        var iterations: Int
        var warmStarted: Bool
    }

    /// Share of a fleet's capacity below which a write-off is the value hold's slack.
    static var retireNoise: Double { 1e-7 }

    let index: PlacementIndex
    private(set) var blocks: [Block]
    let pool: WorkerPool

    init(index: PlacementIndex, solver: Solver, pool: WorkerPool, reusing previous: DispatchBlocks?) throws {
        self.index = index
        self.pool = pool
        // Unnamed: names were a third of a block's memory; errors name the block (`name(b)`).
        let builder = DispatchBlockBuilder(index: index, named: false)
        let previous = previous.flatMap { $0.blocks.count == index.blockCount ? $0.blocks : nil }
        blocks = try pool.map(0..<index.blockCount) { b in
            let program = builder.build(block: b)
            if let old = previous?[b], try old.session.update(to: program.model) {
                let block = Block(program: program, session: old.session)
                return block
            }
            let session = try solver.makeSession(program.model)
            return Block(program: program, session: session)
        }
    }

    /// Rows, columns and nonzeros of all blocks together (write-off columns and value rows included).
    var totalSize: ProgramSize {
        blocks.reduce(ProgramSize(rows: 0, columns: 0, nonzeros: 0, integer: false)) { total, block in
            ProgramSize(
                rows: total.rows + block.size.rows, columns: total.columns + block.size.columns,
                nonzeros: total.nonzeros + block.size.nonzeros, integer: false)
        }
    }

    // MARK: Stages

    /// Stage 1 of block `b` with `installed` units per fleet and the demand scaled by `demandScale`.
    func solveValue(_ b: Int, installed: [Double], demandScale: [WorkloadID: Double] = [:]) throws -> ValueResult {
        let block = blocks[b]
        let program = block.program
        var rows: [(Constraint, RowBound)] = []
        var columns: [(Variable, lower: Double, upper: Double)] = []
        if block.installed != installed {
            rows += program.capacityBounds(installed: installed)
            block.installed = installed
        }
        if block.demandScale != demandScale {
            let demand = program.demandBounds(scale: demandScale, index: index)
            rows += demand.rows
            columns += demand.columns
            block.demandScale = demandScale
        }
        // Back from another stage the objective is replaced, so the stored basis is no longer dual
        // feasible: continue with the primal simplex. New capacity or demand alone keeps the basis
        // dual feasible, and the dual simplex continues from it (the decomposition's re-solves).
        let method: SimplexMethod = block.stage == .value && block.solved ? .dual : .primal
        if block.stage != .value {
            rows.append(program.valueReleased)
            columns += program.retireBounds(installed: nil)
            try block.session.setObjectiveCoefficients(program.objective(program.layout.valueTerms))
            block.stage = .value
        }
        if !rows.isEmpty { try block.session.setBounds(rows) }
        if !columns.isEmpty { try block.session.setVariableBounds(columns) }
        let solution = try solve(block, using: method)
        block.solved = true
        var duals = Array(repeating: 0.0, count: index.fleets.count)
        if let dual = solution.dual {
            let slices = index.slices
            for fleet in duals.indices {
                for k in 0..<slices {
                    if let row = program.layout.capacityRow[fleet * slices + k] { duals[fleet] += dual[row] }
                }
            }
        }
        return ValueResult(solution: solution, capacityDuals: duals)
    }

    /// Stages 2 and 3 of block `b` after ``solveValue(_:installed:demandScale:)`` found `value`:
    /// the canonical dispatch, and with `bookValue` (per fleet, USD) the stranded write-off.
    func stage(_ b: Int, value: Double, bookValue: [Double]?) throws -> StagedDispatch {
        let block = blocks[b]
        let program = block.program
        guard let installed = block.installed else { throw PlanningError.internalState("block \(b) has no capacity") }
        try block.session.setObjectiveCoefficients(program.objective(program.layout.busyTerms))
        block.stage = .canonical
        let (canonical, point) = try solveHeld(b, value: value, stage: "canonical dispatch") {
            try hold(block, value: value, tolerance: DispatchBlockProgram.valueTolerance)
        }
        var dispatch = BlockDispatch(
            layout: program.layout, index: index, values: point.values,
            demandScale: block.demandScale)
        var iterations = canonical.statistics.iterations
        var warm = canonical.statistics.warmStarted
        if let bookValue {
            try block.session.setVariableBounds(program.retireBounds(installed: installed))
            let perUnit = program.retire.enumerated().compactMap { fleet, column in
                column.map {
                    ($0, installed[fleet] > 0 ? bookValue[fleet] / installed[fleet] * PlacementProgram.moneyScale : 0)
                }
            }
            try block.session.setObjectiveCoefficients(program.objective(perUnit))
            block.stage = .writeOff
            let (writeOff, retired) = try solveHeld(b, value: value, stage: "stranded write-off") {
                try solve(block, using: .primal)
            }
            for (fleet, column) in program.retire.enumerated() {
                guard let column else { continue }
                // The value hold lets the write-off retire what 1e-9 of the value buys, about 1e-9 of
                // the capacity: retiring under 1e-7 of it is that slack, not a stranded asset.
                let units = retired[column]
                dispatch.fleets[fleet].retiredUnits = units > Self.retireNoise * installed[fleet] ? units : 0
            }
            iterations += writeOff.statistics.iterations
            warm = warm && writeOff.statistics.warmStarted
        }
        return StagedDispatch(value: value, dispatch: dispatch, iterations: iterations, warmStarted: warm)
    }

    /// Value then canonical (and write-off) for block `b`: the whole dispatch of one block at builds.
    func dispatch(
        _ b: Int, installed: [Double], demandScale: [WorkloadID: Double] = [:],
        bookValue: [Double]?
    ) throws -> StagedDispatch {
        let first = try solveValue(b, installed: installed, demandScale: demandScale)
        guard first.solution.termination == .optimal, let value = first.value else {
            throw PlanningError.stageFailed(
                stage: "dispatch", block: name(b), termination: first.solution.termination,
                message: first.solution.message)
        }
        var staged = try stage(b, value: value, bookValue: bookValue)
        staged.iterations += first.solution.statistics.iterations
        staged.warmStarted = staged.warmStarted && first.solution.statistics.warmStarted
        return staged
    }

    /// Solves a stage that holds the block's value (`attempt`, under the hold already set), and
    /// throws unless it ends optimal. The value optimum is only as exact as the simplex's
    /// feasibility tolerance (1e-7 relative): when the hold proves infeasible, it is relaxed to
    /// that precision and the stage solved again.
    private func solveHeld(
        _ b: Int, value: Double, stage: String, attempt: () throws -> Solution
    ) throws -> (Solution, PrimalPoint) {
        var solution = try attempt()
        if solution.termination == .infeasible {
            solution = try hold(blocks[b], value: value, tolerance: DispatchBlockProgram.solverTolerance)
        }
        guard solution.termination == .optimal, let point = solution.primal else {
            throw PlanningError.stageFailed(
                stage: stage, block: name(b), termination: solution.termination, message: solution.message)
        }
        return (solution, point)
    }

    /// Re-solves with the block's value held at `value` less `tolerance` of it (primal simplex:
    /// the stored optimum satisfies the new row).
    private func hold(_ block: Block, value: Double, tolerance: Double) throws -> Solution {
        try block.session.setBounds([block.program.valueHeld(at: value, tolerance: tolerance)])
        return try solve(block, using: .primal)
    }

    /// Solves from the stored basis, with fresh starts when that fails or cycles
    /// (``LinearProgramSession/solveRecovering(using:iterationLimit:)``).
    private func solve(_ block: Block, using method: SimplexMethod) throws -> Solution {
        try block.session.solveRecovering(using: method, iterationLimit: simplexIterationLimit(block.size))
    }

    /// `year,scenario` of a block, for messages.
    func name(_ b: Int) -> String {
        let s = b % index.scenarios.count
        let y = b / index.scenarios.count
        return "\(index.years[y]),\(index.scenarios[s].id)"
    }
}

/// Failures of the planning pipeline's own stages.
public enum PlanningError: Error, CustomStringConvertible, Sendable {
    case stageFailed(stage: String, block: String, termination: TerminationStatus, message: String?)
    case internalState(String)

    public var description: String {
        switch self {
        case .stageFailed(let stage, let block, let termination, let message):
            "the \(stage) of block [\(block)] ended \(termination.rawValue)" + (message.map { ": \($0)" } ?? "")
        case .internalState(let text):
            "internal error: \(text)"
        }
    }
}
