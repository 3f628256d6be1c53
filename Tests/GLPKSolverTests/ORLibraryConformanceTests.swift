import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming
import Testing

/// Beasley's OR-Library capacitated warehouse instances cap41 ... cap134, built through
/// `LinearProgramming`, solved as MIPs through `GLPKSolver`, checked against the published
/// optima (capopt.csv) to 1e-6 relative. (capa/b/c take minutes: see bench/.)
@Suite struct ORLibraryConformanceTests {
    static let optima: [PublishedOptimum] = {
        let csv = (try? Fixtures.text("orlib-cap/capopt.csv")) ?? ""
        return PublishedOptimum.parse(csv: csv).filter { $0.capacity == nil }
    }()

    @Test func allSmallInstancesAreListed() {
        #expect(Self.optima.count == 37)
    }

    @Test(arguments: optima.map(\.instance)) func publishedOptimum(instance: String) throws {
        let published = try #require(Self.optima.first { $0.instance == instance })
        let text = try Fixtures.text("orlib-cap/\(instance).txt")
        let (lp, open) = try CapacitatedWarehouseInstance(parsing: text).model()
        let solution = try GLPKSolver().solve(lp)
        #expect(solution.termination == .optimal)
        #expect(solution.primalStatus == .feasiblePoint)
        let objective = try #require(solution.objectiveValue)
        #expect(
            abs(objective - published.value) <= 1e-6 * published.value,
            "\(instance): \(objective) vs published \(published.value)")
        let primal = try #require(solution.primal)
        for variable in open { #expect(abs(primal[variable] - primal[variable].rounded()) < 1e-9) }
        // MIP results carry no duals.
        #expect(solution.dual == nil)
    }
}
