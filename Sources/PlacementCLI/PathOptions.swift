import ArgumentParser
import PlacementCompare
import PlacementModel
import PlacementPlanning
import PlacementRisk

/// `--paths` and `--seed`, shared by `sample` and `risk`, and the study's path sampler.
struct PathOptions: ParsableArguments {
    /// The most paths one run draws; for `sample` the loader's limits usually bind first (it says so).
    static let maximumPaths = 100_000

    @Option(help: ArgumentHelp("Number of paths (1 to \(maximumPaths)).", valueName: "n"))
    var paths: Int = 1000

    /// The largest seed: 2^53 - 1, the largest whole number every JSON reader holds exactly (the
    /// risk JSON and its shards record the seed as a number).
    static let maximumSeed: UInt64 = (1 << 53) - 1

    @Option(
        help: ArgumentHelp(
            "The seed (0 to \(maximumSeed)): the same seed gives the same paths.", valueName: "s"))
    var seed: UInt64 = 1

    func validate() throws {
        try Self.check(paths: paths)
        try Self.check(seed: seed)
    }

    /// Refuses a seed above ``maximumSeed``, naming `--seed`.
    static func check(seed: UInt64) throws {
        guard seed <= maximumSeed else {
            throw ValidationError("--seed must be at most \(maximumSeed) (2^53 - 1), got \(seed)")
        }
    }

    /// The builds `risk` and `report --paths` hold on sampled paths: those of the saved plan
    /// (checked against the study at its rows, ``ResultInput/heldBuilds(_:path:study:studyPath:onSampledPaths:)``),
    /// or nil for the study's own plan, solved later, which an adaptive study cannot have held.
    static func heldBuilds(
        saved: (path: String, result: ResultSnapshot)?, study: Study, studyPath: String
    ) throws -> [PlanningOptions.StartingBuild]? {
        guard let saved else {
            try refuseAdaptivePlan(of: study, path: studyPath)
            return nil
        }
        return try ResultInput.heldBuilds(
            saved.result, path: saved.path, study: study, studyPath: studyPath, onSampledPaths: true)
    }

    /// Refuses (exit 64, before any solve) to hold an adaptive study's own plan on sampled paths:
    /// its builds depend on the study's scenarios, which the paths are not.
    private static func refuseAdaptivePlan(of study: Study, path: String) throws {
        guard study.decisions == .adaptive else { return }
        printError(
            "error: \(path): decisions: adaptive: the plan's builds depend on the study's scenarios, so it cannot be "
                + "held on sampled paths")
        printError(
            "  hint: hold a here-and-now plan with --plan (optimize the study with decisions: here-and-now, "
                + "--format json)")
        throw ExitStatus.usage
    }

    /// Warns when sampled multipliers were held at the scenarios file's ranges; `among` says which
    /// paths were counted when not all of them (a resumed run counts those it evaluates).
    static func warnHeld(_ count: Int, among: String? = nil) {
        guard count > 0 else { return }
        printError(
            "warning: \(count) sampled multiplier\(count == 1 ? "" : "s")\(among.map { " " + $0 } ?? "") fell outside the "
                + "scenarios file's ranges (0 to 1000; efficiency 0.001 to 1000) and \(count == 1 ? "was" : "were") held "
                + "at the nearest bound")
    }

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
