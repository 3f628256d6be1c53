import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Exported files keep the readable names and give glpsol the same optimum.
@Suite struct ExportTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("placement-export-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// max 3x + 5y + 100 on the Wyndor rows: 136. Names with brackets, commas and dashes.
    func wyndor() -> LinearProgram {
        var lp = LinearProgram(name: "wyndor", sense: .maximize, objectiveConstant: 100)
        let x = lp.addVariable(name: "build[abu-dhabi,gpu-h200,2026]", objective: 3)
        let y = lp.addVariable(name: "build[doha,gpu-b200,2027]", objective: 5)
        lp.addConstraint(name: "power[abu-dhabi,2026]", terms: [(x, 1)], .lessOrEqual(4))
        lp.addConstraint(name: "power[doha,2027]", terms: [(y, 2)], .lessOrEqual(12))
        lp.addConstraint(name: "budget", terms: [(x, 3), (y, 2)], .lessOrEqual(18))
        return lp
    }

    func glpsolSolve(_ file: URL, _ flags: [String]) throws -> Double? {
        let solutionFile = directory.appendingPathComponent(UUID().uuidString + ".sol")
        guard try runGlpsol(flags + [file.path, "-w", solutionFile.path]) != nil else { return nil }
        return try glpsolObjective(solutionFile: solutionFile)
    }

    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func mpsRoundTripThroughGlpsol() throws {
        let lp = wyndor()
        let file = directory.appendingPathComponent("wyndor.mps")
        try GLPKSolver.export(lp, to: file, format: .freeMPS)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("build[abu-dhabi,gpu-h200,2026]"))
        #expect(text.contains("power[doha,2027]"))
        #expect(text.hasPrefix("* Exported by SovereignPlacement"))
        let ours = try GLPKSolver().solve(lp).objectiveValue
        expectClose(ours, 136)
        let theirs = try #require(try glpsolSolve(file, ["--freemps"]))
        // The file minimises the negated objective.
        expectClose(theirs, -136, relative: 1e-9)
    }

    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func lpRoundTripThroughGlpsol() throws {
        let lp = wyndor()
        let file = directory.appendingPathComponent("wyndor.lp")
        try GLPKSolver.export(lp, to: file, format: .cplexLP)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("Maximize"))
        let theirs = try #require(try glpsolSolve(file, ["--lp"]))
        expectClose(theirs, 136, relative: 1e-9)
    }

    /// Integer columns keep explicit bounds so no reader takes them as binary:
    /// max x + y, x + y <= 7.5, x, y integer >= 0 (no upper bound): optimum 7.
    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func integerColumnsKeepExplicitBounds() throws {
        var lp = LinearProgram(name: "blocks", sense: .maximize)
        let x = lp.addVariable(name: "blocks[a]", objective: 1, isInteger: true)
        let y = lp.addVariable(name: "blocks[b]", objective: 1, isInteger: true)
        lp.addConstraint(name: "room", terms: [(x, 1), (y, 1)], .lessOrEqual(7.5))
        let file = directory.appendingPathComponent("blocks.mps")
        try GLPKSolver.export(lp, to: file, format: .freeMPS)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(" PL BND1 blocks[a]"))
        #expect(text.contains(" PL BND1 blocks[b]"))
        expectClose(try GLPKSolver().solve(lp).objectiveValue, 7)
        let theirs = try #require(try glpsolSolve(file, ["--freemps"]))
        expectClose(theirs, -7)
    }

    /// An OR-Library MIP exported and solved by glpsol gives the published optimum.
    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func mipExportMatches() throws {
        let text = try Fixtures.text("orlib-cap/cap41.txt")
        let (lp, _) = try CapacitatedWarehouseInstance(parsing: text).model()
        let file = directory.appendingPathComponent("cap41.mps")
        try GLPKSolver.export(lp, to: file, format: .freeMPS)
        let theirs = try #require(try glpsolSolve(file, ["--freemps", "--cuts"]))
        expectClose(theirs, 1_040_444.375, relative: 1e-6)
    }

    @Test func exportToMissingDirectoryFails() {
        let file = directory.appendingPathComponent("no/such/dir/model.mps")
        #expect(throws: (any Error).self) { try GLPKSolver.export(wyndor(), to: file, format: .freeMPS) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
