import ArgumentParser
import PlacementModel

/// `--format` and `--output`, shared by the commands that write results.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write the output to this file (atomically; '-' for stdout) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a file name ('-' for stdout)") }
    }

    /// Declares the output before any work: its directory must exist, it must not be an input,
    /// and no other output of the run may go to the same file (or also to standard output).
    func declare() throws {
        try RunFiles.declareOutput(
            output ?? "-", flag: output == nil ? "--output (standard output by default)" : "--output")
    }

    /// Prints or writes `text`.
    func emit(_ text: String) throws {
        try OutputWriter.write(text, to: output ?? "-", flag: "--output")
    }

    /// Prints or writes a table for people, with any control or bidirectional character from
    /// the inputs (a name, a unit, a path) escaped (``DisplayText``): a file cannot drive the
    /// terminal or forge lines. JSON and CSV are data and keep their text.
    func emitTable(_ text: String) throws {
        try emit(DisplayText.escaped(text, keepingLineBreaks: true))
    }
}
