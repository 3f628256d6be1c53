import ArgumentParser
import Foundation
import PlacementLoader
import PlacementModel
import PlacementOptimizer

/// `placement validate [STUDY]`: loads a study and every file it names, and either
/// summarises it or lists every problem with file, line and column.
///
/// Exit codes: 0 valid (warnings may be printed), 65 invalid data, 66 a file is missing
/// or unreadable.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a study and the region and model files it names.",
        discussion: """
            Prints a summary on success. On failure prints every problem as \
            'file:line:column: error: message' with a hint, and exits 65 for invalid data \
            or 66 for a missing or unreadable file.
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @Flag(help: "Print the round-trip matrix (zones x facilities, ms); '*' marks measured values.")
    var latency = false

    func run() throws {
        let loaded = try StudyInput.load(study)
        var text = StudySummary(study: loaded.study, path: study, warningCount: loaded.warnings.count).text
        let size = ProgramSize(index: PlacementIndex(study: loaded.study))
        text +=
            "\n  whole program (estimated, at most): \(size.rows) rows, \(size.columns) columns, \(size.nonzeros) nonzeros"
        if latency { text += "\n" + LatencyMatrix(study: loaded.study).text }
        try StandardOutput.write(DisplayText.escaped(text, keepingLineBreaks: true))
    }
}
