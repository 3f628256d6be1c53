import Foundation
import LinearProgramming
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer

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

    public init(base: Study, sweep: Sweep, solver: Solver, workers: Int = 2, analyse: Bool = true, cold: Bool = false) {
        self.base = base
        self.sweep = sweep
        self.solver = solver
        self.workers = max(1, workers)
        self.analyse = analyse
        self.cold = cold
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
                while let block = queue.next() {
                    var main: Solver.Session?, dispatch: Solver.Session?
                    for id in block {
                        if cold { main = nil; dispatch = nil }
                        let result = solve(id, main: &main, dispatch: &dispatch)
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

    /// Solves one variant, continuing in the given sessions when the structure allows.
    func solve(_ id: Int, main: inout Solver.Session?, dispatch: inout Solver.Session?) -> VariantResult {
        let clock = ContinuousClock()
        let start = clock.now
        let values = sweep.assignments(ofVariant: id).map(\.value)
        do {
            let study = try sweep.variant(id, of: base)
            let program = try PlacementProgramBuilder(study: study).build()
            var warm = false
            if let session = main, try session.update(to: program.model) {
                warm = true
            } else {
                main = try solver.makeSession(program.model)
            }
            guard let session = main else { throw SweepError("no solver session") }
            let solution = try session.solve()
            var result = VariantResult(id: id, values: values, status: solution.termination.rawValue,
                                       iterations: solution.statistics.iterations, warmStarted: warm && solution.statistics.warmStarted,
                                       message: solution.message)
            if let plan = PlacementOptimizer<Solver>.plan(from: solution, of: program, study: study) {
                let final = plan.years.last ?? study.horizon.end
                result.expectedNPV = plan.expectedNPV
                result.cvarNPV = TailRisk.tailNPV(npv: plan.npvByScenario, probabilities: plan.scenarioWeights, alpha: study.risk.alpha)
                let utilization = Utilization(plan: plan)
                result.fleetUtilization = zip(plan.scenarios, plan.scenarioWeights).reduce(0.0) {
                    $0 + (utilization.fleet(year: final, scenario: $1.0) ?? 0) * $1.1
                }
                if analyse {
                    let analysis = try PlanAnalysis.run(study: study, plan: plan, solver: solver, reusing: &dispatch)
                    result.resilience = analysis.stress?.fleet.last?.resilience
                    result.expectedStranded = analysis.stranded.fleet.last?.stranded.expected
                    result.iterations += (analysis.stress?.referenceIterations ?? 0)
                        + (analysis.stress?.cases.reduce(0) { $0 + $1.iterations } ?? 0)
                }
            }
            result.seconds = (clock.now - start).seconds
            return result
        } catch {
            // A failed variant is a row with its reason; the sessions start afresh.
            main = nil
            dispatch = nil
            return VariantResult(id: id, values: values, status: "error", seconds: (clock.now - start).seconds,
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
