import ArgumentParser
import PlacementModel
import PlacementRisk

/// `--paths` and `--seed`, shared by `sample` and `risk`, and the study's path sampler.
struct PathOptions: ParsableArguments {
    /// The most paths one run draws; for `sample` the loader's limits usually bind first (it says so).
    static let maximumPaths = 100_000

    @Option(help: ArgumentHelp("Number of paths (1 to \(maximumPaths)).", valueName: "n"))
    var paths: Int = 1000

    @Option(help: ArgumentHelp("The seed: the same seed gives the same paths.", valueName: "s"))
    var seed: UInt64 = 1

    func validate() throws { try Self.check(paths: paths) }

    /// Refuses a number of paths outside 1 to ``maximumPaths``, naming `--paths`.
    static func check(paths: Int) throws {
        guard (1...maximumPaths).contains(paths) else {
            throw ValidationError("--paths must be between 1 and \(maximumPaths), got \(paths)")
        }
    }

    /// The sampler of `study` (loaded from `path`): exit 65 with a hint when it cannot draw.
    static func sampler(of study: Study, path: String) throws -> PathSampler {
        do { return try PathSampler(study: study) } catch {
            printError("error: \(path): \(error.message)")
            printError("  hint: add 'uncertainty:' with its factors to the scenarios file (docs/design.md §8)")
            throw ExitStatus.invalidData
        }
    }
}
