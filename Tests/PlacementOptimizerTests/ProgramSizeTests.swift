import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The size estimate made before building is an upper bound of the program built, and close to it.
@Suite struct ProgramSizeTests {
    func check(_ study: Study, _ label: String) throws {
        let program = try PlacementProgramBuilder(study: study).build()
        let estimate = ProgramSize(index: program.index)
        let model = program.model
        for (name, built, estimated) in [
            ("rows", model.constraintCount, estimate.rows), ("columns", model.variableCount, estimate.columns),
            ("nonzeros", model.nonzeroCount, estimate.nonzeros),
        ] {
            #expect(estimated >= built, "\(label): \(name) \(estimated) < \(built)")
            #expect(Double(estimated) <= 1.6 * Double(built) + 10, "\(label): \(name) \(estimated) for \(built)")
        }
    }

    @Test func theBundledStudy() throws { try check(try TestPlanning.bundledStudy(), "bundled") }

    /// Adaptive decisions: a build column and a power row per node (14 nodes in five years here).
    @Test func theBundledStudyAdaptive() throws {
        try check(try TestPlanning.bundledStudy().withDecisions(.adaptive), "bundled adaptive")
    }

    @Test(arguments: TinyStudy.catalogue.map(\.name))
    func everyTinyStudy(_ name: String) throws { try check(try TinyStudy.variant(name).study(), name) }
}
