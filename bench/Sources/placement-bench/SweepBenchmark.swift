import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementSweep

/// A sweep timed three ways in one run: this tool's warm-started sweep on both cores; the
/// same tool rebuilding and solving each variant cold; glpsol once per variant on the
/// exported MPS file (what an analyst with GLPK alone would do). The cold and glpsol ways
/// run on `sample` evenly spaced variants and are extrapolated to the whole sweep (each
/// variant costs about the same cold); their objectives are compared with the sweep's.
struct SweepBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "A sweep of the bundled study timed three ways: warm sweep, cold rebuilds, glpsol per variant.",
        discussion: "Goal: the warm sweep >= 20x faster than the glpsol loop, objectives within 1e-7."
    )

    @Option(name: .customLong("sweep"), help: ArgumentHelp("The sweep file.", valueName: "path"))
    var sweepPath = "bench/sweeps/power-price-200.yaml"

    @Option(
        help: ArgumentHelp(
            "Evenly spaced variants solved cold and by glpsol, extrapolated to the whole sweep.", valueName: "count"))
    var sample = 6

    @Option(
        name: .customLong("block-size"),
        help: ArgumentHelp("Variants a worker solves warm from one basis.", valueName: "count"))
    var batchSize = 25

    @Option(help: ArgumentHelp("Worker threads of the warm sweep.", valueName: "count"))
    var workers = 2

    func validate() throws {
        for (flag, value) in [("--sample", sample), ("--block-size", batchSize), ("--workers", workers)] where value < 1
        {
            throw ValidationError("\(flag) must be at least 1, got \(value)")
        }
    }

    func run() throws {
        let loaded = try StudyLoader().loadSweep(at: sweepPath)
        let sweep = loaded.sweep
        let base = loaded.base.study
        var options = GLPKOptions()
        options.method = .primal
        let solver = GLPKSolver(options: options)
        let count = sweep.variantCount
        print("sweep \(sweepPath): \(count) variants, batch size \(batchSize), \(workers) workers")

        // 1. This tool's sweep, LP only (what glpsol does), then with the full analysis.
        var objectives: [Int: Double] = [:]
        let schedule = SweepSchedule(sweep: sweep, batchSize: batchSize)
        let collected = SynchronizedList<VariantResult>()
        let (_, sweepSeconds) = measure {
            SweepRunner(base: base, sweep: sweep, solver: solver, workers: workers, analyse: false)
                .run(batches: schedule.batches) { collected.append($0) }
        }
        let results = collected.items
        for result in results { objectives[result.id] = result.expectedNPV }
        let warmCount = results.filter(\.warmStarted).count
        print(
            String(
                format: "tool sweep, warm, LP only:        %8.1f s  (%.2f s/variant, %d of %d warm)",
                sweepSeconds, sweepSeconds / Double(count), warmCount, count))
        let (_, fullSeconds) = measure {
            SweepRunner(base: base, sweep: sweep, solver: solver, workers: workers, analyse: true)
                .run(batches: schedule.batches) { _ in }
        }
        print(
            String(
                format: "tool sweep, warm, with analysis:  %8.1f s  (%.2f s/variant)", fullSeconds,
                fullSeconds / Double(count)))

        // 2 and 3. Cold rebuilds and glpsol on a sample of variants.
        let picked = (0..<sample).map { $0 * count / sample }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var coldSeconds = 0.0
        var glpsolSeconds = 0.0
        var worst = 0.0
        for id in picked {
            let study = try sweep.variant(id, of: base)
            var planning = PlanningOptions()
            planning.method = .primal
            planning.analyse = false
            let (cold, seconds) = try measure { try PlanningPipeline(solver: solver, options: planning).run(study) }
            coldSeconds += seconds
            let file = directory.appendingPathComponent("variant-\(id).mps")
            try GLPKSolver.export(try PlacementProgramBuilder(study: study).build().model, to: file, format: .freeMPS)
            let glpsol = try GlpsolRun.solve(mps: file, method: .primal, timeLimit: nil, workDirectory: directory)
            glpsolSeconds += glpsol.seconds
            // The MPS minimises -objective in thousands of USD; with risk weight 0 the objective is the expected NPV.
            let theirs = -(glpsol.objective ?? .nan) / PlacementProgram.moneyScale
            let ours = objectives[id] ?? .nan
            let coldNPV = cold.plan?.expectedNPV ?? .nan
            let difference = max(abs(theirs - ours), abs(coldNPV - ours)) / abs(ours)
            worst = max(worst, difference)
            print(
                String(
                    format: "  variant %3d: cold %.1f s, glpsol %.1f s, "
                        + "NPV sweep %.6e cold %.6e glpsol %.6e (rel. diff %.1e)",
                    id, seconds, glpsol.seconds, ours, coldNPV, theirs, difference))
        }
        let coldTotal = coldSeconds / Double(sample) * Double(count)
        let glpsolTotal = glpsolSeconds / Double(sample) * Double(count)
        print(
            String(
                format: "tool cold, one core (extrapolated from %d): %8.1f s  (%.1f s/variant)", sample, coldTotal,
                coldSeconds / Double(sample)))
        print(
            String(
                format: "glpsol per variant (extrapolated from %d):  %8.1f s  (%.1f s/variant)", sample, glpsolTotal,
                glpsolSeconds / Double(sample)))
        print(
            String(
                format: "ratio glpsol loop / tool sweep (LP only): %.1fx (goal >= 20x); cold / sweep: %.1fx",
                glpsolTotal / sweepSeconds, coldTotal / sweepSeconds))
        print(String(format: "worst relative objective difference on the sample: %.1e (goal <= 1e-7)", worst))
    }
}
