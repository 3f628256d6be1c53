import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementLoader
import PlacementOptimizer
import PlacementReports
import Testing

/// The JSON output of the bundled study matches the checked-in snapshot.
/// Re-record on purpose only: `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/baseline.json")

    @Test func bundledStudyJSONMatchesSnapshot() throws {
        let previous = FileManager.default.currentDirectoryPath
        // The report names the study as the user typed it: run from the package root.
        FileManager.default.changeCurrentDirectoryPath(Self.packageRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let path = "Models/baseline.yaml"
        let study = try StudyLoader().loadStudy(at: path).study
        var options = GLPKOptions()
        options.method = .primal
        let solver = GLPKSolver(options: options)
        let result = try PlacementOptimizer(solver: solver).optimize(study)
        let plan = try #require(result.plan)
        let analysis = try PlanAnalysis.run(study: study, plan: plan, solver: solver)
        let json = OptimizeReport(study: study, studyPath: path, result: result, analysis: analysis).json().serialized() + "\n"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try json.write(to: Self.snapshot, atomically: true, encoding: .utf8)
            print("recorded \(Self.snapshot.path)")
            return
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        if json != expected {
            let ours = json.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
            let line = (first?.offset ?? min(ours.count, theirs.count)) + 1
            let detail = first.map { "got '\($0.element.0)', snapshot '\($0.element.1)'" } ?? "different lengths"
            Issue.record("JSON differs from the snapshot at line \(line): \(detail)")
        }
    }
}
