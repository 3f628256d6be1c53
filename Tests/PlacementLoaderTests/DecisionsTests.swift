import PlacementLoader
import PlacementModel
import Testing

/// `decisions: here-and-now | adaptive` in the study file (docs/file-formats.md): the default,
/// both values, and a located error with a suggestion for anything else.
@Suite struct DecisionsTests {
    @Test func absentMeansHereAndNow() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        #expect(try fixture.load().get().study.decisions == .hereAndNow)
    }

    @Test(arguments: [("here-and-now", DecisionMode.hereAndNow), ("adaptive", .adaptive)])
    func bothValuesAreRead(text: String, mode: DecisionMode) throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(
            "Models/baseline.yaml", "breakeven_utilization: 0.6", "breakeven_utilization: 0.6\ndecisions: \(text)")
        #expect(try fixture.load().get().study.decisions == mode)
    }

    @Test func aMisspeltValueIsLocatedWithASuggestion() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(
            "Models/baseline.yaml", "breakeven_utilization: 0.6", "breakeven_utilization: 0.6\ndecisions: adaptiv")
        let errors = fixture.failure()
        #expect(errors.count == 1)
        let line = try fixture.contents("Models/baseline.yaml").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("decisions:") }.map { $0 + 1 }
        #expect(
            errors.first
                == "Models/baseline.yaml:\(line ?? 0):12: error: 'decisions' must be here-and-now or adaptive, found 'adaptiv'\n"
                + "  hint: did you mean 'adaptive'?")
    }

    @Test func waitAndSeeIsNotADecisionAStudyCanTake() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(
            "Models/baseline.yaml", "breakeven_utilization: 0.6", "breakeven_utilization: 0.6\ndecisions: wait-and-see")
        #expect(fixture.failure().first?.contains("'decisions' must be here-and-now or adaptive") == true)
    }
}
