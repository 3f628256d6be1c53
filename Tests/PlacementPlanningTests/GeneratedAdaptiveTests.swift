import BenchmarkModels
import Foundation
import GLPKSolver
import PlacementLoader
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// Adaptive decisions on seeded generated studies (three to four years, two to three scenarios
/// that move from the second year): the decomposed solve agrees with the monolithic one, the
/// thread count changes no byte, and the value figures are ordered as docs/design.md §9 says.
@Suite struct GeneratedAdaptiveTests {
    static let shapes: [SyntheticStudy.Parameters] = (1...4).map { seed in
        SyntheticStudy.Parameters(
            facilities: 3 + seed % 2, zones: 4 + seed % 3, tenants: 3 + seed % 2, years: 3 + seed % 2,
            scenarios: 2 + seed % 2, slices: [1, 2, 3][seed % 3], seed: UInt64(seed))
    }

    static func load(_ parameters: SyntheticStudy.Parameters) throws -> Study {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adaptive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try SyntheticStudy(parameters).write(to: directory).path
        return try StudyLoader().loadStudy(at: path).study.withDecisions(.adaptive)
    }

    @Test(arguments: shapes)
    func decomposedAgreesWithMonolithicAndThreadsChangeNothing(_ parameters: SyntheticStudy.Parameters) throws {
        let study = try Self.load(parameters)
        #expect(!study.scenarioTree.isSingleNodePerYear, "the generated scenarios should split")
        let monolithic = try #require(try TestPlanning.run(study, method: .primal).plan)
        let one = try TestPlanning.run(study, method: .decomposed, threads: 1)
        let two = try TestPlanning.run(study, method: .decomposed, threads: 2, splitThreshold: 0)
        let decomposed = try #require(one.plan)
        expectClose(decomposed.objectiveUSD, monolithic.objectiveUSD, relative: 1e-6)
        #expect(decomposed.nodes.count == study.scenarioTree.nodes.reduce(0) { $0 + $1.count })
        let twoThreads = try TestPlanning.run(study, method: .decomposed, threads: 2)
        #expect(
            OptimizeReport(studyPath: "s", result: one).json().serialized()
                == OptimizeReport(studyPath: "s", result: twoThreads).json().serialized())
        expectClose(two.plan?.objectiveUSD, monolithic.objectiveUSD, relative: 1e-6)
    }

    /// WS >= RP(adaptive) >= RP(here-and-now) >= EEV, to the solver's tolerance: each is a
    /// relaxation of the next (fewer nodes, then a fixed plan).
    @Test(arguments: shapes)
    func valueFiguresAreOrdered(_ parameters: SyntheticStudy.Parameters) throws {
        let study = try Self.load(parameters)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .primal))
        let value = try pipeline.valueOfInformation(study)
        let slack = 1e-7 * max(1, abs(value.waitAndSee))
        #expect(value.waitAndSee >= value.adaptive - slack)
        #expect(value.adaptive >= value.hereAndNow - slack)
        #expect(value.hereAndNow >= value.expectedResultOfExpectedValue - slack)
        #expect(value.evpi >= -slack && value.vss >= -slack && value.valueOfAdaptivity >= -slack)
    }

    /// Scenarios that agree in every year but the last: the last year's builds have not seen the
    /// difference, so adaptive decisions are here-and-now ones and the two optima are equal. The
    /// scenarios are the study's, each multiplier replaced by the mean scenario's before the last year.
    @Test(arguments: shapes.prefix(2))
    func scenariosThatDifferOnlyInTheLastYearGainNothingFromAdaptivity(_ parameters: SyntheticStudy.Parameters)
        throws
    {
        let study = try Self.load(parameters)
        let late = try study.replacingScenarios(Self.differingOnlyInTheLastYear(study)).withDecisions(.adaptive)
        #expect(late.scenarioTree.isSingleNodePerYear)
        let adaptive = try #require(try TestPlanning.run(late, method: .decomposed).plan)
        let hereAndNow = try #require(try TestPlanning.run(late.withDecisions(.hereAndNow), method: .decomposed).plan)
        #expect(adaptive.objectiveUSD == hereAndNow.objectiveUSD)
        // And one year earlier they would split: the original study's tree does.
        #expect(!study.scenarioTree.isSingleNodePerYear)
    }

    static func differingOnlyInTheLastYear(_ study: Study) -> [Scenario] {
        let mean = study.expectedValueScenario()
        let years = study.horizon.years
        let last = years[years.count - 1]
        func blend<Key: Hashable>(
            _ own: [Key: YearSeries], _ common: [Key: YearSeries], _ value: (Key, Int, Bool) -> Double
        ) -> [Key: YearSeries] {
            Dictionary(
                uniqueKeysWithValues: Set(own.keys).union(common.keys).map { key in
                    (key, YearSeries(Dictionary(uniqueKeysWithValues: years.map { ($0, value(key, $0, $0 == last)) })))
                })
        }
        return study.scenarios.map { s in
            Scenario(
                id: s.id, probability: s.probability,
                demand: blend(s.demand, mean.demand) {
                    $2 ? s.demandMultiplier(for: $0, in: $1) : mean.demandMultiplier(for: $0, in: $1)
                },
                price: blend(s.price, mean.price) {
                    $2 ? s.priceMultiplier(for: $0, in: $1) : mean.priceMultiplier(for: $0, in: $1)
                },
                efficiency: blend(s.efficiency, mean.efficiency) {
                    $2 ? s.efficiencyMultiplier(for: $0, in: $1) : mean.efficiencyMultiplier(for: $0, in: $1)
                },
                electricity: blend(s.electricity, mean.electricity) {
                    $2 ? s.electricityMultiplier(for: $0, in: $1) : mean.electricityMultiplier(for: $0, in: $1)
                })
        }
    }
}
