import Foundation
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Stages 2 and 3, held at the block's value: the canonical dispatch (the most busy
/// accelerator-hours) and the stranded write-off (the most book value retired), docs/design.md
/// §4, revision 2.
extension DispatchBlocks {
    /// Stages 2 and 3 of block `b` after ``solveValue(_:installed:demandScale:)`` found its value:
    /// the canonical dispatch, and with `bookValue` (per fleet, USD) the stranded write-off.
    ///
    /// Both hold the block's value, which ties its slices together: a block of one part runs
    /// them in its own session; a block of several runs them in a program that joins its parts
    /// under one value row, built for the purpose and started from the parts' value-stage bases
    /// (their optimum, so the primal simplex continues from it). The parts stay in the value stage.
    func stage(_ b: Int, bookValue: [Double]?) throws -> StagedDispatch {
        let clock = ContinuousClock()
        var start = clock.now
        var seconds = PlanningResult.StageSeconds()
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
        seconds.canonical = (clock.now - start).seconds
        start = clock.now
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
            seconds.writeOff = (clock.now - start).seconds
        }
        return StagedDispatch(
            value: value, dispatch: dispatch, iterations: iterations, warmStarted: warm, seconds: seconds)
    }

    /// A session of block `b`'s parts joined under one value row (or of its one part, not kept
    /// resident), with its capacity and demand, at the parts' value-stage optimum.
    fileprivate func joined(
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
    func program(of part: Part, block b: Int) -> DispatchBlockProgram {
        part.isWholeBlock ? builder.build(block: b) : builder.build(block: b, slices: part.slices)
    }

    /// Value then canonical (and write-off) for block `b`: the whole dispatch of one block at builds.
    func dispatch(
        _ b: Int, installed: [Double], demandScale: [WorkloadID: Double] = [:],
        bookValue: [Double]?
    ) throws -> StagedDispatch {
        let clock = ContinuousClock()
        let start = clock.now
        let first = try solveValue(b, installed: installed, demandScale: demandScale)
        let valueSeconds = (clock.now - start).seconds
        guard first.termination == .optimal, first.value != nil else {
            throw PlanningError.stageFailed(
                stage: "dispatch", block: name(b), termination: first.termination, message: first.message)
        }
        var staged = try stage(b, bookValue: bookValue)
        staged.iterations += first.iterations
        staged.warmStarted = staged.warmStarted && first.warmStarted
        staged.seconds.value = valueSeconds
        return staged
    }
    /// Solves a stage that holds values at `tolerance` (`hold` sets the holds at a tolerance;
    /// `held` says they are in place already) and throws unless it ends optimal. The value
    /// optimum is only as exact as the simplex's feasibility tolerance (1e-7 relative): when the
    /// hold proves infeasible, it is relaxed to that precision and the stage solved again.
    fileprivate func solveHeld(
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
    /// (``LinearProgramSession/solveRecovering(using:simplexIterationLimit:)``).
    func solve(_ session: Solver.Session, size: ProgramSize, using method: SimplexMethod) throws -> Solution {
        try session.solveRecovering(using: method, simplexIterationLimit: simplexIterationLimit(size))
    }

    /// `year,scenario` of a block, for messages.
    func name(_ b: Int) -> String {
        let (y, s) = index.position(ofBlock: b)
        return "\(index.years[y]),\(index.scenarios[s].id)"
    }
}
