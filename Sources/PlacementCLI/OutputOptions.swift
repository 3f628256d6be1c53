import ArgumentParser

/// `--format` and `--output`, shared by the commands that write results.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write the output to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        // Fail before the solve, not after it, when the output could not be written.
        if let output { try AtomicFile.checkDirectory(of: output, flag: "--output") }
    }

    /// Prints or writes `text`.
    func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        do { try AtomicFile.write(text, to: output) } catch {
            printError("error: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
    }
}
