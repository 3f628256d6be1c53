import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// Solves sweep variants with the full optimize + analysis, reusing work between them.
///
/// Each worker keeps its own planning pipeline and so its own solver sessions. Inside a batch,
/// each variant's programs are compared with the sessions': when only numbers differ (prices,
/// demand, limits, probabilities, matrix coefficients) they are changed in the live problems
/// and the simplex restarts from the previous optimal bases; when the structure differs (an arc
/// appears or vanishes) the sessions are rebuilt. The canonical and stress stages re-solve the
/// same dispatch-block sessions (docs/architecture.md).
///
/// ```swift
/// let runner = SweepRunner(base: study, sweep: sweep, solver: GLPKSolver(), workers: 2)
/// runner.run(batches: SweepSchedule(sweep: sweep, batchSize: 16).batches) { result in print(result.id) }
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

    /// Runs `batches` (variants warm-started together) on the worker threads; `skip` ids are
    /// solved only to keep the warm path identical (a resumed batch), not reported. `report` is
    /// called once per reported variant, serialised, from a worker thread.
    ///
    /// The batches run on a ``WorkerPool``: batch `i` on worker `i mod workers`, each worker with
    /// a pipeline of its own that only it touches.
    public func run(batches: [[Int]], skip: Set<Int> = [], report: @escaping @Sendable (VariantResult) -> Void) {
        let batches = batches.filter { !$0.allSatisfy(skip.contains) }
        let workers = min(self.workers, max(1, batches.count))
        let pipelines = (0..<workers).map { _ in makePipeline() }
        let reporting = NSLock()
        // A variant's failure is its row's status, never thrown: the map cannot fail.
        _ = try? WorkerPool(threads: workers).map(batches.indices) { [self] position in
            let planner = pipelines[position % workers]
            // Every batch starts cold, so results do not depend on which worker ran what.
            planner.reset()
            for id in batches[position] {
                if cold { planner.reset() }
                let result = solve(id, with: planner)
                guard !skip.contains(id) else { continue }
                reporting.withLock { report(result) }
            }
        }
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

public struct SweepError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
