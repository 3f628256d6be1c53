import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementLoader
import PlacementOptimizer
import PlacementReports
import PlacementTestSupport
import Testing

/// The JSON output of the bundled study matches the checked-in snapshot.
/// Re-record on purpose only: `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/baseline.json")

    @Test func bundledStudyJSONMatchesSnapshot() async throws {
        // The report names the study as the user typed it; the shared solve loaded it by its full path.
        let result = try await TestPlanning.bundled(.primal)
        let json = OptimizeReport(studyPath: "Models/baseline.yaml", result: result).json().serialized() + "\n"
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
