import ArgumentParser
import PlacementLoader
import PlacementSweep

/// `placement merge`: join sweep shards into one file.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the CSV (or JSONL) outputs of sweep shards into one file, checking every variant is present exactly once.")

    @Option(name: [.short, .long], help: ArgumentHelp("The merged file (.csv or .jsonl), written atomically.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The sweep file, to check the exact number of variants.", valueName: "file"))
    var sweep: String?

    @Argument(help: "The shard outputs.")
    var inputs: [String]

    func validate() throws {
        guard output.hasSuffix(".csv") || output.hasSuffix(".jsonl") else {
            throw ValidationError("--output must end in .csv or .jsonl, got '\(output)'")
        }
        guard !inputs.isEmpty else { throw ValidationError("name at least one shard output") }
    }

    func run() throws {
        var count: Int?
        if let sweep {
            do { count = try StudyLoader().loadSweep(at: sweep).sweep.variantCount } catch {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                throw error.kind == .missingInput ? ExitStatus.missingInput : ExitStatus.invalidData
            }
        }
        do { try SweepMerge.merge(inputs: inputs, output: output, variantCount: count) } catch {
            printError("error: \(error)")
            throw ExitStatus.invalidData
        }
    }
}
