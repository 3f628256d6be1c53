import Foundation
import LinearProgramming
import PlacementModel
import PlacementPlanning

/// A held plan evaluated on sampled paths as a stream (docs/design.md §8, evaluation): each
/// worker keeps one warm set of per-year block sessions, and a path is a study of that one
/// scenario whose blocks are the same programs but for the numbers (demand, price, efficiency,
/// electricity), set in place in the sessions and re-solved from the previous path's basis in
/// the three held stages (value, canonical dispatch, write-off). Memory does not grow with the
/// number of paths: nothing of a path is kept but its ``ScenarioFigures``, handed over in path
/// order.
///
/// Paths go in chunks of ``PathChunks/size`` by index. A chunk starts with fresh sessions solved cold
/// on the **anchor**, the central path (every shock at its drift); each path's value stage then
/// starts from the anchor's value optimum (nearer to a path than another path is: measured in
/// bench/README.md), its canonical and write-off stages from its own value optimum. A chunk's
/// sequence of solver calls does not depend on which worker runs it, so the figures are the
/// same bytes whatever the thread count, the shard or a resumed run. Chunk `c` runs on worker
/// `c mod threads`, in waves of two chunks per worker whose results are handed over before the
/// next wave starts.
///
/// ```swift
/// let sampler = try PathSampler(study: study)
/// let evaluator = PathEvaluator(
///     study: study, builds: builds, sampler: sampler, count: 1000, seed: 7, threads: 2
/// ) { options in PlanningPipeline(solver: GLPKSolver(), options: options) }
/// try evaluator.run(0..<1000) { figures in print(figures.scenario, figures.npv) }
/// ```
public final class PathEvaluator<Solver: IncrementalSolver>: @unchecked Sendable {
    /// How a path's blocks start.
    public enum Start: Sendable, Hashable {
        /// From the previous path of the chunk (the chunk's first path cold).
        case warm
        /// Every path from fresh sessions: the benchmark's comparison.
        case cold
    }

    /// What a run spent, summed over its paths.
    public struct Work: Sendable, Hashable {
        public var paths = 0
        /// Solver seconds of the held stages (value, canonical, write-off), over all workers.
        public var stages = PlanningResult.StageSeconds()
        /// Simplex iterations of the held stages.
        public var iterations = 0
        /// Sampled multipliers outside the loader's ranges, held at the nearest bound
        /// (``PathScenario/scenario(of:count:sampler:held:)``).
        public var heldMultipliers = 0
    }

    public let study: Study
    public let builds: [PlanningOptions.StartingBuild]
    public let sampler: PathSampler
    /// The number of paths drawn (`N`): every path's probability is `1 / count`.
    public let count: Int
    public let seed: UInt64
    public let start: Start
    /// What the runs so far spent.
    public private(set) var work = Work()
    private let draw: LatinHypercube.Draw
    private let pool: WorkerPool
    private let pipelines: [PlanningPipeline<Solver>]

    /// An evaluator of `builds` held on `count` paths of `sampler` drawn with `seed`.
    ///
    /// - Parameters:
    ///   - study: the study whose structure (facilities, accelerators, tenants, horizon) holds the plan.
    ///   - builds: the plan's builds.
    ///   - sampler: draws the paths (``PathSampler/init(study:)``).
    ///   - count: the number of paths in the draw.
    ///   - seed: the draw's seed.
    ///   - threads: worker threads; the figures do not depend on it.
    ///   - options: the planning options (threads, block splitting and the value stage's start are set here).
    ///   - start: warm (the design above) or cold (every path from fresh sessions, to compare).
    ///   - pipeline: makes one worker's pipeline from the options given.
    public init(
        study: Study, builds: [PlanningOptions.StartingBuild], sampler: PathSampler, count: Int, seed: UInt64,
        threads: Int, options: PlanningOptions = PlanningOptions(), start: Start = .warm,
        pipeline: (PlanningOptions) -> PlanningPipeline<Solver>
    ) {
        self.start = start
        self.study = study
        self.builds = builds
        self.sampler = sampler
        self.count = count
        self.seed = seed
        draw = sampler.draw(count: count, seed: seed)
        pool = WorkerPool(threads: threads)
        var single = options
        single.threads = 1
        single.analyse = true
        // One resident session per block runs all three stages: a split block would build and
        // load a joined program for its held stages at every path.
        single.blockSplitThreshold = .max
        single.heldValueStart = start == .warm ? .firstValueBasis : .continuing
        pipelines = (0..<pool.threads).map { _ in pipeline(single) }
    }

    /// Evaluates the paths of `range` (chunk-aligned at its start) and hands each path's figures
    /// to `record` in path order, chunk by chunk as the waves finish.
    ///
    /// - Throws: the first failing path's error (``SamplingError`` or the planning error), or
    ///   what `record` throws.
    public func run(_ range: Range<Int>, record: ([ScenarioFigures]) throws -> Void) throws {
        precondition(range.lowerBound % PathChunks.size == 0, "a run starts at a chunk")
        let chunks = PathChunks.chunks(of: range)
        let wave = pool.threads * 2
        for first in stride(from: 0, to: chunks.count, by: wave) {
            let jobs = Array(chunks[first..<min(first + wave, chunks.count)])
            let results = try pool.map(0..<jobs.count) { [self] job in
                try evaluate(jobs[job], on: pipelines[job % pool.threads])
            }
            for (figures, spent) in results {
                work.paths += figures.count
                work.stages = work.stages + spent.stages
                work.iterations += spent.iterations
                work.heldMultipliers += spent.heldMultipliers
                try record(figures)
            }
        }
    }

    /// The central path: every factor's shocks at their drift (all normals 0).
    private var anchor: Scenario {
        let factors = sampler.model.factors
        var multipliers: [[Double]] = []
        for (j, factor) in factors.enumerated() {
            var level = 0.0
            multipliers.append(
                sampler.years.map { year in
                    level += factor.drift
                    return sampler.multiplier(factor: j, year: year, logLevel: level)
                })
        }
        let path = SampledPath(
            index: count, increments: factors.map { f in sampler.years.map { _ in f.drift } }, multipliers: multipliers)
        var scenario = PathScenario.scenario(of: path, count: count, sampler: sampler)
        scenario.probability = 1
        return scenario
    }

    /// One chunk on one worker's pipeline: the anchor cold, then each path from the anchor's
    /// value optimum (warm), or each path cold.
    private func evaluate(
        _ chunk: Range<Int>, on pipeline: PlanningPipeline<Solver>
    ) throws -> ([ScenarioFigures], Work) {
        var spent = Work()
        var figures: [ScenarioFigures] = []
        if start == .warm {
            pipeline.reset()
            _ = try pipeline.evaluate(try study.replacingScenarios([anchor]), builds: builds)
        }
        for path in sampler.paths(draw, in: chunk) {
            if start == .cold { pipeline.reset() }
            var scenario = PathScenario.scenario(
                of: path, count: count, sampler: sampler, held: &spent.heldMultipliers)
            scenario.probability = 1
            let result = try pipeline.evaluate(try study.replacingScenarios([scenario]), builds: builds)
            guard var own = try ScenarioFigures.all(of: result).first else {
                throw SamplingError("path \(path.index + 1) gave no figures")
            }
            own.probability = 1 / Double(count)
            figures.append(own)
            spent.paths += 1
            spent.stages = spent.stages + result.timings.stages
            spent.iterations += result.stageIterations
        }
        return (figures, spent)
    }
}
