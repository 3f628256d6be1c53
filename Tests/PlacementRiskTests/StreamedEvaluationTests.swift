import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementRisk
import PlacementTestSupport
import Testing

/// Paths evaluated as a stream (``PathEvaluator``: warm per-worker block sessions, one path at a
/// time) against the evaluation of all paths as one study's scenarios, on the bundled study's
/// data over two years in two slices with the bundled uncertainty model.
@Suite("Paths evaluated as a stream")
struct StreamedEvaluationTests {
    /// The compact bundled study with the bundled scenarios file's uncertainty section.
    static func study() throws -> Study {
        let full = try TestPlanning.bundledStudy()
        let compact = try TestPlanning.compactBundledStudy()
        return try Study(
            regions: compact.regions, hardware: compact.hardware, workloads: compact.workloads,
            tenants: compact.tenants, scenarios: compact.scenarios, stress: compact.stress, horizon: compact.horizon,
            discountRate: compact.discountRate, timeSlices: compact.timeSlices, budgetUSD: compact.budgetUSD,
            risk: compact.risk, policy: compact.policy, integerBuildUnits: compact.integerBuildUnits,
            latencySettings: compact.latencySettings, breakevenUtilization: compact.breakevenUtilization,
            measuredLatency: compact.latency.measured, uncertainty: full.uncertainty)
    }

    static func builds(_ study: Study) throws -> [PlanningOptions.StartingBuild] {
        PlanningOptions.StartingBuild.builds(of: try #require(TestPlanning.run(study).plan))
    }

    static func streamed(
        _ study: Study, builds: [PlanningOptions.StartingBuild], count: Int, seed: UInt64, threads: Int,
        range: Range<Int>? = nil, start: PathEvaluator<GLPKSolver>.Start = .warm
    ) throws -> [ScenarioFigures] {
        let evaluator = PathEvaluator(
            study: study, builds: builds, sampler: try PathSampler(study: study), count: count, seed: seed,
            threads: threads, options: TestPlanning.options(threads: threads), start: start
        ) { PlanningPipeline(solver: GLPKSolver(), options: $0) }
        var figures: [ScenarioFigures] = []
        try evaluator.run(range ?? 0..<count) { figures += $0 }
        return figures
    }

    /// The stream solves the same block programs as the whole-study evaluation, from other
    /// bases. NPV is the sum of the blocks' optimal values, unique: equal to 1e-9 relative. The
    /// canonical and write-off stages hold each block's value to 1e-9 of it (docs/design.md §4):
    /// where the optimum is not unique, that slack may buy a little more busy time or write-off
    /// from another start, so fleet utilization is compared to 1e-7 and stranded and at-risk
    /// value to 1e-6 of the fleet's book value (a few USD here), not to 1e-9.
    @Test("streamed paths give the whole-study evaluation's figures")
    func streamedMatchesWholeStudy() throws {
        let study = try Self.study()
        let builds = try Self.builds(study)
        let sampler = try PathSampler(study: study)
        let count = 8
        let scenarios = sampler.paths(count: count, seed: 5).map {
            PathScenario.scenario(of: $0, count: count, sampler: sampler)
        }
        let whole = try ScenarioFigures.all(
            of: PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options())
                .evaluate(try study.replacingScenarios(scenarios), builds: builds))
        let streamed = try Self.streamed(study, builds: builds, count: count, seed: 5, threads: 1)
        try #require(streamed.count == count && whole.count == count)
        // An upper bound on the fleet's book value: every unit built at the dearest accelerator's price.
        let bookValue = builds.reduce(0.0) { $0 + $1.units } * (study.hardware.map(\.capexUSD).max() ?? 0)
        for (a, b) in zip(whole, streamed) {
            #expect(a.scenario == b.scenario)
            #expect(abs(a.probability - b.probability) <= 1e-15)
            #expect(abs(a.npv - b.npv) <= 1e-9 * abs(a.npv), "\(a.scenario): \(a.npv) against \(b.npv)")
            #expect(a.belowBreakevenFinalYear == b.belowBreakevenFinalYear)
            for (x, y) in zip(a.fleet, b.fleet) {
                #expect(x.year == y.year)
                #expect(abs((x.utilization ?? -1) - (y.utilization ?? -1)) <= 1e-7, "\(a.scenario) \(x.year)")
                #expect(abs(x.stranded - y.stranded) <= 1e-6 * bookValue, "\(a.scenario) \(x.year)")
                #expect(abs(x.atRisk - y.atRisk) <= 1e-6 * bookValue, "\(a.scenario) \(x.year)")
            }
        }
        // Fresh sessions for every path solve the same programs: the same NPV.
        let cold = try Self.streamed(study, builds: builds, count: count, seed: 5, threads: 1, start: .cold)
        for (a, b) in zip(cold, streamed) { #expect(abs(a.npv - b.npv) <= 1e-9 * abs(a.npv)) }
    }

    /// 101 paths are three chunks (50, 50, 1): each chunk starts from the cold anchor, so one
    /// thread, two threads and three shards run separately give the same figures, exactly.
    @Test("the same figures with one thread, two threads and three shards")
    func threadsAndShards() throws {
        let study = try Self.study()
        let builds = try Self.builds(study)
        let one = try Self.streamed(study, builds: builds, count: 101, seed: 9, threads: 1)
        let two = try Self.streamed(study, builds: builds, count: 101, seed: 9, threads: 2)
        #expect(one.count == 101)
        #expect(one == two)
        let shards = (0..<3).map { PathChunks.shard($0, of: 3, count: 101) }
        #expect(shards == [0..<50, 50..<100, 100..<101])
        let sharded = try shards.flatMap {
            try Self.streamed(study, builds: builds, count: 101, seed: 9, threads: 1, range: $0)
        }
        #expect(sharded == one)
    }
}
