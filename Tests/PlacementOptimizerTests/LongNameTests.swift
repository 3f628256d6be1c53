import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Ids at the documented maximum length, and twenty zones merged into one demand point, still
/// give LP names within GLPK's 255 bytes: the program builds and solves.
@Suite struct LongNameTests {
    @Test func maximumLengthIdsAndTwentyMergedZonesSolve() throws {
        let study = try TinyStudy.variant("maximum ids").study()
        let program = try PlacementProgramBuilder(study: study).build()
        let model = program.model
        let names = model.variables.map { model.name(of: $0) } + model.constraints.map { model.name(of: $0) }
        let longest = names.map(\.utf8.count).max() ?? 0
        #expect(longest <= 255, "\(longest)")
        #expect(names.contains { $0.contains("+19-more") })
        let plan = try #require(try TestPlanning.run(study, analyse: false).plan)
        expectClose(plan.expectedNPV, 857_240)
    }
}
