import Foundation
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// The (year, scenario) dispatch blocks of one study, each split into parts that no row ties
/// together (its slices, unless category share rows sum over them or the block is small), every
/// part a solver session re-solved warm as builds, demand scaling or the stage change, or, for
/// studies too large to keep in memory, rebuilt and started from its stored basis
/// (docs/design.md §4, revision 2; docs/formulation.md, "Blocks split by slice"):
///
/// 1. **value**: capacity at the builds, maximise each part's value (primal simplex from the
///    last basis). The block's value, the sum of its parts', is the decomposition's subproblem;
///    the capacity duals give the optimality cuts.
/// 2. **canonical**: the block's value row held at its optimum less 1e-9 of it, the objective
///    replaced by busy accelerators; primal simplex from the optimal basis, which stays feasible.
/// 3. **write-off**: the value still held, retire columns opened to `[0, cap]`, the objective
///    replaced by book value retired; primal simplex again.
///
/// A block of one resident part runs all three stages in its session. Otherwise stages 2 and 3
/// run on a program that joins the parts under the block's value row (the hold ties the slices
/// together), started from the parts' value-stage bases. Splitting is exact: the parts' value
/// and duals are the block's. It is also what makes large blocks cheap, since a simplex's work
/// grows faster than its size (an hourly block of 24 slices took 104 s as one LP where one of
/// its slices takes 0.108 s; bench/README.md).
///
/// Sessions are created, solved and released on their own threads (GLPK's rule), and the
/// blocks are solved on a ``WorkerPool``; each block's sequence of operations does not depend
/// on the thread count, so neither do the results.
final class DispatchBlocks<Solver: IncrementalSolver>: @unchecked Sendable {
    /// One part of a block: its slices and size, and either its resident program and session or,
    /// for studies too large to keep resident, the basis its last solve ended with.
    final class Part: @unchecked Sendable {
        /// A program without its matrix (the session and the solver hold it) and its live session.
        struct Resident {
            let program: DispatchBlockProgram
            let session: Solver.Session
        }

        let slices: Range<Int>
        /// Whether the part is its whole block, write-off and share rows included.
        let isWholeBlock: Bool
        let size: ProgramSize
        /// An upper bound on the part's value (``DispatchBlockProgram/valueBound(index:)``).
        let valueBound: Double
        /// Nil when parts are not kept resident: each solve rebuilds the program.
        let resident: Resident?
        /// Not resident: the basis the last value stage ended with (nil before the first).
        var basis: Basis?
        /// The value the last value stage found.
        var value = 0.0

        init(program: DispatchBlockProgram, index: PlacementIndex, session: Solver.Session?) {
            slices = program.slices
            isWholeBlock = program.hasRetire
            size = ProgramSize(program.model)
            valueBound = program.valueBound(index: index)
            resident = session.map { session in
                var program = program
                program.model = program.model.droppingMatrix()
                return Resident(program: program, session: session)
            }
        }
    }

    /// One session standing for every slice of a block not kept resident: the program of its
    /// first slice, whose matrix and objective are every slice's, set to a slice's demand and
    /// capacity and started from that slice's stored basis for each solve.
    struct SharedSlices {
        /// Slice 0's program without its matrix (the session holds it).
        let program: DispatchBlockProgram
        let session: Solver.Session
        /// Every demand point's rate in every slice (``DispatchBlockBuilder/demandRates(year:scenario:)``).
        let rates: [Double]
    }

    /// One block's parts and what their sessions currently hold.
    final class Block: @unchecked Sendable {
        let parts: [Part]
        /// For a block split by slice and not kept resident, when its slices share one structure.
        let shared: SharedSlices?
        var stage: Stage = .value
        var installed: [Double]?
        var demandScale: [WorkloadID: Double] = [:]

        init(parts: [Part], shared: SharedSlices? = nil) {
            self.parts = parts
            self.shared = shared
        }

        /// The block's size, all parts together.
        var size: ProgramSize { ProgramSize.sum(parts.map(\.size)) }
    }

    enum Stage { case value, canonical, writeOff }

    /// What the value stage found: the parts' results added up.
    struct ValueResult: Sendable {
        /// Optimal when every part is; else the first other part's status and message.
        var termination: TerminationStatus
        var message: String?
        /// The block's value (the sum of its parts'), when every part found one.
        var value: Double?
        /// Per fleet: the capacity rows' duals summed over the block's slices; nil without duals.
        var capacityDuals: [Double]?
        var iterations: Int
        var warmStarted: Bool
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
    let solver: Solver
    /// Builds the programs: unnamed, since names were a third of a block's memory; errors name
    /// the block (`name(b)`).
    private let builder: DispatchBlockBuilder

    /// Builds every block's parts and opens their sessions, reusing `previous`'s sessions where
    /// the structure is the same.
    ///
    /// - Parameters:
    ///   - index: the study's index.
    ///   - solver: opens the sessions.
    ///   - pool: the threads the blocks are built and solved on.
    ///   - previous: the blocks of the last run, whose sessions are updated warm when they fit.
    ///   - splitThreshold: the nonzeros from which a block is split into its independent parts
    ///     (``PlanningOptions/blockSplitThreshold``); a smaller block is kept whole, one part.
    ///   - residentLimit: the nonzeros of all blocks together above which no part is kept
    ///     resident (``PlanningOptions/residentNonzeroLimit``), estimated from the first block.
    /// - Throws: the solver's error when a session cannot be opened.
    init(
        index: PlacementIndex, solver: Solver, pool: WorkerPool, reusing previous: DispatchBlocks?,
        splitThreshold: Int = 0, residentLimit: Int = .max
    ) throws {
        self.index = index
        self.pool = pool
        self.solver = solver
        let builder = DispatchBlockBuilder(index: index, named: false)
        self.builder = builder
        let first = Self.programs(block: 0, builder: builder, splitThreshold: splitThreshold)
        // Blocks differ little in size: the first one's, times their number, decides.
        let estimate = first.reduce(0) { $0 + $1.model.nonzeroCount } * index.blockCount
        isResident = estimate <= residentLimit
        let isResident = isResident
        let previous = previous.flatMap { $0.blocks.count == index.blockCount && $0.isResident ? $0.blocks : nil }
        blocks = try pool.map(0..<index.blockCount) { b in
            let programs = b == 0 ? first : Self.programs(block: b, builder: builder, splitThreshold: splitThreshold)
            guard isResident else {
                return Block(
                    parts: programs.map { Part(program: $0, index: index, session: nil) },
                    shared: try Self.sharedSlices(block: b, programs: programs, builder: builder, solver: solver))
            }
            let reused = previous?[b].parts.count == programs.count ? previous?[b].parts : nil
            return Block(
                parts: try programs.enumerated().map { n, program in
                    if let old = reused?[n].resident?.session, try old.update(to: program.model) {
                        return Part(program: program, index: index, session: old)
                    }
                    return Part(program: program, index: index, session: try solver.makeSession(program.model))
                })
        }
    }

    /// The one session of a split block not kept resident, when every slice has the same rows and
    /// columns (each demand point has demand in all slices or in none); else nil, and each part is
    /// rebuilt for each solve. One session per block instead of one program built and loaded per
    /// slice and solve: on the hourly study that building was 17 s of each Benders pass.
    private static func sharedSlices(
        block b: Int, programs: [DispatchBlockProgram], builder: DispatchBlockBuilder, solver: Solver
    ) throws -> SharedSlices? {
        guard programs.count > 1, programs.allSatisfy({ $0.slices.count == 1 }) else { return nil }
        let (year, scenario) = builder.index.position(ofBlock: b)
        let rates = builder.demandRates(year: year, scenario: scenario)
        guard builder.slicesShareStructure(rates: rates) else { return nil }
        var program = programs[0]
        let session = try solver.makeSession(program.model)
        program.model = program.model.droppingMatrix()
        return SharedSlices(program: program, session: session, rates: rates)
    }

    /// The programs of block `b`'s parts: one per independent group of slices when the block holds
    /// at least `splitThreshold` nonzeros, else the whole block (with its write-off columns, as it
    /// runs every stage in its own session). Building a small block twice costs little.
    private static func programs(
        block b: Int, builder: DispatchBlockBuilder, splitThreshold: Int
    ) -> [DispatchBlockProgram] {
        let groups = builder.independentParts
        if groups.count > 1, splitThreshold < .max {
            let parts = groups.map { builder.build(block: b, slices: $0) }
            if parts.reduce(0, { $0 + $1.model.nonzeroCount }) >= splitThreshold { return parts }
        }
        return [builder.build(block: b)]
    }

    /// Whether every part keeps its program and session between solves; otherwise each solve
    /// rebuilds the part's program and starts from its stored basis.
    let isResident: Bool

    /// Rows, columns and nonzeros of all blocks together (value rows, and the write-off columns
    /// of blocks kept whole, included).
    var totalSize: ProgramSize { ProgramSize.sum(blocks.map(\.size)) }

    // MARK: Stages

    /// Stage 1 of block `b` with `installed` units per fleet and the demand scaled by `demandScale`.
    func solveValue(_ b: Int, installed: [Double], demandScale: [WorkloadID: Double] = [:]) throws -> ValueResult {
        let block = blocks[b]
        let newCapacity = block.installed != installed
        let newDemand = block.demandScale != demandScale
        let fromOtherStage = block.stage != .value
        block.installed = installed
        block.demandScale = demandScale
        block.stage = .value
        var result = ValueResult(
            termination: .optimal, value: 0, capacityDuals: Array(repeating: 0, count: index.fleets.count),
            iterations: 0, warmStarted: true)
        for part in block.parts {
            let (program, solution) =
                try part.resident.map {
                    try resolve(
                        $0, size: part.size, newCapacity: newCapacity, newDemand: newDemand,
                        fromOtherStage: fromOtherStage, installed: installed, demandScale: demandScale)
                }
                ?? block.shared.map { try solveShared($0, part: part, installed: installed, demandScale: demandScale) }
                ?? rebuildAndSolve(part, block: b, installed: installed, demandScale: demandScale)
            result.iterations += solution.statistics.iterations
            result.warmStarted = result.warmStarted && solution.statistics.warmStarted
            guard result.termination == .optimal else { continue }
            guard solution.termination == .optimal, let point = solution.primal else {
                result.termination = solution.termination == .optimal ? .otherError : solution.termination
                result.message = solution.message
                result.value = nil
                continue
            }
            part.value = point.objective
            result.value? += point.objective
            if let dual = solution.dual {
                let slices = index.slices
                for fleet in index.fleets.indices {
                    for k in program.slices {
                        if let row = program.layout.capacityRow[fleet * slices + k] {
                            result.capacityDuals?[fleet] += dual[row]
                        }
                    }
                }
            } else {
                result.capacityDuals = nil
            }
        }
        return result
    }

    /// A resident part's value stage: only what changed is set in its session. The primal
    /// simplex continues from the stored basis whatever changed: new capacity or demand alone
    /// keeps the basis dual feasible, but GLPK's primal simplex from it was measured faster than
    /// its dual on these programs, by 1.3 to 3.8 times after large moves (block-probe
    /// --compare-starts, bench/README.md); after another stage the objective changed too.
    private func resolve(
        _ resident: Part.Resident, size: ProgramSize, newCapacity: Bool, newDemand: Bool, fromOtherStage: Bool,
        installed: [Double], demandScale: [WorkloadID: Double]
    ) throws -> (DispatchBlockProgram, Solution) {
        let program = resident.program
        let session = resident.session
        var rows: [(Constraint, RowBound)] = []
        var columns: [(Variable, lower: Double, upper: Double)] = []
        if newCapacity { rows += program.capacityBounds(installed: installed) }
        if newDemand {
            let demand = program.demandBounds(scale: demandScale, index: index)
            rows += demand.rows
            columns += demand.columns
        }
        if fromOtherStage {
            rows += program.valueReleased
            columns += program.retireBounds(installed: nil)
            try session.setObjectiveCoefficients(program.objective(program.layout.valueTerms))
        }
        if !rows.isEmpty { try session.setBounds(rows) }
        if !columns.isEmpty { try session.setVariableBounds(columns) }
        return (program, try solve(session, size: size, using: .primal))
    }

    /// A slice of a block not kept resident, solved in the block's shared session: the session set
    /// to the slice's demand and this capacity, started from the slice's stored basis (before its
    /// first solve, from the basis the block's previous slice ended with: the same program but for
    /// the demand), the primal simplex, the new basis stored. The same sequence of calls, whatever
    /// the thread count.
    private func solveShared(
        _ shared: SharedSlices, part: Part, installed: [Double], demandScale: [WorkloadID: Double]
    ) throws -> (DispatchBlockProgram, Solution) {
        let program = shared.program
        let demand = program.demandBounds(
            scale: demandScale, index: index, asSlice: part.slices.lowerBound, rates: shared.rates)
        try shared.session.setBounds(program.capacityBounds(installed: installed) + demand.rows)
        try shared.session.setVariableBounds(demand.columns)
        return (program, try solveFromStoredBasis(part, in: shared.session))
    }

    /// A part not kept resident: its program built again with this capacity and demand, a session
    /// opened on it from the stored basis, the primal simplex, the new basis stored.
    private func rebuildAndSolve(
        _ part: Part, block b: Int, installed: [Double], demandScale: [WorkloadID: Double]
    ) throws -> (DispatchBlockProgram, Solution) {
        let program = self.program(of: part, block: b)
        let session = try solver.makeSession(
            program.bounded(installed: installed, demandScale: demandScale, index: index))
        return (program, try solveFromStoredBasis(part, in: session))
    }

    /// A part not kept resident, set up in `session`: started from the part's stored basis when it
    /// has one, solved with the primal simplex, and the basis it ends with stored for next time.
    private func solveFromStoredBasis(_ part: Part, in session: Solver.Session) throws -> Solution {
        if let basis = part.basis { try session.setBasis(basis) }
        let solution = try solve(session, size: part.size, using: .primal)
        part.basis = try session.basis()
        return solution
    }

    /// Stages 2 and 3 of block `b` after ``solveValue(_:installed:demandScale:)`` found its value:
    /// the canonical dispatch, and with `bookValue` (per fleet, USD) the stranded write-off.
    ///
    /// Both hold the block's value, which ties its slices together: a block of one part runs
    /// them in its own session; a block of several runs them in a program that joins its parts
    /// under one value row, built for the purpose and started from the parts' value-stage bases
    /// (their optimum, so the primal simplex continues from it). The parts stay in the value stage.
    func stage(_ b: Int, bookValue: [Double]?) throws -> StagedDispatch {
        let block = blocks[b]
        guard let installed = block.installed else { throw PlanningError.internalState("block \(b) has no capacity") }
        let value = block.parts.reduce(0) { $0 + $1.value }
        let program: DispatchBlockProgram
        let session: Solver.Session
        let size: ProgramSize
        if block.parts.count == 1, let part = block.parts.first, let resident = part.resident {
            (program, session, size) = (resident.program, resident.session, part.size)
            block.stage = .canonical
        } else {
            (program, session, size) = try joined(block, b: b, installed: installed)
        }
        try session.setObjectiveCoefficients(program.objective(program.layout.busyTerms))
        let hold = { (tolerance: Double) in
            try session.setBounds([program.valueHeld(at: value, tolerance: tolerance)])
        }
        let (canonical, point) = try solveHeld(
            block: b, stage: "canonical dispatch", tolerance: DispatchBlockProgram.valueTolerance, held: false,
            hold: hold, solve: { try solve(session, size: size, using: .primal) })
        var dispatch = BlockDispatch(
            layout: program.layout, index: index, values: point.values, demandScale: block.demandScale)
        var iterations = canonical.statistics.iterations
        var warm = canonical.statistics.warmStarted
        if let bookValue {
            try session.setVariableBounds(program.retireBounds(installed: installed))
            let perUnit = program.retire.enumerated().compactMap { fleet, column in
                column.map {
                    ($0, installed[fleet] > 0 ? bookValue[fleet] / installed[fleet] * PlacementProgram.moneyScale : 0)
                }
            }
            try session.setObjectiveCoefficients(program.objective(perUnit))
            if block.parts.count == 1 { block.stage = .writeOff }
            // The hold stays as the canonical stage left it (relaxed there when it had to be).
            let (writeOff, retired) = try solveHeld(
                block: b, stage: "stranded write-off", tolerance: DispatchBlockProgram.valueTolerance, held: true,
                hold: hold, solve: { try solve(session, size: size, using: .primal) })
            for (fleet, column) in program.retire.enumerated() {
                guard let column else {
                    // No capacity row: nothing in this block can use the fleet (no arc, arcs in no
                    // slice, no demand on its arcs), so all of it can be written off at no loss.
                    dispatch.fleets[fleet].retiredUnits = max(0, installed[fleet])
                    continue
                }
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

    /// A session of block `b`'s parts joined under one value row (or of its one part, not kept
    /// resident), with its capacity and demand, at the parts' value-stage optimum.
    private func joined(
        _ block: Block, b: Int, installed: [Double]
    ) throws -> (DispatchBlockProgram, Solver.Session, ProgramSize) {
        let bases = try block.parts.map { part in
            guard let basis = try part.resident.map({ try $0.session.basis() }) ?? part.basis else {
                throw PlanningError.internalState("a part of block \(name(b)) has no basis after its value stage")
            }
            return basis
        }
        let whole = block.parts.count == 1
        let program =
            whole
            ? builder.build(block: b)
            : builder.build(
                year: index.position(ofBlock: b).year, scenario: index.position(ofBlock: b).scenario,
                parts: block.parts.map(\.slices), sharingValue: true)
        let model = program.bounded(installed: installed, demandScale: block.demandScale, index: index)
        let session = try solver.makeSession(model)
        // A block of one part is its own program, so its basis fits as it is.
        try session.setBasis(whole ? bases[0] : program.joiningBases(bases))
        return (program, session, ProgramSize(model))
    }

    /// The program of a part that is not kept resident, built again.
    private func program(of part: Part, block b: Int) -> DispatchBlockProgram {
        part.isWholeBlock ? builder.build(block: b) : builder.build(block: b, slices: part.slices)
    }

    /// Value then canonical (and write-off) for block `b`: the whole dispatch of one block at builds.
    func dispatch(
        _ b: Int, installed: [Double], demandScale: [WorkloadID: Double] = [:],
        bookValue: [Double]?
    ) throws -> StagedDispatch {
        let first = try solveValue(b, installed: installed, demandScale: demandScale)
        guard first.termination == .optimal, first.value != nil else {
            throw PlanningError.stageFailed(
                stage: "dispatch", block: name(b), termination: first.termination, message: first.message)
        }
        var staged = try stage(b, bookValue: bookValue)
        staged.iterations += first.iterations
        staged.warmStarted = staged.warmStarted && first.warmStarted
        return staged
    }

    // MARK: Solving

    /// Solves a stage that holds values at `tolerance` (`hold` sets the holds at a tolerance;
    /// `held` says they are in place already) and throws unless it ends optimal. The value
    /// optimum is only as exact as the simplex's feasibility tolerance (1e-7 relative): when the
    /// hold proves infeasible, it is relaxed to that precision and the stage solved again.
    private func solveHeld(
        block b: Int, stage: String, tolerance: Double, held: Bool,
        hold: (Double) throws -> Void, solve: () throws -> Solution
    ) throws -> (Solution, PrimalPoint) {
        if !held { try hold(tolerance) }
        var solution = try solve()
        if solution.termination == .infeasible, tolerance < DispatchBlockProgram.solverTolerance {
            try hold(DispatchBlockProgram.solverTolerance)
            solution = try solve()
        }
        guard solution.termination == .optimal, let point = solution.primal else {
            throw PlanningError.stageFailed(
                stage: stage, block: name(b), termination: solution.termination, message: solution.message)
        }
        return (solution, point)
    }

    /// Solves from the stored basis, with fresh starts when that fails or cycles
    /// (``LinearProgramSession/solveRecovering(using:iterationLimit:)``).
    private func solve(_ session: Solver.Session, size: ProgramSize, using method: SimplexMethod) throws -> Solution {
        try session.solveRecovering(using: method, iterationLimit: simplexIterationLimit(size))
    }

    /// `year,scenario` of a block, for messages.
    func name(_ b: Int) -> String {
        let (y, s) = index.position(ofBlock: b)
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
