import Foundation
import PlacementAnalysis
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementTestSupport
import Testing

/// Installed units that nothing in a block can use are stranded in full, busy 0 and fully at
/// risk (docs/design.md §4, "Stranded value"): the write-off puts no constraint on a fleet with
/// no capacity row, so all of it can be retired at no loss of value. Each way a fleet can lack
/// rows in a block gets a hand-derived case here, on ``TinyStudy``'s numbers (facility `near`,
/// 100 USD/MWh at PUE 1, rate 0, breakeven 0.6; 100 units/hour of video at 1 USD a unit).
///
/// Accelerators: `gpu` serves video only (10 units/hour), `npu` reasoning only (10 units/hour);
/// both 1 kW, 1,000 USD, a 2-year life. Existing units count as installed in 2025, so in 2026 a
/// unit carries half its capex: 10 gpu 5,000 USD, 4 npu 2,000 USD. The 10 gpu serve the 100
/// units/hour of video exactly (each busy all day earns 86,724 USD a year, so none can be retired).
@Suite struct UnusableCapacityTests {
    static let gpu = TinyStudy.gpu("gpu", lifetime: 2, throughput: ["video": 10])
    static let npu = TinyStudy.gpu("npu", lifetime: 2, throughput: ["reasoning": 10])

    static func study(existing: [HardwareID: Double] = ["gpu": 10, "npu": 4], edit: (inout TinyStudy) -> Void)
        throws -> Study
    {
        var tiny = TinyStudy()
        tiny.hardware = [gpu, npu]
        tiny.workloads = [TinyStudy.workload("video", slo: 20), TinyStudy.workload("reasoning", slo: 20)]
        tiny.facilities = [TinyStudy.facility("near", existing: existing)]
        edit(&tiny)
        return try tiny.study()
    }

    /// No arc at all: no tenant buys reasoning, so `npu` has no arc and no column anywhere.
    /// Stranded: npu 2,000 in full; gpu nothing. Utilization: npu 0 (not missing), the facility
    /// 10 / 14 (above breakeven, nothing at risk).
    ///
    /// Stress (video demand x 0 with `shock: 1`): the gpu rows stay, at demand 0, and the
    /// write-off retires every unit: 5,000 + 2,000 = 7,000 stranded; facility utilization 0,
    /// so all 7,000 at risk.
    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func aFleetWithNoArcIsStrandedInFull(method: PlanningOptions.Method) throws {
        let study = try Self.study { $0.stress = StressSettings(shock: 1, reference: "base") }
        let result = try TestPlanning.run(study, method: method)
        let plan = try #require(result.plan)
        let analysis = try #require(result.analysis)
        #expect(plan.fleetYears.allSatisfy { $0.built == 0 })

        let npu = try #require(analysis.utilization.fleets.first { $0.hardware == "npu" })
        #expect(npu.installedUnits == 4)
        #expect(npu.utilization == 0)
        expectClose(
            analysis.utilization.facility("near", year: 2026, scenario: "base")?.utilization, 10.0 / 14,
            relative: 1e-9)

        let fleet = try #require(analysis.stranded.fleet.first)
        expectClose(fleet.bookValue, 7_000)
        expectClose(fleet.stranded.byScenario[0], 2_000, relative: 1e-9)
        expectClose(fleet.atRisk.byScenario[0], 0, relative: 1e-9)
        expectClose(fleet.stranded.worstStress, 7_000, relative: 1e-9)
        expectClose(fleet.atRisk.worstStress, 7_000, relative: 1e-9)
        let values = Dictionary(uniqueKeysWithValues: analysis.stranded.fleetScenarioValues.map { ($0.hardware, $0) })
        expectClose(values["npu"]?.stranded, 2_000, relative: 1e-9)
        expectClose(values["gpu"]?.stranded, 0, relative: 1e-9)
    }

    /// Arcs in no slice: a tenant buys reasoning (so `npu` has arcs) but its demand is 0 in 2026,
    /// so the block has no serve column and no capacity row for `npu`. The figures are those of
    /// the fleet without arcs: npu 2,000 stranded, utilization 0.
    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func aFleetWhoseArcsCarryNoDemandIsStrandedInFull(method: PlanningOptions.Method) throws {
        let study = try Self.study {
            $0.tenants.append(TinyStudy.tenant("think", workload: "reasoning", unitsPerYear: 0))
        }
        let result = try TestPlanning.run(study, method: method)
        let analysis = try #require(result.analysis)
        let npu = try #require(analysis.utilization.fleets.first { $0.hardware == "npu" })
        #expect(npu.utilization == 0)
        let fleet = try #require(analysis.stranded.fleet.first)
        expectClose(fleet.stranded.byScenario[0], 2_000, relative: 1e-9)
        expectClose(fleet.atRisk.byScenario[0], 0, relative: 1e-9)
    }

    /// A scenario multiplier of 0: `think` buys 876,000 units of reasoning a year (100 an hour,
    /// 10 npu busy), and scenario `bust` (p 0.5) multiplies reasoning demand by 0. Each npu beyond
    /// the 4 existing earns 0.5 x 86,724 USD in expectation against a 500 USD capital charge
    /// (1,000 over 2 years at rate 0), so the plan builds 6. npu book value in 2026:
    /// 4 x 500 + 6 x 1,000 = 8,000 USD.
    ///
    /// - base: every npu busy all day, nothing stranded;
    /// - bust: no reasoning demand in the block, so no npu row: all 8,000 stranded, npu
    ///   utilization 0, facility utilization 10 / 20 = 0.5, so the facility's 13,000 USD are at
    ///   risk by 1 - 0.5 / 0.6 = 1/6.
    ///
    /// Expected stranded value: 0.5 x 8,000 = 4,000.
    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func aScenarioWithoutDemandStrandsTheFleetItCannotUse(method: PlanningOptions.Method) throws {
        let study = try Self.study {
            $0.tenants.append(TinyStudy.tenant("think", workload: "reasoning", unitsPerYear: 876_000))
            $0.scenarios = [
                Scenario(id: "base", probability: 0.5),
                Scenario(id: "bust", probability: 0.5, demand: ["reasoning": YearSeries([2026: 0])]),
            ]
        }
        let result = try TestPlanning.run(study, method: method)
        let plan = try #require(result.plan)
        let analysis = try #require(result.analysis)
        expectClose(plan.fleetYears.first { $0.hardware == "npu" }?.built, 6, relative: 1e-9)

        let npuBust = try #require(
            analysis.utilization.fleets.first { $0.hardware == "npu" && $0.scenario == "bust" })
        expectClose(npuBust.installedUnits, 10, relative: 1e-12)
        #expect(npuBust.utilization == 0)
        expectClose(analysis.utilization.facility("near", year: 2026, scenario: "bust")?.utilization, 0.5)

        let fleet = try #require(analysis.stranded.fleet.first)
        expectClose(fleet.bookValue, 13_000)
        expectClose(fleet.stranded.byScenario[0], 0, relative: 1e-9)
        expectClose(fleet.stranded.byScenario[1], 8_000, relative: 1e-9)
        expectClose(fleet.stranded.expected, 4_000, relative: 1e-9)
        expectClose(fleet.atRisk.byScenario[1], 13_000.0 / 6, relative: 1e-9)
    }
}

/// The study of the regression `unservable-fleet` (Tests/Regressions/unservable-fleet): gpu-b200
/// at navi-mumbai and chennai-dc can serve nothing (the tenants that may use them buy reasoning,
/// which a B200 cannot run), so its book value is stranded in every case. The figures are an
/// independent reference model's (docs/design.md §4), matched to 1e-6 of the fleet's book value.
@Suite struct UnservableFleetRegressionTests {
    static let study = TestPlanning.packageRoot.appendingPathComponent(
        "Tests/Regressions/unservable-fleet/Models/study.yaml")

    /// Fleet stranded value (USD) per year: base, efficiency, power-shock, then the reasoning
    /// and embodied stresses. 2028's base and power-shock figures are the reference's value
    /// hold slack (39.53 and 39.34 USD), zero to the tolerance.
    static let reference: [Int: [Double]] = [
        2026: [1_353_589_908.55, 1_625_411_460.22, 1_353_589_908.41, 2_640_030_275.03, 1_959_635_881.19],
        2027: [676_794_972.94, 1_893_729_665.95, 676_794_972.79, 2_122_560_588.66, 1_008_992_210.28],
        2028: [39.53, 1_276_542_329.45, 39.34, 1_710_783_965.74, 322_777_302.93],
    ]

    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func fleetStrandedValueMatchesTheReference(method: PlanningOptions.Method) throws {
        let loaded = try StudyLoader().loadStudy(at: Self.study.path)
        let result = try TestPlanning.run(loaded.study, method: method)
        let analysis = try #require(result.analysis)
        #expect(analysis.stranded.scenarios == ["base", "efficiency", "power-shock"])
        #expect(analysis.stranded.stressWorkloads == ["reasoning", "embodied"])
        for row in analysis.stranded.fleet {
            let expected = try #require(Self.reference[row.year])
            let ours = row.stranded.byScenario + row.stranded.byStress
            #expect(ours.count == expected.count)
            for (case_, (value, reference)) in zip(ours, expected).enumerated() {
                #expect(
                    abs(value - reference) <= 1e-6 * row.bookValue,
                    "year \(row.year), case \(case_): \(value) against the reference's \(reference)")
            }
        }
        // navi-mumbai's 33,597 gpu-b200 alone, two thirds of their 3-year life left in 2026, at
        // 44,400 + 1.737 kW x 7,850 USD/kW of shell each: 1,299,878,009.10 USD, all stranded.
        let navi = try #require(
            analysis.stranded.fleetScenarioValues.first {
                $0.facility == "navi-mumbai" && $0.hardware == "gpu-b200" && $0.year == 2026 && $0.scenario == "base"
            })
        expectClose(navi.bookValue, 33_597 * (44_400 + 1.737 * 7_850) * 2 / 3, relative: 1e-12)
        expectClose(navi.stranded, navi.bookValue, relative: 1e-12)
        let busy = analysis.utilization.fleets.first {
            $0.facility == "navi-mumbai" && $0.hardware == "gpu-b200" && $0.year == 2026 && $0.scenario == "base"
        }
        #expect(busy?.utilization == 0)
    }
}
