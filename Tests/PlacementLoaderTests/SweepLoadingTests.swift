import PlacementLoader
import PlacementModel
import Testing

/// Sweep files: their base study loads, and every varied path and value is checked.
@Suite("Loading sweeps")
struct SweepLoadingTests {
    static let sweepFile = "Models/sweeps/prices.yaml"

    private func failure(_ fixture: FixtureStudy) -> [String] {
        do {
            _ = try StudyLoader().loadSweep(at: fixture.path(Self.sweepFile))
            Issue.record("the sweep loaded but should have failed")
            return []
        } catch {
            return error.diagnostics.map(fixture.render)
        }
    }

    @Test func loadsAValidSweepAndItsBase() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        let loaded = try StudyLoader().loadSweep(at: fixture.path(Self.sweepFile))
        #expect(loaded.sweep.base == fixture.studyPath)
        #expect(loaded.sweep.mode == .grid)
        #expect(loaded.sweep.variantCount == 6)
        #expect(loaded.warnings.isEmpty)
        let last = try loaded.sweep.variant(5, of: loaded.base.study)
        #expect(last.facility("riyadh-hexagon")?.electricityUSDPerMWh == 60)
        #expect(last.scenario("video-boom")?.demandMultiplier(for: "video", in: 2028) == 1.8)
    }

    @Test func unknownIdInAPathIsLocatedWithDidYouMean() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(Self.sweepFile, "facilities.riyadh-hexagon.", "facilities.riyadh-hexagn.")
        #expect(
            failure(fixture) == [
                """
                Models/sweeps/prices.yaml:5:11: error: unknown facility 'riyadh-hexagn'
                  hint: did you mean 'riyadh-hexagon'?
                """
            ])
    }

    @Test func pathToSomethingNotNumericIsLocated() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(Self.sweepFile, "riyadh-hexagon.electricity_usd_per_mwh", "riyadh-hexagon.jurisdiction")
        #expect(
            failure(fixture) == [
                """
                Models/sweeps/prices.yaml:5:11: error: unknown key 'jurisdiction' in 'facilities.riyadh-hexagon'
                  hint: numbers here: 'power_mw', 'pue', 'electricity_usd_per_mwh', 'shell_capex_usd_per_mw', 'fixed_om_usd_per_mw_year', 'existing'
                """
            ])
    }

    @Test func valueOutsideTheFieldsRangeAndUnequalZipListsAreLocated() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(Self.sweepFile, "values: [30, 45, 60]", "values: [30, -45, 60]")
        try fixture.edit(Self.sweepFile, "mode: grid", "mode: zip")
        #expect(
            failure(fixture) == [
                """
                Models/sweeps/prices.yaml:4:1: error: zip needs lists of one length, found 3, 2
                  hint: give every path the same number of values, or use mode: grid
                """,
                """
                Models/sweeps/prices.yaml:6:18: error: 'facilities.riyadh-hexagon.electricity_usd_per_mwh' must not be negative
                  hint: -45.0 is outside the accepted range
                """,
            ])
    }

    @Test func missingBaseIsMissingInput() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(Self.sweepFile, "base: ../baseline.yaml", "base: ../base.yaml")
        let failure = #expect(throws: LoadFailure.self) {
            try StudyLoader().loadSweep(at: fixture.path(Self.sweepFile))
        }
        #expect(failure?.kind == .missingInput)
        #expect(
            failure?.diagnostics.map(fixture.render) == [
                """
                Models/sweeps/prices.yaml:2:7: error: cannot read 'Models/base.yaml': no such file
                  hint: check the path; it is relative to the file that names it
                """
            ])
    }
}
