import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// Solves sweep variants with the full optimize + analysis, reusing work between them.
///
/// Each worker thread keeps its own solver sessions (GLPK's state is per thread and a
/// session owns its thread). Inside a block, each variant's LP is compared with the
/// session's: when only numbers differ (prices, demand, limits, probabilities, matrix
/// coefficients) they are changed in the live problem and the simplex restarts from the
/// previous optimal basis; when the structure differs (an arc appears or vanishes) the
/// session is rebuilt. The stress re-solves reuse a second session the same way.
///
/// ```swift
/// let runner = SweepRunner(base: study, sweep: sweep, solver: GLPKSolver(), workers: 2)
/// try runner.run(blocks: SweepSchedule(sweep: sweep, blockSize: 16).blocks) { result in print(result.id) }
/// ```
public struct SweepRunner<Solver: IncrementalSolver>: Sendable {
    public var base: Study
    public var sweep: Sweep
    public var solver: Solver
    public var workers: Int
    /// Run the stress re-solves and stranded-asset risk for each variant.
    public var analyse: Bool
    /// Start every variant from scratch (for comparisons): no warm starts at all.
    public var cold: Bool
    /// How each variant is planned (method, gap, time limit); `analyse` above wins over its own.
    public var planning: PlanningOptions

    public init(
        base: Study, sweep: Sweep, solver: Solver, workers: Int = 2, analyse: Bool = true, cold: Bool = false,
        planning: PlanningOptions = PlanningOptions()
    ) {
        self.base = base
        self.sweep = sweep
        self.solver = solver
        self.workers = max(1, workers)
        self.analyse = analyse
        self.cold = cold
        self.planning = planning
    }

    /// Each worker's pipeline: the workers share the cores, so each gets its part of the block threads.
    func makePipeline() -> PlanningPipeline<Solver> {
        var options = planning
        options.analyse = analyse
        options.threads = max(1, planning.threads / workers)
        return PlanningPipeline(solver: solver, options: options)
    }

    /// Runs `blocks` on the worker threads; `skip` ids are solved only to keep the warm path
    /// identical (a resumed block), not reported. `report` is called once per reported
    /// variant, serialised, from a worker thread.
    public func run(blocks: [[Int]], skip: Set<Int> = [], report: @escaping @Sendable (VariantResult) -> Void) {
        let queue = BlockQueue(blocks: blocks.filter { !$0.allSatisfy(skip.contains) })
        let reporting = NSLock()
        let group = DispatchGroup()
        for worker in 0..<min(workers, max(1, blocks.count)) {
            group.enter()
            let thread = Thread { [self] in
                let planner = makePipeline()
                while let block = queue.next() {
                    // Every block starts cold, so results do not depend on which worker ran what.
                    planner.reset()
                    for id in block {
                        if cold { planner.reset() }
                        let result = solve(id, with: planner)
                        guard !skip.contains(id) else { continue }
                        reporting.lock()
                        report(result)
                        reporting.unlock()
                    }
                }
                group.leave()
            }
            thread.name = "sweep-worker-\(worker)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
    }

    /// Solves one variant, warm when the planner's sessions allow.
    func solve(_ id: Int, with planner: PlanningPipeline<Solver>) -> VariantResult {
        let clock = ContinuousClock()
        let start = clock.now
        let values = sweep.assignments(ofVariant: id).map(\.value)
        do {
            let study = try sweep.variant(id, of: base)
            let outcome = try planner.run(study)
            var result = VariantResult(
                id: id, values: values, status: .finished(outcome.investment.termination),
                iterations: outcome.iterations, warmStarted: outcome.warmStarted,
                message: outcome.investment.message)
            if let plan = outcome.plan {
                // The headline figures, computed once by the analysis (or from the plan alone without it).
                let analysis = outcome.analysis ?? PlanAnalysis(study: study, plan: plan, stressCases: nil)
                result.expectedNPV = plan.expectedNPV
                result.cvarNPV = analysis.tailNPV
                result.fleetUtilization = analysis.expectedFleetUtilization
                result.resilience = outcome.analysis?.finalResilience
                result.expectedStranded = outcome.analysis?.finalExpectedStranded
            }
            result.seconds = (clock.now - start).seconds
            return result
        } catch {
            return VariantResult(
                id: id, values: values, status: .failed, seconds: (clock.now - start).seconds,
                message: "\(error)")
        }
    }
}

/// Hands out blocks to workers, in order.
private final class BlockQueue: @unchecked Sendable {
    private var blocks: [[Int]]
    private var position = 0
    private let lock = NSLock()

    init(blocks: [[Int]]) { self.blocks = blocks }

    func next() -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        guard position < blocks.count else { return nil }
        position += 1
        return blocks[position - 1]
    }
}

public struct SweepError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
