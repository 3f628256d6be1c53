import ArgumentParser
import PlacementLoader
import PlacementModel

/// Loads a study for a command: diagnostics to stderr, and the exit status the README promises.
enum StudyInput {
    static let defaultPath = "Models/baseline.yaml"

    static func load(_ path: String) throws -> LoadedStudy {
        do {
            let loaded = try StudyLoader().loadStudy(at: path)
            for warning in loaded.warnings { printError(warning.description) }
            return loaded
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            let count = error.errors.count
            printError("\(count) error\(count == 1 ? "" : "s") in \(path)")
            throw error.kind == .missingInput ? ExitStatus.missingInput : ExitStatus.invalidData
        }
    }
}
