import GLPKSolver
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Resilience by hand (TinyStudy: one facility, flat demand, one slice, 10 units/hour per
/// accelerator). The stress holds capacity at the plan and multiplies one workload's demand
/// by 1 - 0.7 = 0.3.
@Suite struct ResilienceTests {
    func analyse(_ tiny: TinyStudy) throws -> (Plan, PlanAnalysis) {
        let result = try TestPlanning.run(try tiny.study())
        return (try #require(result.plan), try #require(result.analysis))
    }

    /// Video only: 10 accelerators fully busy; under the video shock 3 are busy, so the
    /// facility keeps exactly 30% of its utilization.
    @Test func singleWorkloadFacilityLosesTheShock() throws {
        let (_, analysis) = try analyse(TinyStudy())
        let stress = try #require(analysis.stress)
        #expect(stress.cases.map(\.workload) == ["video"])
        let fleet = try #require(stress.fleet.first)
        expectClose(fleet.referenceUtilization, 1)
        expectClose(fleet.resilience, 0.3)
        #expect(fleet.worst == "video")
        expectClose(stress.facilities.first { $0.facility == "near" }?.resilience, 0.3)
    }

    /// Video and reasoning, 100 units/hour each, on 20 accelerators: under either shock
    /// 3 + 10 = 13 are busy, so resilience is 0.65: the diversified facility loses less.
    @Test func diversifiedFacilityLosesLess() throws {
        var tiny = TinyStudy()
        tiny.workloads = [TinyStudy.workload("video", slo: 20), TinyStudy.workload("reasoning", slo: 20)]
        tiny.tenants = [
            TinyStudy.tenant("stream", workload: "video", unitsPerYear: 876_000),
            TinyStudy.tenant("think", workload: "reasoning", unitsPerYear: 876_000),
        ]
        let (_, analysis) = try analyse(tiny)
        let stress = try #require(analysis.stress)
        #expect(stress.cases.map(\.workload) == ["video", "reasoning"])
        let fleet = try #require(stress.fleet.first)
        expectClose(fleet.stressedUtilization[0], 0.65)
        expectClose(fleet.stressedUtilization[1], 0.65)
        expectClose(fleet.resilience, 0.65)
    }

    /// 10 existing 40 GB accelerators no 80 GB workload can use sit idle beside the 10 built:
    /// the fleet counts them, so its utilization is 0.5; their fixed O&M (100 USD each) is
    /// still paid, as is the built ones': NPV = 857,240 - 1,000 - 1,000.
    @Test func idleExistingUnitsCountInTheFleet() throws {
        var tiny = TinyStudy()
        tiny.hardware.append(TinyStudy.gpu("small", memory: 40, lifetime: 2))
        tiny.workloads = [TinyStudy.workload("video", slo: 20, memory: 80)]
        tiny.facilities = [TinyStudy.facility("near", fixedOM: 100_000, existing: ["small": 10])]
        let (plan, analysis) = try analyse(tiny)
        expectClose(plan.expectedNPV, 857_240 - 10 * 100 - 10 * 100)
        expectClose(analysis.utilization.fleet(year: 2026, scenario: "base"), 0.5)
        let small = try #require(plan.fleetYears.first { $0.hardware == "small" })
        #expect(small.capacity == 10 && small.built == 0)
    }

    /// The power row's dual equals the objective change of a re-solve with a little more
    /// power (finite difference of 0.0001 MW = 0.1 accelerator: 8,572.4 USD).
    @Test func powerShadowPriceMatchesFiniteDifference() throws {
        var tiny = TinyStudy()
        tiny.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
        let base = try #require(try TestPlanning.run(try tiny.study(), analyse: false).plan)
        let dual = try #require(base.powerShadowPrices.first?.value)
        let delta = 0.0001
        tiny.facilities = [TinyStudy.facility("near", powerMW: 0.006 + delta)]
        let more = try #require(try TestPlanning.run(try tiny.study(), analyse: false).plan)
        expectClose((more.objectiveUSD - base.objectiveUSD) / delta, dual, relative: 1e-6)
        expectClose(more.objectiveUSD - base.objectiveUSD, 8_572.4, relative: 1e-6)
    }
}
