import Foundation
import PlacementLoader
import PlacementModel

/// `generate-study`: writes a ``SyntheticStudy`` into a directory and loads it back with
/// the real loader, so a generated study that the tool would reject never reaches a
/// benchmark.
enum GenerateStudyCommand {
    static func run(directory: String, parameters: SyntheticStudy.Parameters) throws {
        let generator = try SyntheticStudy(parameters)
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let (files, generateSeconds) = measure { generator.files() }
        var bytes = 0
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            bytes += text.utf8.count
        }
        let studyPath = root.appendingPathComponent(SyntheticStudy.studyFile).path
        print("wrote \(files.count) files (\(bytes / 1024) KiB) to \(directory) in \(String(format: "%.3f", generateSeconds)) s")

        let loaded: LoadedStudy
        let loadSeconds: Double
        do {
            (loaded, loadSeconds) = try measure { try StudyLoader().loadStudy(at: studyPath) }
        } catch let failure as LoadFailure {
            for diagnostic in failure.errors.prefix(20) { print(diagnostic) }
            throw BenchCommand.UsageError(
                description: "the generated study does not load: \(failure.errors.count) error(s) (first ones above)")
        }
        let study = loaded.study
        let residencies = Dictionary(grouping: study.tenants, by: \.residency.rawValue)
            .map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
        print("study: \(studyPath)")
        print("  \(study.regions.count) regions, \(study.zones.count) zones, \(study.facilities.count) facilities, "
              + "\(study.hardware.count) accelerator classes, \(study.workloads.count) workloads")
        print("  \(study.tenants.count) tenants (\(residencies)), \(study.scenarios.count) scenarios, "
              + "horizon \(study.horizon.start)-\(study.horizon.end), \(study.timeSlices) slices")
        print(String(format: "loaded with StudyLoader in %.3f s: ok, %d warning(s)", loadSeconds, loaded.warnings.count))
        for warning in loaded.warnings.prefix(5) { print("  \(warning)") }
        if loaded.warnings.count > 5 { print("  ... \(loaded.warnings.count - 5) more") }
    }
}
