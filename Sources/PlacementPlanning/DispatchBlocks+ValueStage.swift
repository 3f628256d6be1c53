import Foundation
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Stage 1, the value: each part of a block solved at the builds' capacity (and a stress's
/// demand) from its last basis. The block's value, the sum of its parts', is the decomposition's
/// subproblem; its capacity duals give the optimality cuts.
extension DispatchBlocks {
    /// How a part's value stage is solved, by what the part keeps between solves.
    enum ValueStrategy {
        /// The part's own session is set to what changed and re-solved.
        case resident(Part.Resident)
        /// The block's one shared session is set to the part's slice and started from its basis.
        case shared(SharedSlices)
        /// The part's program is built again and started from its stored basis.
        case rebuilt

        init(part: Part, block: Block) {
            if let resident = part.resident {
                self = .resident(resident)
            } else if let shared = block.shared {
                self = .shared(shared)
            } else {
                self = .rebuilt
            }
        }
    }

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
            let (program, solution): (DispatchBlockProgram, Solution)
            switch ValueStrategy(part: part, block: block) {
            case .resident(let resident):
                (program, solution) = try resolve(
                    resident, part: part, newCapacity: newCapacity, newDemand: newDemand,
                    fromOtherStage: fromOtherStage, installed: installed, demandScale: demandScale)
            case .shared(let shared):
                (program, solution) = try solveShared(
                    shared, part: part, installed: installed, demandScale: demandScale)
            case .rebuilt:
                (program, solution) = try rebuildAndSolve(
                    part, block: b, installed: installed, demandScale: demandScale)
            }
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
    /// simplex continues from the stored basis: new capacity or demand alone keeps the basis dual
    /// feasible, but GLPK's primal simplex from it was measured faster than its dual on these
    /// programs after large moves (bench/README.md, "Measurements behind the defaults"); after
    /// another stage the objective changed too. A new capacity alone uses
    /// ``DispatchBlocks/capacityChangeMethod``.
    fileprivate func resolve(
        _ resident: Part.Resident, part: Part, newCapacity: Bool, newDemand: Bool, fromOtherStage: Bool,
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
        guard valueStart != .continuing else {
            let method = newCapacity && !newDemand && !fromOtherStage ? capacityChangeMethod : .primal
            return (program, try solve(session, size: part.size, using: method))
        }
        // The primal simplex here too: from a value optimum of other numbers, GLPK's dual simplex
        // took 3.5 times the iterations (bench/README.md, risk).
        if let basis = part.valueBasis { try session.setBasis(basis) }
        let solution = try solve(session, size: part.size, using: .primal)
        if part.valueBasis == nil || valueStart == .lastValueBasis { part.valueBasis = try session.basis() }
        return (program, solution)
    }

    /// A slice of a block not kept resident, solved in the block's shared session: the session set
    /// to the slice's demand and this capacity, started from the slice's stored basis (before its
    /// first solve, from the basis the block's previous slice ended with: the same program but for
    /// the demand), the primal simplex, the new basis stored. The same sequence of calls, whatever
    /// the thread count.
    fileprivate func solveShared(
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
    fileprivate func rebuildAndSolve(
        _ part: Part, block b: Int, installed: [Double], demandScale: [WorkloadID: Double]
    ) throws -> (DispatchBlockProgram, Solution) {
        let program = self.program(of: part, block: b)
        let session = try solver.makeSession(
            program.bounded(installed: installed, demandScale: demandScale, index: index))
        return (program, try solveFromStoredBasis(part, in: session))
    }

    /// A part not kept resident, set up in `session`: started from the part's stored basis when it
    /// has one, solved with the primal simplex, and the basis it ends with stored for next time.
    fileprivate func solveFromStoredBasis(_ part: Part, in session: Solver.Session) throws -> Solution {
        if let basis = part.basis { try session.setBasis(basis) }
        let solution = try solve(session, size: part.size, using: .primal)
        part.basis = try session.basis()
        return solution
    }
}
