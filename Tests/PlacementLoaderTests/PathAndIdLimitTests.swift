import Foundation
import PlacementLoader
import PlacementModel
import Testing

/// Paths a study names are never empty or cut at a NUL, and ids have a documented maximum
/// length, checked before any comparison (no quadratic did-you-mean on hostile ids).
@Suite struct PathAndIdLimitTests {
    func diagnostics(_ file: String, _ old: String, _ new: String) throws -> [String] {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(file, old, new)
        return fixture.failure(expecting: .invalidData)
    }

    @Test(arguments: [
        (
            "tenants: tenants.yaml", #"tenants: """#,
            "Models/baseline.yaml:6:10: error: 'tenants' is an empty path"
        ),
        (
            "hardware: hardware.yaml", #"hardware: """#,
            "Models/baseline.yaml:4:11: error: 'hardware' is an empty path"
        ),
        (
            "regions: [../Regions/gulf.yaml, ../Regions/india.yaml]", #"regions: [""]"#,
            "Models/baseline.yaml:3:11: error: 'regions' is an empty path"
        ),
        (
            "hardware: hardware.yaml", #"hardware: "hardware.yaml\0x""#,
            "Models/baseline.yaml:4:11: error: the path in 'hardware' holds a NUL character"
        ),
    ])
    func anEmptyOrNULPathIsALocatedError(old: String, new: String, message: String) throws {
        let found = try diagnostics("Models/baseline.yaml", old, new)
        #expect(found.count == 1 && found[0].hasPrefix(message + "\n  hint: "), "\(found)")
    }

    @Test func anIdOverTheLimitIsALocatedError() throws {
        let long = String(repeating: "v", count: IdentifierSyntax.maximumLength + 1)
        let found = try diagnostics("Models/workloads.yaml", "  - id: video\n", "  - id: \(long)\n")
        #expect(
            found.contains(
                "Models/workloads.yaml:3:9: error: the id '\(long.dropLast())…' is 41 bytes long, more than the "
                    + "limit of 40\n  hint: use a shorter id; names and descriptions can go in 'name'"), "\(found)")
    }

    @Test func anIdAtTheLimitLoads() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        let long = String(repeating: "v", count: IdentifierSyntax.maximumLength)
        let text = try fixture.contents("Models/workloads.yaml").replacingOccurrences(
            of: "id: video\n", with: "id: \(long)\n")
        try fixture.write("Models/workloads.yaml", text)
        for file in ["Models/tenants.yaml", "Models/hardware.yaml", "Models/scenarios.yaml"] {
            let other = try fixture.contents(file)
            try fixture.write(
                file,
                other.replacingOccurrences(of: "workload: video\n", with: "workload: \(long)\n")
                    .replacingOccurrences(of: "video:", with: "\(long):"))
        }
        if case .failure(let failure) = fixture.load() {
            Issue.record("\(failure.diagnostics.map(fixture.render))")
        }
    }

    /// An 80,000-character id and a reference to another: refused in well under a second, the
    /// quadratic did-you-mean never run on them.
    @Test func hugeIdsAreRefusedQuickly() throws {
        let huge = String(repeating: "a", count: 80_000)
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Models/workloads.yaml", "  - id: video\n", "  - id: \(huge)\n")
        try fixture.edit(
            "Models/tenants.yaml", "    workload: video\n    price_usd_per_unit: 0.06",
            "    workload: \(huge)b\n    price_usd_per_unit: 0.06")
        let started = Date()
        let found = fixture.failure(expecting: .invalidData)
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(found.contains { $0.contains("is 80000 bytes long, more than the limit of 40") })
        #expect(found.allSatisfy { $0.count < 2_000 }, "no diagnostic quotes a huge id whole")
    }

    @Test func suggestionsSkipStringsTooDifferentInLength() {
        let started = Date()
        let text = String(repeating: "x", count: 200_000)
        #expect(
            Suggestions.closest(to: text, among: ["video", "reasoning", String(repeating: "y", count: 100)]).isEmpty)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(Suggestions.closest(to: "viedo", among: ["video", "reasoning"]) == ["video"])
    }
}
