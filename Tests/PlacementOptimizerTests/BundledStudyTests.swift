import Foundation
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The bundled study optimizes, its exported MPS file is read by glpsol at its size, and the
/// MPS file of its compact form (every row family) gives glpsol the same optimum.
@Suite struct BundledStudyTests {
    /// A new temporary directory; the caller removes it.
    func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bundled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func bundledPlanIsOptimalAndItsNPVIsTheObjective() async throws {
        let result = try await TestPlanning.bundled(.primal)
        #expect(result.investment.termination == .optimal)
        let plan = try #require(result.plan)
        let objective = try #require(result.investment.objective)
        // The plan's recomputed expected NPV is GLPK's objective (risk weight 0), in USD.
        expectClose(plan.expectedNPV, objective / PlacementProgram.moneyScale, relative: 1e-9)
        #expect(plan.unreachable.isEmpty)
    }

    /// glpsol reads the whole bundled program's MPS file (`--check`: without the 45 s solve) as
    /// the tool's rows and columns.
    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func bundledMPSIsReadByGlpsol() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try PlacementProgramBuilder(study: try TestPlanning.bundledStudy()).build().model
        let file = directory.appendingPathComponent("baseline.mps")
        try GLPKSolver.export(model, to: file, format: .freeMPS)
        let log = try #require(try runGlpsol(["--freemps", file.path, "--check"]))
        // The objective is the free row N, not counted; a nonzero constant is a column fixed at 1.
        #expect(model.constraintCount > 8_000)
        #expect(glpsolCharacteristic("rows", in: log) == model.constraintCount, "\(log)")
        let constant = model.objectiveConstant == 0 ? 0 : 1
        #expect(glpsolCharacteristic("columns", in: log) == model.variableCount + constant, "\(log)")
    }

    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func compactMPSSolvedByGlpsolMatches() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try PlacementProgramBuilder(study: try TestPlanning.compactBundledStudy()).build().model
        var options = GLPKOptions()
        options.method = .primal
        let solution = try GLPKSolver(options: options).solve(model)
        #expect(solution.termination == .optimal)
        let objective = try #require(solution.objectiveValue)
        let file = directory.appendingPathComponent("compact.mps")
        try GLPKSolver.export(model, to: file, format: .freeMPS)
        let solutionFile = directory.appendingPathComponent("compact.sol")
        _ = try #require(try runGlpsol(["--freemps", file.path, "--primal", "-w", solutionFile.path]))
        let theirs = try #require(try glpsolObjective(solutionFile: solutionFile))
        // The file minimises the negated objective.
        expectClose(-theirs, objective, relative: 1e-7)
    }
}
