import ArgumentParser
import Foundation
import GLPKSolver
import OutputFiles
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementRisk

/// `placement risk STUDY --paths N --seed S`: the study's plan (solved here, or `--plan` a saved
/// one) held on paths drawn from its uncertainty model, beside its own scenarios
/// (docs/design.md §8).
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Hold a study's plan on sampled paths and report the distributions of its figures.",
        discussion: """
            Optimizes the study (or reads the builds of --plan, a saved `optimize --format json` \
            result of the same study), draws --paths paths from the study's 'uncertainty' section \
            exactly as `placement sample` does, and solves every (path, year) block at the held \
            builds as optimize does for a scenario: value, canonical dispatch, write-off. Reports \
            NPV, fleet utilization, stranded and at-risk value per path, their means, standard \
            errors, quantiles, VaR and CVaR at the study's alpha, and the probability that \
            final-year fleet utilization is below breakeven with its 95% Wilson interval, beside \
            the same figures over the study's own scenarios. The same study and seed give the same \
            bytes whatever --threads. Paths are evaluated as a stream: each worker keeps warm block \
            sessions and the output is written record by record, so memory stays flat in --paths. \
            With --output FILE the run keeps its progress in FILE.partial: after an interruption, \
            rerun with --resume. --shard I/N (with --format json --output FILE) evaluates the I-th of \
            N slices of the paths, e.g. a Slurm array task; `placement merge --output FILE.json` \
            joins the shards into the JSON of one unsharded run, byte for byte.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure, \
            73 output not writable.
            """)

    @Argument(help: "The study file.", completion: .file(extensions: ["yaml", "yml"]))
    var study: String = StudyInput.defaultPath

    @OptionGroup var sampling: PathOptions

    @Option(
        help: ArgumentHelp(
            "Hold the builds of this saved `optimize --format json` result instead of solving.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var plan: String?

    @Option(
        help: ArgumentHelp("Also write the paths as a scenarios file (as `placement sample`).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var writeSamples: String?

    @Option(
        help: ArgumentHelp(
            "Run the I-th of N slices of the paths (1-based; whole chunks of \(PathChunks.size)) and write a shard "
                + "for `placement merge` (needs --format json and --output FILE).", valueName: "I/N"))
    var shard: String?

    @Flag(
        help: ArgumentHelp(
            "Continue an interrupted run from OUTPUT.partial (the progress file of a run with the same study, "
                + "plan, seed, --paths and --shard)."))
    var resume = false

    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if writeSamples?.isEmpty == true { throw ValidationError("--write-samples needs a file name") }
        try ResultInput.checkSavedPlan(plan)
        if shard != nil {
            let (_, count) = try SweepCommand.shardSlice(shard)
            // More shards than paths would only add empty ones; the count is recorded as a JSON number.
            guard count <= RiskShard.maximumShards else {
                throw ValidationError("--shard I/N: N must be at most \(RiskShard.maximumShards), got \(count)")
            }
            guard output.format == .json, output.file != nil else {
                throw ValidationError(
                    "--shard writes a shard for `placement merge`: give --format json and --output FILE")
            }
        }
        if resume, output.file == nil {
            throw ValidationError("--resume continues from OUTPUT.partial: give --output FILE")
        }
    }

    func run() throws {
        try output.declare()
        let (shardIndex, shardCount) = try SweepCommand.shardSlice(shard)
        let file = output.file
        // The progress and lock files are written and removed too: none of them may be an input.
        for suffix in [".partial", ".lock"] {
            if let file { try RunFiles.declareOutput(file + suffix, flag: "--output") }
        }
        if let writeSamples { try RunFiles.declareOutput(writeSamples, flag: "--write-samples") }
        // The inputs are read (and checked against the outputs) before the lock is taken: its
        // release removes the lock file, which must never be one of them.
        let savedPlan = try plan.map { (path: $0, result: try ResultInput.loadSaved($0)) }
        let loaded = try StudyInput.load(study)
        let saved = try PathOptions.heldBuilds(saved: savedPlan, study: loaded.study, studyPath: study)
        // Two runs on one output would share its progress file: the second is refused at once, as a
        // second sweep on one prefix is, and the first goes on untouched.
        let lock = try file.map(Self.lock(output:))
        defer { lock?.release() }
        let sampler = try PathOptions.sampler(of: loaded.study, path: study)
        let (paths, seed) = (sampling.paths, sampling.seed)
        if let writeSamples {
            let drawn = sampler.paths(count: paths, seed: seed)
            let file = SamplesFile(study: loaded.study, sampler: sampler, paths: drawn, count: paths, seed: seed)
            try SampleCommand.checkLoadable(bytes: file.text.utf8.count, values: file.valueCount, paths: paths)
            try OutputWriter.write(file.text, to: writeSamples, flag: "--write-samples")
        }
        let range = PathChunks.shard(shardIndex, of: shardCount, count: paths)
        let evaluation = try RiskEvaluation(
            loaded.study, files: loaded.files, path: study, sampler: sampler, count: paths, seed: seed, saved: saved,
            solver: solver, range: range,
            progressFile: file.map { file in
                { RiskPartialFile(output: file, run: $0, shard: shardIndex, shards: shardCount) }
            }, resume: resume)
        if shard != nil {
            let piece = RiskShard(
                run: evaluation.run, shard: shardIndex + 1, shards: shardCount, firstPath: range.lowerBound,
                paths: evaluation.paths, inSample: evaluation.inSample)
            try output.emit(pieces: piece.jsonPieces())
        } else {
            let report = evaluation.report
            switch output.format {
            case .table: try output.emitTable(report.table())
            case .json: try output.emit(pieces: [AnySequence(report.jsonPieces()), AnySequence(["\n"])].joined())
            case .csv: try output.emit(pieces: report.csvPieces())
            case .xlsx: try output.emitWorkbook(report.workbook())
            }
        }
        if let file {
            RiskPartialFile(output: file, run: evaluation.run, shard: shardIndex, shards: shardCount).remove()
        }
    }

    /// The lock `FILE.lock` of a run writing `output` (exit 73 when another process holds it).
    private static func lock(output: String) throws -> FileLock {
        do { return try FileLock(path: output + ".lock") } catch {
            switch error {
            case .held(let path):
                printError(
                    "error: another risk run is writing \(output) (it holds \(path)); wait for it, or use another --output"
                )
            case .unusable(let why): printError("error: \(why)")
            }
            throw ExitStatus.cannotCreateOutput
        }
    }
}
