import Foundation
import GLPKSolver
import PlacementExport
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport

/// A study's program solved by the tool and, written as MathProg, by `glpsol --math`.
struct MathProgRoundTrip {
    /// The tool's optimum, in the program's units (thousands of USD).
    var toolObjective: Double
    var toolRows: Int
    var toolColumns: Int
    /// glpsol's optimum and the size of the problem it generated (its rows include the objective).
    var glpsolObjective: Double
    var glpsolRows: Int
    var glpsolColumns: Int
    var data: String

    /// Nil when glpsol is not installed (callers are disabled then: `.enabled(if: glpsolIsInstalled)`).
    static func run(
        _ study: Study, glpsolOptions: [String] = [], title: String = "test study"
    ) throws -> MathProgRoundTrip? {
        let program = try PlacementProgramBuilder(study: study).build()
        var options = GLPKOptions()
        options.method = .primal
        let solution = try GLPKSolver(options: options).solve(program.model)
        guard solution.termination == .optimal, let objective = solution.objectiveValue else {
            throw Failure(description: "the tool did not solve the program: \(solution.termination)")
        }
        let export = try MathProgExport(program: program, title: title)
        let solved = try withExportFiles(export) { files -> (objective: Double, header: String)? in
            let solutionFile = files.directory.appendingPathComponent("study.sol")
            let arguments =
                ["--math", files.model.path, "--data", files.data.path, "-w", solutionFile.path] + glpsolOptions
            guard let log = try runGlpsol(arguments) else { return nil }
            guard FileManager.default.fileExists(atPath: solutionFile.path),
                let theirs = try PlacementTestSupport.glpsolObjective(solutionFile: solutionFile)
            else {
                throw Failure(description: "glpsol wrote no solution:\n\(log)")
            }
            return (theirs, try String(contentsOf: solutionFile, encoding: .utf8))
        }
        guard let (theirs, header) = solved else { return nil }
        return MathProgRoundTrip(
            toolObjective: objective, toolRows: program.model.constraintCount, toolColumns: program.model.variableCount,
            glpsolObjective: theirs, glpsolRows: Self.count("Rows", in: header),
            glpsolColumns: Self.count("Columns", in: header), data: export.data)
    }

    /// Writes the export's model and data files into a new scratch directory, calls `body` with
    /// their locations, and removes the directory.
    static func withExportFiles<T>(
        _ export: MathProgExport, _ body: ((directory: URL, model: URL, data: URL)) throws -> T
    ) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gmpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("study.mod")
        let data = directory.appendingPathComponent("study.dat")
        try export.model.write(to: model, atomically: true, encoding: .utf8)
        try export.data.write(to: data, atomically: true, encoding: .utf8)
        return try body((directory, model, data))
    }

    /// The rows and columns of a study's program and of the problem `glpsol --math --check`
    /// generates from its MathProg export (glpsol's rows include the objective), without solving;
    /// nil when glpsol is not installed.
    static func generate(_ study: Study) throws -> (
        toolRows: Int, toolColumns: Int, glpsolRows: Int, glpsolColumns: Int
    )? {
        let program = try PlacementProgramBuilder(study: study).build()
        let export = try MathProgExport(program: program, title: "test study")
        let checked = try withExportFiles(export) { files in
            try runGlpsol(["--math", files.model.path, "--data", files.data.path, "--check"])
        }
        guard let log = checked else { return nil }
        guard log.contains("Model has been successfully generated") else {
            throw Failure(description: "glpsol did not generate the model:\n\(log)")
        }
        return (
            program.model.constraintCount, program.model.variableCount, glpsolCharacteristic("rows", in: log) ?? -1,
            glpsolCharacteristic("columns", in: log) ?? -1
        )
    }

    /// The number on glpsol's `c Rows:` or `c Columns:` line of a solution file.
    private static func count(_ label: String, in text: String) -> Int {
        let line = text.split(separator: "\n").first { $0.hasPrefix("c \(label):") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
