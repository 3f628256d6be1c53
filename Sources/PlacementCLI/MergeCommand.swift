import ArgumentParser
import Foundation
import PlacementLoader
import PlacementModel
import PlacementRisk
import PlacementSweep

/// `placement merge`: join sweep shards, or risk shards, into one file.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract:
            "Join the CSV (or JSONL) outputs of sweep shards, or the JSON shards of a risk run, into one file.",
        discussion: """
            Every shard must be a finished shard output of the same sweep (same inputs and options), and \
            every shard of the count they were run with must be given once. .partial files are refused. \
            An --output ending in .xlsx is an Excel workbook of the merged rows (one row per variant), from \
            JSONL shards when the first ends in .jsonl, else from CSV shards. An --output ending in .json \
            joins the shards of `placement risk --shard I/N --format json` into the JSON an unsharded run \
            writes, byte for byte; shards of another study, plan, seed or --paths are refused.

            \(ExitStatus.summary)
            """)

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The merged file (.csv, .jsonl, .xlsx, or .json for risk shards), written atomically.", valueName: "file"))
    var output: String

    @Option(
        help: ArgumentHelp(
            "The sweep file, to check the shards are of this sweep and its exact number of variants.", valueName: "file"
        ))
    var sweep: String?

    @Argument(help: "The shard outputs.")
    var inputs: [String]

    func validate() throws {
        guard [".csv", ".jsonl", ".xlsx", ".json"].contains(where: output.hasSuffix) else {
            throw ValidationError("--output must end in .csv, .jsonl, .xlsx or .json (risk shards), got '\(output)'")
        }
        guard !inputs.isEmpty else { throw ValidationError("name at least one shard output") }
        if output.hasSuffix(".json"), sweep != nil {
            throw ValidationError("--sweep checks sweep shards; risk shards (--output FILE.json) carry their run")
        }
    }

    func run() throws {
        if output.hasSuffix(".json") { return try mergeRisk() }
        if output.hasSuffix(".xlsx") { try OutputOptions.refuseTerminal(output, flag: "--output") }
        try RunFiles.declareOutput(output, flag: "--output")
        try RunFiles.recordInputs(inputs) { _ in "a shard" }
        var count: Int?
        var sweepInputs: String?
        var loadedSweep: Sweep?
        if let sweep {
            let loaded = try StudyInput.loadSweep(sweep)
            loadedSweep = loaded.sweep
            count = loaded.sweep.variantCount
            do {
                sweepInputs = try SweepFingerprint(
                    files: [sweep] + loaded.base.files, options: "", variants: 0,
                    shard: 1, shards: 1
                ).inputs
            } catch {
                printError("error: \(error)")
                throw ExitStatus.missingInput
            }
        }
        do {
            try SweepMerge.merge(
                inputs: inputs, output: output, sweepInputs: sweepInputs, variantCount: count, sweep: loadedSweep)
        } catch {
            printError("error: \(error)")
            switch error {
            case .unreadable: throw ExitStatus.missingInput
            case .invalid: throw ExitStatus.invalidData
            case .cannotWrite: throw ExitStatus.cannotCreateOutput
            }
        }
    }

    /// Joins risk shards (`placement risk --shard I/N --format json`) into the run's JSON.
    private func mergeRisk() throws {
        try RunFiles.declareOutput(output, flag: "--output")
        try RunFiles.recordInputs(inputs) { _ in "a shard" }
        var shards: [RiskShard] = []
        for input in inputs {
            guard !input.hasSuffix(".partial"), let data = FileManager.default.contents(atPath: input) else {
                printError(
                    "error: cannot read \(input)\(input.hasSuffix(".partial") ? ": a .partial file is not a shard" : "")"
                )
                throw input.hasSuffix(".partial") ? ExitStatus.invalidData : ExitStatus.missingInput
            }
            do { shards.append(try RiskShard(json: String(decoding: data, as: UTF8.self))) } catch {
                printError("error: \(input): \(error.message)")
                throw ExitStatus.invalidData
            }
        }
        let report: RiskReport
        do { report = try RiskShard.merge(shards) } catch {
            printError("error: cannot merge: \(error.message)")
            throw ExitStatus.invalidData
        }
        try OutputWriter.write(
            pieces: [AnySequence(report.jsonPieces()), AnySequence(["\n"])].joined(), to: output, flag: "--output")
    }
}
