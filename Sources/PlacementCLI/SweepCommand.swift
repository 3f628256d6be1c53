import ArgumentParser
import Foundation
import GLPKSolver
import PlacementLoader
import PlacementSweep

/// `placement sweep SWEEP.yaml`: many variants of a study, warm-started, on both cores.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Solve every variant of a sweep (optimize + analysis), streaming one CSV and one JSONL row per variant.",
        discussion: """
            Rows are written in variant order as variants finish, to FILE.partial, renamed to FILE when the \
            sweep is complete. After an interruption, rerun with --resume. --shard I/N runs the I-th of N \
            slices (1-based), e.g. a Slurm array task or a Kubernetes indexed job; join the shards with \
            'placement merge'. Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, \
            70 a variant failed, 73 output not writable.
            """)

    @Argument(help: "The sweep file.")
    var sweep: String

    @Option(name: [.short, .long], help: ArgumentHelp("Output prefix: writes PREFIX.csv and PREFIX.jsonl (default: the sweep file's name).", valueName: "prefix"))
    var output: String?

    @Option(help: "Worker threads (one GLPK session each).")
    var workers: Int = 2

    @Option(name: .customLong("block-size"), help: "Variants per warm-start block; results depend on it, not on --workers.")
    var blockSize: Int = 16

    @Option(help: ArgumentHelp("Run only slice I of N (1-based), e.g. 3/8.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Keep the rows an interrupted run already wrote and continue.")
    var resume = false

    @Flag(help: "Solve every variant from scratch (no warm starts), for comparison.")
    var cold = false

    @Flag(name: .customLong("skip-analysis"), help: "Skip the stress re-solves and stranded-asset risk.")
    var skipAnalysis = false

    @Flag(name: .customLong("timings"), help: "Add iterations, seconds and warm-start flags (they differ between runs).")
    var timings = false

    @OptionGroup var solver: SolverOptions

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1, got \(workers)") }
        guard blockSize >= 1 else { throw ValidationError("--block-size must be at least 1, got \(blockSize)") }
        _ = try shardSlice()
    }

    /// (index 0-based, count) from `--shard I/N`.
    func shardSlice() throws -> (Int, Int) {
        guard let shard else { return (0, 1) }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1, index <= count else {
            throw ValidationError("--shard must be I/N with 1 <= I <= N, got '\(shard)'")
        }
        return (index - 1, count)
    }

    func run() throws {
        let loaded: LoadedSweep
        do { loaded = try StudyLoader().loadSweep(at: sweep) } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw error.kind == .missingInput ? ExitStatus.missingInput : ExitStatus.invalidData
        }
        for warning in loaded.warnings { printError(warning.description) }
        let (shardIndex, shardCount) = try shardSlice()
        let schedule = SweepSchedule(sweep: loaded.sweep, blockSize: blockSize)
        let ids = schedule.variantIDs(shard: shardIndex, of: shardCount)
        var prefix = output ?? URL(fileURLWithPath: sweep).deletingPathExtension().lastPathComponent
        if shardCount > 1 { prefix += ".shard-\(shardIndex + 1)-of-\(shardCount)" }

        let format = SweepRecordFormat(sweep: loaded.sweep, timings: timings)
        let sink: SweepOutput
        do {
            sink = try SweepOutput(targets: [
                .init(path: prefix + ".csv", header: format.csvHeader, line: format.csvRow),
                .init(path: prefix + ".jsonl", header: nil, line: format.jsonLine),
            ], expected: ids, resume: resume)
        } catch {
            printError("error: cannot write \(prefix).csv/.jsonl: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
        let progress = SweepProgress(total: ids.count, alreadyDone: sink.alreadyWritten.count)
        let runner = SweepRunner(base: loaded.base.study, sweep: loaded.sweep, solver: GLPKSolver(options: solver.glpkOptions),
                                 workers: workers, analyse: !skipAnalysis, cold: cold)
        let failures = SynchronizedList<String>()
        runner.run(blocks: schedule.blocks(shard: shardIndex, of: shardCount), skip: sink.alreadyWritten) { result in
            do { try sink.record(result) } catch { failures.append("cannot write a row: \(error)") }
            if result.status == "error" { failures.append("variant \(result.id): \(result.message ?? "failed")") }
            progress.advance()
        }
        let complete = try sink.finish()
        for failure in failures.items { printError("error: \(failure)") }
        printError("\(complete ? "wrote" : "incomplete:") \(prefix).csv and \(prefix).jsonl (\(ids.count) variants)")
        if !failures.items.isEmpty || !complete { throw ExitStatus.solverFailure }
    }
}
