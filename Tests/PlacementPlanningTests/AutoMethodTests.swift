import BenchmarkModels
import Foundation
import PlacementLoader
import PlacementPlanning
import PlacementTestSupport
import Testing

/// `auto` picks the method from the dispatch blocks' nonzeros (``PlanningOptions/autoThreshold``,
/// 25,000), on both sides of the bench's measured crossover (bench/README.md): the generated
/// studies of 4,026 and 21,630 nonzeros in the whole LP, whose blocks hold 5,424 and 29,160.
@Suite struct AutoMethodTests {
    @Test(arguments: [
        (
            SyntheticStudy.Parameters(facilities: 4, zones: 8, tenants: 6, years: 3, scenarios: 2, slices: 4, seed: 3),
            5_424, PlanningOptions.Method.primal
        ),
        (
            SyntheticStudy.Parameters(facilities: 6, zones: 12, tenants: 8, years: 4, scenarios: 3, slices: 6, seed: 3),
            29_160, PlanningOptions.Method.decomposed
        ),
    ])
    func autoDecidesOnTheBlocksSize(
        parameters: SyntheticStudy.Parameters, blockNonzeros: Int, expected: PlanningOptions.Method
    ) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auto-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = try StudyLoader().loadStudy(at: SyntheticStudy(parameters).write(to: directory).path).study
        let result = try TestPlanning.run(study, method: .auto, analyse: false)
        #expect(result.blocksSize.nonzeros == blockNonzeros)
        #expect(result.investment.method == expected)
        #expect(result.isOptimal)
    }
}
