import ArgumentParser
import Foundation
import GLPKSolver
import PlacementLoader
import PlacementPlanning
import PlacementRisk

/// `placement-bench risk`: a plan held on sampled paths evaluated as a warm stream
/// (``PathEvaluator``) against fresh, cold block sessions for every path, in one run; then the
/// release `placement risk` end to end (solve included) as a child process at each of
/// `--rss-paths`, with its wall time and peak resident memory (`wait4`'s `ru_maxrss`).
struct RiskBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Warm streamed path evaluation against cold per-path block solves; risk runs' time and peak memory.")

    @Option(help: "The study file.")
    var study: String = "Models/baseline.yaml"

    @Option(help: "Paths evaluated warm.")
    var paths: Int = 1000

    @Option(help: "Paths evaluated cold (the first of the same draw; cold is slow).")
    var coldPaths: Int = 100

    @Option(help: "The draw's seed.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads.")
    var threads: Int = 2

    @Option(help: "Path counts of the end-to-end `placement risk` runs, comma-separated (none: skip).")
    var rssPaths: String = "1000,10000"

    @Option(help: "The release placement binary for the end-to-end runs.")
    var placement: String = ".build/release/placement"

    func run() throws {
        let loaded = try StudyLoader().loadStudy(at: study)
        var options = PlanningOptions()
        options.threads = threads
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
        let (planned, solveSeconds) = try measure { try pipeline.run(loaded.study) }
        guard let plan = planned.plan else { throw BenchError(description: "the study has no plan") }
        let builds = PlanningOptions.StartingBuild.builds(of: plan)
        let sampler = try PathSampler(study: loaded.study)
        print("study \(study): optimize \(fixed(solveSeconds)) s, \(builds.count) builds held, \(threads) threads")
        var figures: [PathEvaluator<GLPKSolver>.Start: [ScenarioFigures]] = [:]
        var rates: [PathEvaluator<GLPKSolver>.Start: Double] = [:]
        for (start, count) in [(PathEvaluator<GLPKSolver>.Start.warm, paths), (.cold, min(coldPaths, paths))] {
            let evaluator = PathEvaluator(
                study: loaded.study, builds: builds, sampler: sampler, count: paths, seed: seed, threads: threads,
                options: options, start: start
            ) { PlanningPipeline(solver: GLPKSolver(), options: $0) }
            var kept: [ScenarioFigures] = []
            let (_, seconds) = try measure { try evaluator.run(0..<count) { kept += $0 } }
            figures[start] = kept
            rates[start] = Double(count) / seconds
            let work = evaluator.work
            let perPath = { (stage: Double) in fixed(stage / Double(work.paths) * 1000) }
            print(
                "  \(start == .warm ? "warm stream" : "cold per path"): \(count) paths in \(fixed(seconds)) s, "
                    + String(format: "%.1f paths/s", Double(count) / seconds)
                    + "; per path (ms of solver time, all threads): value \(perPath(work.stages.value)), canonical "
                    + "\(perPath(work.stages.canonical)), write-off \(perPath(work.stages.writeOff)); "
                    + "\(work.iterations / max(1, work.paths)) simplex iterations")
        }
        if let warm = rates[.warm], let cold = rates[.cold] {
            print(String(format: "  ratio (warm paths/s over cold): %.1fx", warm / cold))
        }
        let common = zip(figures[.warm] ?? [], figures[.cold] ?? [])
        let npv = common.map { abs($0.npv - $1.npv) / max(1, abs($0.npv)) }.max() ?? 0
        print(String(format: "  largest NPV difference warm against cold: %.1e relative", npv))
        let counts = rssPaths.split(separator: ",").compactMap { Int($0) }
        guard !counts.isEmpty else { return }
        print("end to end, \(placement) risk --paths N --threads \(threads) --format json (solve included):")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("placement-bench-risk.json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        for count in counts {
            let run = try ChildRun.run(
                placement,
                [
                    "risk", study, "--paths", String(count), "--seed", String(seed), "--threads", String(threads),
                    "--format", "json", "--output", output,
                ])
            guard run.status == 0 else { throw BenchError(description: "placement risk exited \(run.status)") }
            print(
                String(
                    format: "  N = %6d: %8.2f s wall, %8.2f s CPU, peak RSS %7.1f MiB, %.1f paths/s", count,
                    run.seconds, run.cpuSeconds, run.peakMiB, Double(count) / run.seconds))
        }
    }
}

/// A child process run to its end, with its wall time, CPU time and peak resident memory
/// (`wait4`'s resource usage: the child's own, not this process's).
struct ChildRun {
    var status: Int32
    var seconds: Double
    var cpuSeconds: Double
    var peakMiB: Double

    static func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let clock = ContinuousClock()
        let start = clock.now
        guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else {
            throw BenchError(description: "cannot run \(executable)")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError(description: "wait4 failed") }
        }
        let seconds = (clock.now - start).seconds
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exited, seconds: seconds, cpuSeconds: cpu, peakMiB: Double(usage.ru_maxrss) / 1024)
    }
}
