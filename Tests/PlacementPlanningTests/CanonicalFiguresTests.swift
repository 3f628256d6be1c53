import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementTestSupport
import Testing

/// The figures read from the canonical dispatch and the stranded write-off (docs/design.md §4,
/// revision 2), derived by hand on tiny studies whose dispatch is not unique, or is.
///
/// Every study is ``TinyStudy``'s: facility `near` (PUE 1, 100 USD/MWh, so a busy kW-hour costs
/// 0.1 USD; no shell cost, no fixed O&M, 10 MW), one workload `video` in zone `home`, one
/// tenant paying 1 USD a unit, rate 0, breakeven utilization 0.6. The capacity is existing units
/// (installed in 2025, so a unit of a 2-year life keeps half its capex on the books in 2026),
/// more than the demand needs: the plan builds nothing and capacity is given.
@Suite struct CanonicalFiguresTests {
    /// Two accelerators with the same energy per unit of work, 0.1 kWh (0.01 USD):
    /// `gpu-a` 1 kW at 10 units/hour, 2,000 USD; `gpu-b` 0.5 kW at 5 units/hour, 1,500 USD.
    static func tie(
        demandPerHour: [Int: Double] = [2026: 60],
        scenarios: [Scenario] = [Scenario(id: "base", probability: 1)],
        horizon: Horizon = Horizon(start: 2026, end: 2026), lifetime: Int = 2
    ) throws -> Study {
        var tiny = TinyStudy()
        tiny.hardware = [
            Hardware(
                id: "gpu-a", memoryGB: 80, powerKW: 1, capexUSD: 2000, lifetimeYears: lifetime,
                throughput: ["video": 10]),
            Hardware(
                id: "gpu-b", memoryGB: 80, powerKW: 0.5, capexUSD: 1500, lifetimeYears: lifetime,
                throughput: ["video": 5]),
        ]
        tiny.facilities = [TinyStudy.facility("near", existing: ["gpu-a": 10, "gpu-b": 10])]
        var tenant = TinyStudy.tenant("stream", workload: "video", unitsPerYear: 0)
        tenant.annualUnitsCurve = DemandCurve(YearSeries(demandPerHour.mapValues { $0 * 8760 }))
        tiny.tenants = [tenant]
        tiny.scenarios = scenarios
        tiny.horizon = horizon
        return try tiny.study()
    }

    /// The energy tie, 60 units/hour against 10 x 10 + 10 x 5 = 150 units/hour of capacity.
    ///
    /// Value: every unit earns 1 - 0.01 = 0.99 USD on either accelerator, so any split of the
    /// 60 units/hour is optimal. Canonical: the most busy accelerator-hours, and a unit of work
    /// takes 1/5 hour of a gpu-b against 1/10 of a gpu-a, so gpu-b takes all it can, 50 units/hour
    /// (10 busy), and gpu-a the other 10 (1 busy): utilization (1 + 10) / 20 = 0.55 for the fleet
    /// and the facility; gpu-a 0.1, gpu-b 1.
    ///
    /// Book value in 2026: gpu-a 10 x 2,000 x (1 - 1/2) = 10,000, gpu-b 10 x 1,500 / 2 = 7,500;
    /// 17,500 in all.
    ///
    /// Write-off: keep 60 units/hour of capacity and retire the most book value. A unit/hour of
    /// gpu-b capacity carries 750 / 5 = 150 USD, of gpu-a 1,000 / 10 = 100 USD: retire all of
    /// gpu-b (50 units/hour, 7,500 USD) and 40 units/hour of gpu-a (4 units, 4,000 USD), with the
    /// load moved to gpu-a at no loss of value. Stranded: 11,500 USD (gpu-a 4,000, gpu-b 7,500),
    /// more than the 9 gpu-a idle all day in the canonical dispatch (9,000 USD): the write-off
    /// does not depend on how the tie is split.
    ///
    /// At risk, per facility on its canonical utilization: 17,500 x (1 - 0.55 / 0.6) = 17,500 / 12.
    ///
    /// Stress (video demand -70%, 18 units/hour): canonical all on gpu-b, 3.6 busy, utilization
    /// 3.6 / 20 = 0.18, resilience 0.18 / 0.55; write-off all of gpu-b (7,500) and 82 units/hour
    /// of gpu-a (8.2 units, 8,200): 15,700 USD; at risk 17,500 x (1 - 0.18 / 0.6) = 12,250.
    ///
    /// The value stage is held to 1e-9 of the block's value, so the figures agree to about that.
    @Test func anEnergyTieHasItsHandDerivedCanonicalFigures() throws {
        let result = try TestPlanning.run(try Self.tie())
        let plan = try #require(result.plan)
        let analysis = try #require(result.analysis)
        #expect(plan.fleetYears.map(\.built) == [0, 0])
        #expect(plan.fleetYears.map(\.capacity) == [10, 10])
        expectClose(plan.expectedNPV, 60 * 8760 * 0.99, relative: 1e-9)

        let utilization = analysis.utilization
        expectClose(utilization.fleet(year: 2026, scenario: "base"), 0.55, relative: 1e-7)
        expectClose(utilization.facility("near", year: 2026, scenario: "base")?.utilization, 0.55, relative: 1e-7)
        let byHardware = Dictionary(uniqueKeysWithValues: utilization.fleets.map { ($0.hardware, $0) })
        expectClose(byHardware["gpu-a"]?.utilization, 0.1, relative: 1e-7)
        expectClose(byHardware["gpu-b"]?.utilization, 1, relative: 1e-7)
        expectClose(byHardware["gpu-a"]?.peakBusy, 1, relative: 1e-7)
        expectClose(byHardware["gpu-b"]?.peakBusy, 10, relative: 1e-7)

        let fleet = try #require(analysis.stranded.fleet.first)
        expectClose(fleet.bookValue, 17_500)
        expectClose(fleet.stranded.expected, 11_500, relative: 1e-7)
        expectClose(fleet.atRisk.expected, 17_500.0 / 12, relative: 1e-7)
        let values = Dictionary(uniqueKeysWithValues: analysis.stranded.fleetScenarioValues.map { ($0.hardware, $0) })
        expectClose(values["gpu-a"]?.stranded, 4_000, relative: 1e-7)
        expectClose(values["gpu-b"]?.stranded, 7_500, relative: 1e-7)
        // A fleet row's share of its facility's at-risk value is in proportion to book value.
        expectClose(values["gpu-a"]?.atRisk, 17_500.0 / 12 * 10_000 / 17_500, relative: 1e-7)

        let stress = try #require(analysis.stress?.fleet.first)
        expectClose(stress.stressedUtilization.first ?? nil, 0.18, relative: 1e-7)
        expectClose(stress.resilience, 0.18 / 0.55, relative: 1e-7)
        expectClose(fleet.stranded.worstStress, 15_700, relative: 1e-7)
        expectClose(fleet.atRisk.worstStress, 12_250, relative: 1e-7)
    }

    /// One accelerator, so the dispatch is unique: stranded value is the units idle all day,
    /// `bv x (cap - max_k used_k) / cap`.
    ///
    /// `gpu` (1 kW, 10 units/hour, 1,000 USD, 2-year life), 20 existing units: book value
    /// 20 x 1,000 / 2 = 10,000 USD. Two 12-hour UTC slices, zone at UTC+0, daily profile
    /// [0.5, 1.5]: 100 units/hour on average is 50 in the first slice and 150 in the second, so
    /// 5 and 15 accelerators are busy. Stranded: 10,000 x (20 - 15) / 20 = 2,500 USD, the five
    /// units idle all day. Utilization (5 + 15) x 4,380 / (20 x 8,760) = 0.5; at risk
    /// 10,000 x (1 - 0.5 / 0.6) = 10,000 / 6.
    @Test func aUniqueDispatchStrandsTheUnitsIdleAllDay() throws {
        var tiny = TinyStudy()
        tiny.hardware = [TinyStudy.gpu(lifetime: 2)]
        tiny.facilities = [TinyStudy.facility("near", existing: ["gpu": 20])]
        tiny.workloads = [TinyStudy.workload("video", slo: 20, profile: [0.5, 1.5])]
        tiny.timeSlices = 2
        let result = try TestPlanning.run(try tiny.study())
        let plan = try #require(result.plan)
        let analysis = try #require(result.analysis)
        let row = try #require(plan.fleetYears.first)
        #expect(row.built == 0 && row.capacity == 20)
        let dispatch = try #require(plan.dispatch.first)
        expectClose(dispatch.busyBySlice[0], 5, relative: 1e-7)
        expectClose(dispatch.busyBySlice[1], 15, relative: 1e-7)

        let idleAllDay = row.bookValueUSD * (row.capacity - (dispatch.busyBySlice.max() ?? 0)) / row.capacity
        expectClose(idleAllDay, 2_500, relative: 1e-7)
        let fleet = try #require(analysis.stranded.fleet.first)
        expectClose(fleet.bookValue, 10_000)
        expectClose(fleet.stranded.expected, idleAllDay, relative: 1e-7)
        expectClose(fleet.stranded.expected, 2_500, relative: 1e-7)
        expectClose(analysis.utilization.fleet(year: 2026, scenario: "base"), 0.5, relative: 1e-7)
        expectClose(fleet.atRisk.expected, 10_000.0 / 6, relative: 1e-7)
    }

    /// Two scenarios with the same inputs are the same case: with the energy tie, demand rising
    /// past the existing capacity (builds in later years) and the existing units ageing, every
    /// year's fleet and facility figures are the same under both, whatever vertex the simplex
    /// stopped at in either block.
    @Test func identicalScenariosGiveIdenticalFleetFiguresInEveryYear() throws {
        let study = try Self.tie(
            demandPerHour: [2026: 60, 2029: 240],
            scenarios: [Scenario(id: "base", probability: 0.5), Scenario(id: "twin", probability: 0.5)],
            horizon: Horizon(start: 2026, end: 2029), lifetime: 3)
        let result = try TestPlanning.run(study)
        let plan = try #require(result.plan)
        let analysis = try #require(result.analysis)
        #expect(plan.years == [2026, 2027, 2028, 2029])
        for year in plan.years {
            let base = try #require(analysis.utilization.fleet(year: year, scenario: "base"))
            expectClose(analysis.utilization.fleet(year: year, scenario: "twin"), base, relative: 1e-9)
            expectClose(
                analysis.utilization.facility("near", year: year, scenario: "twin")?.usedHours,
                try #require(analysis.utilization.facility("near", year: year, scenario: "base")?.usedHours),
                relative: 1e-9)
        }
        for row in analysis.stranded.fleet + analysis.stranded.facilities {
            expectClose(row.stranded.byScenario[1], row.stranded.byScenario[0], relative: 1e-9)
            expectClose(row.atRisk.byScenario[1], row.atRisk.byScenario[0], relative: 1e-9)
        }
    }
}
