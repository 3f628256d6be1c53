import ArgumentParser
import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming

/// Every OR-Library capacitated warehouse instance, including capa/b/c with each listed
/// capacity where their files are present, against its published optimum.
struct ORLibraryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orlib",
        abstract: "Solve every OR-Library capacitated warehouse instance and compare with its published optimum.",
        discussion: "capa/b/c are solved with each listed capacity and take minutes; --only picks one instance."
    )

    @Option(
        name: .customLong("dir"),
        help: ArgumentHelp(
            "Folder with capopt.csv and the instances (run from the package root).",
            valueName: "dir"))
    var directory = "Tests/GLPKSolverTests/Fixtures/orlib-cap"

    @Option(help: ArgumentHelp("Solve only this instance, e.g. cap41 or capa.", valueName: "name"))
    var only: String?

    func validate() throws {
        guard let csv = try? String(contentsOfFile: "\(directory)/capopt.csv", encoding: .utf8) else {
            throw ValidationError("--dir \(directory) has no readable capopt.csv (the published optima)")
        }
        if let only, !PublishedOptimum.parse(csv: csv).contains(where: { $0.instance == only }) {
            throw ValidationError("--only \(only) is not in \(directory)/capopt.csv")
        }
    }

    func run() throws {
        let csv = try String(contentsOfFile: "\(directory)/capopt.csv", encoding: .utf8)
        let optima = PublishedOptimum.parse(csv: csv)
        var worst = 0.0
        var skipped = Set<String>()
        for optimum in optima where only == nil || optimum.instance == only {
            let path = "\(directory)/\(optimum.instance).txt"
            // The repository's fixtures leave out the large capa/b/c; a full OR-Library copy has them.
            guard FileManager.default.fileExists(atPath: path) else {
                if skipped.insert(optimum.instance).inserted { print("\(optimum.instance): skipped, no \(path)") }
                continue
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (lp, _) = try CapacitatedWarehouseInstance(parsing: text, capacity: optimum.capacity).model()
            let (solution, seconds) = try measure { try GLPKSolver().solve(lp) }
            let objective = solution.objectiveValue ?? .nan
            let error = abs(objective - optimum.value) / optimum.value
            worst = max(worst, error)
            let label = optimum.capacity.map { "\(optimum.instance) cap=\(Int($0))" } ?? optimum.instance
            // `String(format:)` does not pad %@ on Linux: pad the labels in Swift.
            print(
                label.padding(toLength: 16, withPad: " ", startingAt: 0) + " "
                    + solution.termination.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(
                        format: " %16.3f  published %16.3f  rel.err %.1e  %7.2f s", objective, optimum.value, error,
                        seconds))
        }
        print(String(format: "worst relative error: %.1e", worst))
    }
}
