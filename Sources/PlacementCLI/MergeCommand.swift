import ArgumentParser
import PlacementLoader
import PlacementModel
import PlacementSweep

/// `placement merge`: join sweep shards into one file.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the CSV (or JSONL) outputs of sweep shards into one file, checking every variant is there.",
        discussion: """
            Every shard must be a finished shard output of the same sweep (same inputs and options), and \
            every shard of the count they were run with must be given once. .partial files are refused. \
            An --output ending in .xlsx is an Excel workbook of the merged rows (one row per variant), from \
            JSONL shards when the first ends in .jsonl, else from CSV shards.

            \(ExitStatus.summary)
            """)

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("The merged file (.csv, .jsonl or .xlsx), written atomically.", valueName: "file"))
    var output: String

    @Option(
        help: ArgumentHelp(
            "The sweep file, to check the shards are of this sweep and its exact number of variants.", valueName: "file"
        ))
    var sweep: String?

    @Argument(help: "The shard outputs.")
    var inputs: [String]

    func validate() throws {
        guard output.hasSuffix(".csv") || output.hasSuffix(".jsonl") || output.hasSuffix(".xlsx") else {
            throw ValidationError("--output must end in .csv, .jsonl or .xlsx, got '\(output)'")
        }
        guard !inputs.isEmpty else { throw ValidationError("name at least one shard output") }
    }

    func run() throws {
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
}
