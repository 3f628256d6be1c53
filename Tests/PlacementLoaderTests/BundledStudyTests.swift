import Foundation
import PlacementLoader
import Testing

/// The study shipped in `Models/` with the regions in `Regions/` validates cleanly.
@Suite("Bundled study")
struct BundledStudyTests {
    /// The package root, from this file's place in `Tests/PlacementLoaderTests/`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func bundledBaselineLoadsWithoutDiagnostics() throws {
        let path = Self.packageRoot + "/Models/baseline.yaml"
        let loaded = try StudyLoader().loadStudy(at: path)
        #expect(loaded.warnings.map(\.description) == [])
        let study = loaded.study
        #expect(study.regions.map(\.id.rawValue) == ["gulf", "india", "southeast-asia"])
        #expect(!study.facilities.isEmpty && !study.tenants.isEmpty)
        #expect(abs(study.scenarios.reduce(0) { $0 + $1.probability } - 1) <= 1e-6)
        #expect(study.latency.count == study.zones.count * study.facilities.count)
    }
}
