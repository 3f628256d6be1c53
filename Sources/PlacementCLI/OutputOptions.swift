import ArgumentParser
import Foundation
import PlacementModel
import PlacementReports
import PlacementWorkbook

/// `--format` and `--output`, shared by the commands that write results.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, xlsx
    }

    @Option(help: "Output format: table, json, csv or xlsx (an Excel workbook; needs --output FILE).")
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
    /// A workbook is binary: it is never written to standard output or a terminal.
    func declare() throws {
        if format == .xlsx { try checkWorkbookDestination() }
        try RunFiles.declareOutput(
            output ?? "-", flag: output == nil ? "--output (standard output by default)" : "--output")
    }

    /// Prints or writes `text`.
    func emit(_ text: String) throws {
        try OutputWriter.write(text, to: output ?? "-", flag: "--output")
    }

    /// Prints or writes a text given in pieces, written one after another.
    func emit(pieces: some Sequence<String>) throws {
        try OutputWriter.write(pieces: pieces, to: output ?? "-", flag: "--output")
    }

    /// Prints or writes a table for people, with any control or bidirectional character from
    /// the inputs (a name, a unit, a path) escaped (``DisplayText``): a file cannot drive the
    /// terminal or forge lines. JSON and CSV are data and keep their text.
    func emitTable(_ text: String) throws {
        try emit(DisplayText.escaped(text, keepingLineBreaks: true))
    }

    /// Writes `report` in the chosen `--format`: only that output is made.
    func emit(_ report: some TabularReport) throws {
        switch format {
        case .table: try emitTable(report.table())
        case .json: try emit(report.json().serialized() + "\n")
        case .csv: try emit(report.csv().text)
        case .xlsx: try emitWorkbook(report.workbook())
        }
    }

    /// Renders `workbook` and writes it to `--output` (``declare()`` has refused standard output).
    func emitWorkbook(_ workbook: Workbook) throws {
        try OutputWriter.write(workbook, to: output ?? "-", flag: "--output")
    }

    /// The file `--output` names; nil for standard output (no `--output`, or `-`).
    var file: String? { output == "-" ? nil : output }

    /// Standard output, in any form (`-`, no `--output`, a pipe or a file it was redirected to),
    /// and terminals are refused (exit 64) naming `--output`: a workbook is a zip file.
    private func checkWorkbookDestination() throws {
        guard let output, output != "-" else {
            printError("error: --format xlsx writes a binary workbook, which never goes to standard output")
            printError("  hint: give --output FILE.xlsx")
            throw ExitStatus.usage
        }
        try Self.refuseTerminal(output, flag: "--output")
    }

    /// A workbook's file that is a terminal is refused (exit 64), naming `flag`.
    static func refuseTerminal(_ path: String, flag: String) throws {
        guard isTerminal(path) else { return }
        printError("error: \(flag) \(path) is a terminal; a workbook (xlsx) is binary")
        printError("  hint: give \(flag) FILE.xlsx")
        throw ExitStatus.usage
    }

    /// Whether `path` is a terminal device (opened without blocking or becoming the controlling one).
    private static func isTerminal(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFCHR else { return false }
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return isatty(descriptor) != 0
    }
}
