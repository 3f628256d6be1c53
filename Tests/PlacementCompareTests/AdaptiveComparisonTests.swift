import PlacementCompare
import PlacementModel
import PlacementTestSupport
import Testing

/// `compare` of a here-and-now result with an adaptive one (optimize/3): the here-and-now
/// capacity rows are repeated for each scenario of the adaptive result and paired by scenario.
///
/// The phased tiny study of `AdaptiveDecisionTests`: here-and-now builds 10 accelerators in each of
/// 2026-2028; adaptive builds the same except in 2028 under `bust` (none). So exactly one capacity
/// row changes, (near, gpu, 2028, bust): installed 10 -> 0; the expected NPV rises by 5,000 USD and
/// the final-year IT MW of `near` falls from 0.01 to the expected 1/2 x 0.01 = 0.005.
@Suite struct AdaptiveComparisonTests {
    @Test func hereAndNowAgainstAdaptivePairsRowsByScenario() throws {
        let study = try TinyStudy.phased.study()
        let base = try solvedSnapshot(study, name: "here-and-now.json")
        let changed = try solvedSnapshot(study.withDecisions(.adaptive), name: "adaptive.json")
        #expect(changed.capacity.allSatisfy { $0.scenario != nil } && base.capacity.allSatisfy { $0.scenario == nil })
        let comparison = PlanComparison(base: base, changed: changed)
        #expect(comparison.capacity.count == 1)
        let row = try #require(comparison.capacity.first)
        #expect(row.year == 2028 && row.scenario == "bust" && row.yearLabel == "2028 (bust)")
        expectClose(row.installed.base, 10)
        expectClose(row.installed.changed, 0)
        expectClose(
            comparison.expectedNPV.changed.map { $0 - (comparison.expectedNPV.base ?? 0) }, 5_000, relative: 1e-6)
        let mw = try #require(comparison.finalYearMWByFacility.first { $0.facility == "near" })
        expectClose(mw.mw.base, 0.01)
        expectClose(mw.mw.changed, 0.005)
    }
}
