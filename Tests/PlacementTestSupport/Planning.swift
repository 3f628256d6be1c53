import Foundation
import GLPKSolver
import PlacementLoader
import PlacementModel
import PlacementPlanning

/// Runs the planning pipeline the way the tests need it, and solves the bundled study once per
/// test process (each method at most once), so suites share one solve instead of four. Tests
/// await the shared solve: a test waiting for it leaves its thread to the others (a blocking
/// wait would idle one of two cores while the solve runs single-threaded).
///
/// ```swift
/// let result = try TestPlanning.run(try TinyStudy().study())
/// let bundled = try await TestPlanning.bundled(.primal)
/// ```
public enum TestPlanning {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A cold pipeline run with the given method and threads; `splitThreshold` overrides
    /// ``PlanningOptions/blockSplitThreshold`` (0 splits every block that has independent slices),
    /// `residentLimit` ``PlanningOptions/residentNonzeroLimit`` (0 keeps no block resident).
    public static func run(
        _ study: Study, method: PlanningOptions.Method = .primal, analyse: Bool = true,
        threads: Int = 1, splitThreshold: Int? = nil, residentLimit: Int? = nil
    ) throws -> PlanningResult {
        try PlanningPipeline(
            solver: GLPKSolver(),
            options: options(
                method: method, analyse: analyse, threads: threads, splitThreshold: splitThreshold,
                residentLimit: residentLimit)
        )
        .run(study)
    }

    public static func options(
        method: PlanningOptions.Method = .primal, analyse: Bool = true,
        threads: Int = 1, splitThreshold: Int? = nil, residentLimit: Int? = nil
    ) -> PlanningOptions {
        var options = PlanningOptions()
        options.method = method
        options.analyse = analyse
        options.threads = threads
        if let splitThreshold { options.blockSplitThreshold = splitThreshold }
        if let residentLimit { options.residentNonzeroLimit = residentLimit }
        return options
    }

    /// The bundled study (Models/baseline.yaml), loaded once.
    public static func bundledStudy() throws -> Study {
        try cache.study()
    }

    /// The bundled study's data (every region, accelerator, tenant and scenario) over its first two
    /// years in two time slices, with a CVaR weight of 0.5 and a category share cap of 0.5: its
    /// program has every row family (demand, capacity, power, budget, share, CVaR) at a fraction
    /// of the bundled program's size, for checks that need real data but not the whole study.
    /// `maxCategoryShare` 1 leaves the share rows out (so blocks split by slice).
    public static func compactBundledStudy(maxCategoryShare: Double = 0.5) throws -> Study {
        let full = try bundledStudy()
        return try Study(
            regions: full.regions, hardware: full.hardware, workloads: full.workloads, tenants: full.tenants,
            scenarios: full.scenarios, stress: full.stress,
            horizon: Horizon(start: full.horizon.start, end: full.horizon.start + 1), discountRate: full.discountRate,
            timeSlices: 2, budgetUSD: full.budgetUSD, risk: RiskSettings(alpha: full.risk.alpha, weight: 0.5),
            policy: PolicySettings(maxCategoryShare: maxCategoryShare), integerBuildUnits: full.integerBuildUnits,
            latencySettings: full.latencySettings, breakevenUtilization: full.breakevenUtilization,
            measuredLatency: full.latency.measured)
    }

    /// The bundled study planned with the analysis, once per method and test process.
    public static func bundled(_ method: PlanningOptions.Method) async throws -> PlanningResult {
        try await cache.result(method).value.result
    }

    /// The pipeline that planned `bundled(method)`, warm from it, for the one test that goes on
    /// with it (runs on a pipeline must not overlap): a warm run without a second cold one.
    public static func bundledPipeline(_ method: PlanningOptions.Method) async throws -> PlanningPipeline<GLPKSolver> {
        try await cache.result(method).value.pipeline
    }

    private static let cache = BundledCache()
}

/// The bundled study, loaded on first use under a lock, and the tasks computing its results,
/// started on first use.
private final class BundledCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Study?
    private var results: [PlanningOptions.Method: Task<Solved, any Error>] = [:]

    struct Solved: Sendable {
        var result: PlanningResult
        var pipeline: PlanningPipeline<GLPKSolver>
    }

    func study() throws -> Study {
        lock.lock()
        defer { lock.unlock() }
        return try unlockedStudy()
    }

    private func unlockedStudy() throws -> Study {
        if let loaded { return loaded }
        let study = try StudyLoader().loadStudy(
            at: TestPlanning.packageRoot.appendingPathComponent("Models/baseline.yaml").path
        )
        .study
        loaded = study
        return study
    }

    func result(_ method: PlanningOptions.Method) -> Task<Solved, any Error> {
        lock.lock()
        defer { lock.unlock() }
        if let task = results[method] { return task }
        let task = Task {
            let pipeline = PlanningPipeline(
                solver: GLPKSolver(), options: TestPlanning.options(method: method, threads: 2))
            return Solved(result: try pipeline.run(try self.study()), pipeline: pipeline)
        }
        results[method] = task
        return task
    }
}
