import ArgumentParser
import BenchmarkModels
import Foundation
import PlacementLoader
import PlacementModel

/// `generate-study`: writes a ``SyntheticStudy`` into a directory and loads it back with
/// the real loader, so a generated study that the tool would reject never reaches a
/// benchmark.
struct GenerateStudyCommand: ParsableCommand {
    /// The named sets with their flags, for the help text.
    private static let namedSets = SyntheticStudy.Parameters.catalogue
        .map { "\($0.name) (\($0.parameters.arguments.joined(separator: " ")))" }.joined(separator: "; ")

    static let configuration = CommandConfiguration(
        commandName: "generate-study",
        abstract: "Write a synthetic study of any size, drawn from one seed, and load it back with the tool's loader.",
        discussion: """
            Start from a named set (--preset, default standard) and override any of its sizes with the flags. \
            Named sets: \(Self.namedSets). \
            Size the LP of a generated study in seconds with: placement-bench scale --study DIR/study.yaml --build-only.
            """
    )

    @Option(
        name: .customLong("out"),
        help: ArgumentHelp("Folder to write the study into (created if needed).", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Named parameter set the other flags override.", valueName: "name"))
    var preset = "standard"

    @Option(help: ArgumentHelp("Facilities (candidate sites).", valueName: "count"))
    var facilities: Int?
    @Option(help: ArgumentHelp("Demand zones.", valueName: "count"))
    var zones: Int?
    @Option(help: ArgumentHelp("Tenants, cycling video / reasoning / embodied.", valueName: "count"))
    var tenants: Int?
    @Option(help: ArgumentHelp("Years of the horizon from --start (or give --end).", valueName: "count"))
    var years: Int?
    @Option(help: ArgumentHelp("First year of the horizon.", valueName: "year"))
    var start: Int?
    @Option(help: ArgumentHelp("Last year of the horizon, instead of --years.", valueName: "year"))
    var end: Int?
    @Option(help: ArgumentHelp("Scenarios: base, then the bundled study's stories cycled.", valueName: "count"))
    var scenarios: Int?
    @Option(help: ArgumentHelp("Time slices of a day (a divisor of 24; 24 is hourly).", valueName: "count"))
    var slices: Int?
    @Option(
        help: ArgumentHelp("Seed of the SplitMix64 generator (same parameters and seed, same bytes).", valueName: "n"))
    var seed: UInt64?
    @Option(help: ArgumentHelp("Regions (default: one per 8 zones, 2 to 24).", valueName: "count"))
    var regions: Int?
    @Flag(
        name: .customLong("hostile-names"), help: "Long facility ids and names with markup characters (report tests).")
    var hostileNames = false

    func validate() throws {
        guard SyntheticStudy.Parameters.named[preset] != nil else {
            let names = SyntheticStudy.Parameters.catalogue.map(\.name).joined(separator: ", ")
            throw ValidationError("--preset must be one of \(names), got '\(preset)'")
        }
        if years != nil, end != nil { throw ValidationError("give --years or --end, not both") }
        if let end, end < (start ?? parameters.startYear) {
            throw ValidationError("--end \(end) is before the first year \(start ?? parameters.startYear)")
        }
        do {
            _ = try SyntheticStudy(parameters)
        } catch let invalid as SyntheticStudy.InvalidParameter {
            throw ValidationError("--\(invalid.parameter) \(invalid.problem)")
        }
    }

    /// The preset with every given flag applied.
    var parameters: SyntheticStudy.Parameters {
        var p = SyntheticStudy.Parameters.named[preset] ?? .standard
        if let facilities { p.facilities = facilities }
        if let zones { p.zones = zones }
        if let tenants { p.tenants = tenants }
        if let start { p.startYear = start }
        if let years { p.years = years }
        if let end { p.years = end - p.startYear + 1 }
        if let scenarios { p.scenarios = scenarios }
        if let slices { p.slices = slices }
        if let seed { p.seed = seed }
        if let regions { p.regions = regions }
        if hostileNames { p.hostileNames = true }
        return p
    }

    func run() throws {
        let generator = try SyntheticStudy(parameters)
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        print("generate-study \(parameters.arguments.joined(separator: " ")) --out \(directory)")
        let (files, generateSeconds) = measure { generator.files() }
        try SyntheticStudy.write(files, to: root)
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let studyPath = root.appendingPathComponent(SyntheticStudy.studyFile).path
        print("wrote \(files.count) files (\(bytes / 1024) KiB) to \(directory) in \(fixed(generateSeconds)) s")

        let loaded: LoadedStudy
        let loadSeconds: Double
        do {
            (loaded, loadSeconds) = try measure { try StudyLoader().loadStudy(at: studyPath) }
        } catch let failure as LoadFailure {
            for diagnostic in failure.errors.prefix(20) { print(diagnostic) }
            throw BenchError(
                description: "the generated study does not load: \(failure.errors.count) error(s) (first ones above)")
        }
        let study = loaded.study
        let residencies = Dictionary(grouping: study.tenants, by: \.residency.rawValue)
            .map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
        print("study: \(studyPath)")
        print(
            "  \(study.regions.count) regions, \(study.zones.count) zones, \(study.facilities.count) facilities, "
                + "\(study.hardware.count) accelerator classes, \(study.workloads.count) workloads")
        print(
            "  \(study.tenants.count) tenants (\(residencies)), \(study.scenarios.count) scenarios, "
                + "horizon \(study.horizon.start)-\(study.horizon.end), \(study.timeSlices) slices")
        print(
            String(format: "loaded with StudyLoader in %.3f s: ok, %d warning(s)", loadSeconds, loaded.warnings.count))
        for warning in loaded.warnings.prefix(5) { print("  \(warning)") }
        if loaded.warnings.count > 5 { print("  ... \(loaded.warnings.count - 5) more") }
    }
}
