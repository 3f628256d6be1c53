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
/// grows faster than its size (bench/README.md, "Measurements behind the defaults").
///
/// This file holds the container; the value stage is in DispatchBlocks+ValueStage.swift (one
/// ``ValueStrategy`` per part: resident, shared or rebuilt) and the held stages in
/// DispatchBlocks+HeldStages.swift. Block `b` is built and solved on worker `b mod N` of the
/// ``WorkerPool``, so its state is touched by one thread; its sessions, opened there, share that
/// worker's GLPK thread. Each block's sequence of operations does not depend on the thread
/// count, so neither do the results.
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
        /// Resident, with ``DispatchBlocks/valueStart`` `.lastValueBasis`: the basis the last value
        /// stage ended with, carried to the blocks that reuse the session.
        var valueBasis: Basis?

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
        /// Seconds spent in each stage (value, canonical dispatch, write-off).
        var seconds = PlanningResult.StageSeconds()
    }

    /// Share of a fleet's capacity below which a write-off is the value hold's slack.
    static var retireNoise: Double { 1e-7 }

    let index: PlacementIndex
    let blocks: [Block]
    let pool: WorkerPool
    let solver: Solver
    /// Builds the programs: unnamed, since names were a third of a block's memory; errors name
    /// the block (`name(b)`).
    let builder: DispatchBlockBuilder

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
                    if let old = reused?[n], let session = old.resident?.session, try session.update(to: program.model)
                    {
                        let part = Part(program: program, index: index, session: session)
                        part.valueBasis = old.valueBasis
                        return part
                    }
                    return Part(program: program, index: index, session: try solver.makeSession(program.model))
                })
        }
    }

    /// The one session of a split block not kept resident, when every slice has the same rows and
    /// columns (each demand point has demand in all slices or in none); else nil, and each part is
    /// rebuilt for each solve. One session per block instead of one program built and loaded per
    /// slice and solve (bench/README.md, "Measurements behind the defaults").
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

    /// Where a resident part's value stage starts (``PlanningOptions/heldValueStart``).
    var valueStart = PlanningOptions.ValueStageStart.continuing

    /// The simplex method of a resident part's value stage when only its capacity changed since
    /// its last value stage. The primal by default: after the large moves of a decomposed solve's
    /// early iterations it was measured faster than the dual. The near-optimal search, whose
    /// points move little from one evaluation to the next, sets the dual (a new capacity leaves
    /// the basis dual feasible; bench/README.md, alternatives). Set between solves, never during one.
    var capacityChangeMethod = SimplexMethod.primal

    /// Whether every part keeps its program and session between solves; otherwise each solve
    /// rebuilds the part's program and starts from its stored basis.
    let isResident: Bool

    /// Rows, columns and nonzeros of all blocks together (value rows, and the write-off columns
    /// of blocks kept whole, included).
    var totalSize: ProgramSize { ProgramSize.sum(blocks.map(\.size)) }
}
