import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming

/// Every OR-Library capacitated warehouse instance, including capa/b/c with each listed
/// capacity, against its published optimum.
enum ORLibraryBenchmark {
    static func run(directory: String, only: String?) throws {
        let csv = try String(contentsOfFile: "\(directory)/capopt.csv", encoding: .utf8)
        var worst = 0.0
        for optimum in PublishedOptimum.parse(csv: csv) where only == nil || optimum.instance == only {
            let text = try String(contentsOfFile: "\(directory)/\(optimum.instance).txt", encoding: .utf8)
            let (lp, _) = try CapacitatedWarehouseInstance(parsing: text, capacity: optimum.capacity).model()
            let (solution, seconds) = try measure { try GLPKSolver().solve(lp) }
            let objective = solution.objectiveValue ?? .nan
            let error = abs(objective - optimum.value) / optimum.value
            worst = max(worst, error)
            let label = optimum.capacity.map { "\(optimum.instance) cap=\(Int($0))" } ?? optimum.instance
            print(String(format: "%-16@ %-9@ %16.3f  published %16.3f  rel.err %.1e  %7.2f s",
                         label as NSString, solution.termination.rawValue as NSString, objective, optimum.value, error, seconds))
        }
        print(String(format: "worst relative error: %.1e", worst))
    }
}
