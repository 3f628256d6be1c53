import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The bundled study optimizes, and its exported MPS file gives glpsol the same optimum.
@Suite struct BundledStudyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func exportedMPSSolvedByGlpsolMatches() throws {
        let study = try TestPlanning.bundledStudy()
        let result = try TestPlanning.bundled(.primal)
        #expect(result.investment.termination == .optimal)
        let plan = try #require(result.plan)
        let objective = try #require(result.investment.objective)
        // The plan's recomputed expected NPV is GLPK's objective (risk weight 0), in USD.
        expectClose(plan.expectedNPV, objective / PlacementProgram.moneyScale, relative: 1e-9)
        #expect(plan.unreachable.isEmpty)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bundled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("baseline.mps")
        try GLPKSolver.export(try PlacementProgramBuilder(study: study).build().model, to: file, format: .freeMPS)
        let solutionFile = directory.appendingPathComponent("baseline.sol")
        guard try runGlpsol(["--freemps", file.path, "--primal", "-w", solutionFile.path]) != nil else {
            print("skipped the glpsol comparison: glpsol is not installed")
            return
        }
        let theirs = try #require(try glpsolObjective(solutionFile: solutionFile))
        // The file minimises the negated objective.
        expectClose(-theirs, objective, relative: 1e-7)
    }
}
