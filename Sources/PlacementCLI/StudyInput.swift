import ArgumentParser
import PlacementLoader
import PlacementModel

/// Loads studies and sweeps for a command: diagnostics to stderr, the exit status of
/// ``LoadFailure/Kind/exitCode``, and the loaded files recorded as inputs of the run.
enum StudyInput {
    static let defaultPath = "Models/baseline.yaml"

    /// Loads a study; with `scenariosFile`, that file in place of the scenarios file it names.
    static func load(_ path: String, scenariosFile: String? = nil) throws -> LoadedStudy {
        let loaded: LoadedStudy
        do { loaded = try StudyLoader().loadStudy(at: path, scenariosFile: scenariosFile) } catch {
            throw report(error, path: path)
        }
        for warning in loaded.warnings { printError(warning.description) }
        try RunFiles.recordInputs(loaded.files) { $0 == 0 ? "the study" : "a file of the study" }
        return loaded
    }

    static func loadSweep(_ path: String) throws -> LoadedSweep {
        let loaded: LoadedSweep
        do { loaded = try StudyLoader().loadSweep(at: path) } catch { throw report(error, path: path) }
        for warning in loaded.warnings { printError(warning.description) }
        try RunFiles.recordInputs([path] + loaded.base.files) {
            switch $0 {
            case 0: "the sweep file"
            case 1: "the sweep's base study"
            default: "a file of the sweep's base study"
            }
        }
        return loaded
    }

    /// Prints the diagnostics and a count; returns the exit status to throw.
    private static func report(_ error: LoadFailure, path: String) -> ExitCode {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        let count = error.errors.count
        printError("\(count) error\(count == 1 ? "" : "s") in \(path)")
        return ExitStatus.loadFailure(error.kind)
    }
}
