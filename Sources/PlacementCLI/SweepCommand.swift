import ArgumentParser
import Foundation
import GLPKSolver
import OutputFiles
import PlacementLoader
import PlacementModel
import PlacementSweep

/// `placement sweep SWEEP.yaml`: many variants of a study, warm-started, on both cores.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Solve every variant of a sweep (optimize + analysis), streaming one CSV and one JSONL row per variant.",
        discussion: """
            Rows are written in variant order as variants finish, to FILE.partial, renamed to FILE when the \
            sweep is complete. After an interruption, rerun with --resume. --shard I/N runs the I-th of N \
            slices (1-based), e.g. a Slurm array task or a Kubernetes indexed job; join the shards with \
            'placement merge'. A second sweep on the same prefix is refused (exit 73) while one runs. \
            --workbook FILE also writes an Excel workbook of the rows (one per variant) once the sweep is complete.

            \(ExitStatus.summary) A sweep exits 70, after writing every row, when a variant failed or is not proven optimal.
            """)

    @Argument(help: "The sweep file.")
    var sweep: String

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Output prefix: writes PREFIX.csv and PREFIX.jsonl (default: the sweep file's name); "
                + "runs.csv or runs.jsonl means the prefix runs.",
            valueName: "prefix"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Also write the rows as an Excel workbook to this file when the sweep is complete (not with --shard; "
                + "merge the shards with --output FILE.xlsx).", valueName: "file"))
    var workbook: String?

    @Option(parsing: .unconditional, help: "Worker threads (one GLPK session each).")
    var workers: Int = 2

    // The flag keeps its name (scripts and sweep fingerprints use it); inside, a run of variants
    // warm-started together is a batch, apart from the dispatch blocks of one variant's program.
    @Option(
        name: .customLong("block-size"), parsing: .unconditional,
        help: "Variants per warm-start batch; results depend on it, not on --workers.")
    var batchSize: Int = 16

    @Option(help: ArgumentHelp("Run only slice I of N (1-based), e.g. 3/8.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Keep the rows an interrupted run already wrote and continue.")
    var resume = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --resume: solve again the blocks of N kept rows, spread evenly, and refuse the partial files "
                + "(exit 65) when a kept row is not what the variant gives.", valueName: "n"))
    var verify: Int = 0

    @Flag(help: "Solve every variant from scratch (no warm starts), for comparison.")
    var cold = false

    @Flag(name: .customLong("skip-analysis"), help: "Skip the stress re-solves and stranded-asset risk.")
    var skipAnalysis = false

    @Flag(
        name: .customLong("timings"), help: "Add iterations, seconds and warm-start flags (they differ between runs).")
    var timings = false

    @OptionGroup var solver: SolverOptions

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1, got \(workers)") }
        guard batchSize >= 1 else { throw ValidationError("--block-size must be at least 1, got \(batchSize)") }
        guard verify >= 0 else { throw ValidationError("--verify must be 0 or more, got \(verify)") }
        if verify > 0 && !resume { throw ValidationError("--verify checks kept rows: use it with --resume") }
        if output?.isEmpty == true { throw ValidationError("--output needs a prefix") }
        if output == "-" {
            throw ValidationError("--output - is not possible: a sweep writes two files, PREFIX.csv and .jsonl")
        }
        _ = try shardSlice()
        if workbook?.isEmpty == true || workbook == "-" {
            throw ValidationError("--workbook needs a file name: a workbook is binary, never standard output")
        }
        if workbook != nil, try shardSlice().1 > 1 {
            throw ValidationError(
                "--workbook writes the whole sweep's rows: with --shard, write it with "
                    + "'placement merge --output FILE.xlsx' from the shards")
        }
    }

    /// (index 0-based, count) from `--shard I/N`: plain decimal numbers, no sign or leading zero.
    func shardSlice() throws -> (Int, Int) { try Self.shardSlice(shard) }

    /// (index 0-based, count) from a `--shard I/N` value (nil: one shard of one); shared with `risk`.
    static func shardSlice(_ shard: String?) throws -> (Int, Int) {
        guard let shard else { return (0, 1) }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        func number(_ text: Substring) -> Int? {
            guard let first = text.first, first != "0", text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
                return nil
            }
            return Int(text)
        }
        guard parts.count == 2, let index = number(parts[0]), let count = number(parts[1]), index <= count else {
            throw ValidationError(
                "--shard must be I/N with 1 <= I <= N, written as plain numbers (3/8), got '\(shard)'")
        }
        return (index - 1, count)
    }

    /// The output prefix: `--output` without a `.csv` or `.jsonl` extension, else the sweep file's name.
    func outputPrefix(shard: Int, of shards: Int) -> String {
        var prefix = output ?? URL(fileURLWithPath: sweep).deletingPathExtension().lastPathComponent
        for suffix in [".csv", ".jsonl"] where prefix.hasSuffix(suffix) && prefix.count > suffix.count {
            prefix.removeLast(suffix.count)
        }
        if shards > 1 { prefix += ".shard-\(shard + 1)-of-\(shards)" }
        return prefix
    }

    /// The options that change rows, for the fingerprint (workers and logs do not).
    var rowOptions: String {
        func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "none" }
        return [
            "block-size:\(batchSize)", "analysis:\(skipAnalysis ? "off" : "on")", "warm:\(cold ? "off" : "on")",
            "timings:\(timings ? "on" : "off")", "method:\(solver.method.rawValue)",
            "time-limit:\(text(solver.timeLimit))", "gap:\(solver.relativeGap)",
            "mip-gap:\(text(solver.mipGap))", "exact:\(solver.exact ? "on" : "off")",
        ].joined(separator: ",")
    }

    func run() throws {
        let (shardIndex, shardCount) = try shardSlice()
        let prefix = outputPrefix(shard: shardIndex, of: shardCount)
        // The lock and the partial files are written and removed too: none of them may be an input.
        for suffix in [".csv", ".jsonl", ".csv.partial", ".jsonl.partial", ".lock"] {
            try RunFiles.declareOutput(prefix + suffix, flag: "--output")
        }
        if let workbook {
            try OutputOptions.refuseTerminal(workbook, flag: "--workbook")
            try RunFiles.declareOutput(workbook, flag: "--workbook")
        }
        let loaded = try StudyInput.loadSweep(sweep)
        let schedule = SweepSchedule(sweep: loaded.sweep, batchSize: batchSize)
        try checkSize(schedule, shard: shardIndex, of: shardCount)
        let ids = schedule.variantIDs(shard: shardIndex, of: shardCount)
        if ids.isEmpty {
            printError(
                "warning: shard \(shardIndex + 1)/\(shardCount) holds no variant: the sweep has \(schedule.batchCount) "
                    + "batch(es) of --block-size \(batchSize) and shards are whole batches; "
                    + "use at most \(schedule.batchCount) shards"
            )
        }
        let format = SweepRecordFormat(sweep: loaded.sweep, timings: timings)
        let sink: SweepOutput
        do {
            let fingerprint = try SweepFingerprint(
                files: [sweep] + loaded.base.files, options: rowOptions,
                variants: schedule.count, shard: shardIndex + 1, shards: shardCount)
            sink = try SweepOutput(
                prefix: prefix, format: format, expected: ids, resume: resume, fingerprint: fingerprint)
        } catch let failure as SweepOutput.Failure {
            printError("error: \(failure)")
            switch failure {
            case .differentSweep, .invalidRow: throw ExitStatus.invalidData
            case .busy, .cannotWrite: throw ExitStatus.cannotCreateOutput
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.missingInput
        }
        let progress = SweepProgress(total: ids.count, alreadyDone: sink.alreadyWritten.count)
        let runner = SweepRunner(
            base: loaded.base.study, sweep: loaded.sweep, solver: GLPKSolver(options: solver.glpkOptions),
            workers: workers, analyse: !skipAnalysis, cold: cold,
            planning: solver.planningOptions(
                analyse: !skipAnalysis,
                progress: false))
        if verify > 0 && !sink.alreadyWritten.isEmpty {
            try verifyKeptRows(
                sink, ids: ids, blocks: schedule.batches(shard: shardIndex, of: shardCount), runner: runner,
                format: format, prefix: prefix)
        }
        let failures = SynchronizedList<String>()
        let writeFailures = SynchronizedList<String>()
        runner.run(batches: schedule.batches(shard: shardIndex, of: shardCount), skip: sink.alreadyWritten) { result in
            do { try sink.record(result) } catch { writeFailures.append("\(error)") }
            if result.status.isFailure {
                failures.append("variant \(result.id): \(result.message ?? "failed")")
            } else if !result.status.isOptimal {
                failures.append(
                    "variant \(result.id): not proven optimal (\(result.status.rawValue)); its row is the best plan found"
                )
            }
            progress.advance()
        }
        let complete: Bool
        do { complete = try sink.finish(keepFingerprint: shardCount > 1) } catch {
            writeFailures.append("\(error)")
            complete = false
        }
        for failure in failures.items { printError("error: \(failure)") }
        // A full disk fails every later row alike: report the first.
        if let failure = writeFailures.items.first { printError("error: \(failure)") }
        printError("\(complete ? "wrote" : "incomplete:") \(prefix).csv and \(prefix).jsonl (\(ids.count) variants)")
        if !writeFailures.items.isEmpty { throw ExitStatus.cannotCreateOutput }
        if let workbook, complete { try writeWorkbook(workbook, from: prefix + ".csv", format: format) }
        if !failures.items.isEmpty || !complete { throw ExitStatus.solverFailure }
    }

    /// `--workbook`: the complete CSV read back (kept rows of a resumed run included), each row
    /// checked as `--resume` checks it, then written as a workbook through ``OutputWriter``.
    private func writeWorkbook(_ path: String, from csv: String, format: SweepRecordFormat) throws {
        let rows: [VariantResult]
        do {
            let data = try OutputFile.readRegular(csv) ?? Data()
            rows = try format.results(ofCSV: String(decoding: data, as: UTF8.self)).get()
        } catch {
            printError("error: cannot write --workbook \(path): \(csv): \(error)")
            throw ExitStatus.cannotCreateOutput
        }
        try OutputWriter.write(format.workbook(rows, source: sweep), to: path, flag: "--workbook")
        printError("wrote \(path) (\(rows.count) variants)")
    }

    /// `--verify N`: solves again the blocks of N kept rows (evenly spread; whole blocks, so the
    /// warm path is the one that wrote them) and compares the rows without timings. A row that
    /// differs refuses the partial files (exit 65), leaving them as they are.
    private func verifyKeptRows(
        _ sink: SweepOutput, ids: [Int], blocks: [[Int]], runner: SweepRunner<GLPKSolver>,
        format: SweepRecordFormat, prefix: String
    ) throws {
        let kept = ids.filter(sink.alreadyWritten.contains)
        let count = min(verify, kept.count)
        let sample = Set((0..<count).map { kept[$0 * kept.count / count] })
        let chosen = blocks.filter { !sample.isDisjoint(with: $0) }
        let plain = SweepRecordFormat(paths: format.paths, timings: false)
        let differences = SynchronizedList<String>()
        runner.run(batches: chosen, skip: Set(chosen.joined()).subtracting(sample)) { result in
            guard let text = sink.keptCSVRows[result.id],
                case .success(let keptResult) = format.result(ofCSVRow: text[...])
            else { return }
            let before = plain.csvRow(keptResult)
            let now = plain.csvRow(result)
            if before != now { differences.append("variant \(result.id): kept '\(before)', solved again '\(now)'") }
        }
        guard let first = differences.items.sorted().first else {
            printError("verified \(count) kept row\(count == 1 ? "" : "s") by solving \(chosen.count) block(s) again")
            return
        }
        sink.abandon()
        printError(
            "error: cannot resume from \(prefix).csv.partial: \(differences.items.count) of \(count) kept rows "
                + "checked differ from their variants solved again; first \(first)")
        printError("  hint: the partial files were edited or come from another build; rerun without --resume")
        throw ExitStatus.invalidData
    }

    /// Refuses (exit 64), before any work, a sweep beyond the documented limits.
    private func checkSize(_ schedule: SweepSchedule, shard: Int, of shards: Int) throws {
        guard schedule.count <= Sweep.maximumVariants else {
            printError(
                "error: \(sweep) has \(schedule.count == Int.max ? "too many to count" : String(schedule.count)) "
                    + "variants, "
                    + "more than the limit of \(Sweep.maximumVariants)")
            printError("  hint: vary fewer values, or split the study into several sweeps")
            throw ExitStatus.usage
        }
        let size = schedule.variantCount(shard: shard, of: shards)
        guard size <= SweepSchedule.maximumVariantsPerRun else {
            let needed = (schedule.count - 1) / SweepSchedule.maximumVariantsPerRun + 1
            printError(
                "error: this run would hold \(size) variants, "
                    + "more than \(SweepSchedule.maximumVariantsPerRun) in one run"
            )
            printError("  hint: split it with --shard I/N, N at least \(needed)")
            throw ExitStatus.usage
        }
    }
}
