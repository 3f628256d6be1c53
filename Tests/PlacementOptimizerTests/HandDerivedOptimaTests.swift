import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Small studies whose optimum is derived by hand (see `TinyStudy` for the base numbers), read
/// by name from `TinyStudy.catalogue`.
@Suite struct HandDerivedOptimaTests {
    func optimize(_ tiny: TinyStudy) throws -> Plan {
        let result = try TestPlanning.run(try tiny.study(), analyse: false)
        #expect(result.investment.termination == .optimal)
        let plan = try #require(result.plan)
        // The objective GLPK reports and the NPV recomputed from the plan agree.
        let expected = (1 - tiny.risk.weight) * plan.expectedNPV
        if tiny.risk.weight == 0 { expectClose(plan.objectiveUSD, expected, relative: 1e-9) }
        return plan
    }

    func built(_ plan: Plan, _ facility: FacilityID, _ year: Int = 2026, hardware: HardwareID = "gpu") -> Double {
        plan.fleetYears.first { $0.facility == facility && $0.hardware == hardware && $0.year == year }?.built ?? 0
    }

    @Test func baseCase() throws {
        let plan = try optimize(try TinyStudy.variant("base"))
        expectClose(plan.expectedNPV, 857_240)
        expectClose(built(plan, "near"), 10)
        let money = try #require(plan.financials.first)
        expectClose(money.revenue, 876_000)
        expectClose(money.energy, 8_760)
        expectClose(money.capital, 10_000)
    }

    /// `far` has free electricity but is 50 ms away from a 20 ms target: not an arc.
    @Test func latencyFiltering() throws {
        let plan = try optimize(try TinyStudy.variant("latency filtered"))
        expectClose(plan.expectedNPV, 857_240)
        #expect(built(plan, "far") == 0)
        // With a 60 ms target `far` wins: no energy cost, NPV = 876,000 - 10,000.
        let relaxed = try optimize(try TinyStudy.variant("latency"))
        expectClose(relaxed.expectedNPV, 866_000)
        expectClose(built(relaxed, "far"), 10)
    }

    /// An in-country tenant in AE cannot use the cheaper SA facility.
    @Test func residency() throws {
        expectClose(try optimize(try TinyStudy.variant("residency")).expectedNPV, 857_240)
        expectClose(try optimize(try TinyStudy.variant("residency anywhere")).expectedNPV, 866_000)
    }

    /// A 40 GB accelerator at a tenth of the price cannot serve an 80 GB workload.
    @Test func hardwareMemory() throws {
        let plan = try optimize(try TinyStudy.variant("memory"))
        expectClose(plan.expectedNPV, 857_240)
        #expect(built(plan, "near", hardware: "small") == 0)
        // Without the memory floor the small one wins: 876,000 - 8,760 - 1,000.
        expectClose(try optimize(try TinyStudy.variant("memory no floor")).expectedNPV, 866_240)
    }

    /// Two UTC slices, profile [1, 3] (local 0-11 h at 0.5, 12-23 h at 1.5 after normalising),
    /// zone at UTC-3: slice 0 (UTC 0-11 = local 21-8) averages (3 x 1.5 + 9 x 0.5)/12 = 0.75,
    /// slice 1 (local 9-20) (3 x 0.5 + 9 x 1.5)/12 = 1.25. Rates 75 and 125 units/hour need
    /// 7.5 and 12.5 accelerators: 12.5 are built. NPV = 876,000 - 8,760 - 12,500 = 854,740.
    @Test func timeSlicePeaksAndUTCShift() throws {
        let plan = try optimize(try TinyStudy.variant("time slices"))
        expectClose(plan.expectedNPV, 854_740)
        expectClose(built(plan, "near"), 12.5)
        let dispatch = try #require(plan.dispatch.first)
        expectClose(dispatch.busyBySlice[0], 7.5)
        expectClose(dispatch.busyBySlice[1], 12.5)
    }

    /// 6 kW of power: 6 accelerators serve 60 of 100 units/hour. NPV = 60 x 8760 x 0.99 - 6,000
    /// = 514,344. One more MW would add accelerators worth 86,724 - 1,000 each, 1,000 per MW:
    /// the power row's dual is 85,724,000 USD/MW.
    @Test func powerLimitBinds() throws {
        let plan = try optimize(try TinyStudy.variant("power limit"))
        expectClose(plan.expectedNPV, 514_344)
        expectClose(built(plan, "near"), 6)
        let price = try #require(plan.powerShadowPrices.first)
        #expect(price.binding)
        expectClose(price.value, 85_724_000, relative: 1e-7)
    }

    /// A 7,000 USD budget buys 7 accelerators: NPV = 70 x 8760 x 0.99 - 7,000 = 600,068.
    /// One more dollar buys 1/1000 accelerator worth 85.724 net of its capital charge.
    @Test func budgetBinds() throws {
        let plan = try optimize(try TinyStudy.variant("budget"))
        expectClose(plan.expectedNPV, 600_068)
        let price = try #require(plan.budgetShadowPrice)
        #expect(price.binding)
        expectClose(price.value, 85.724, relative: 1e-7)
    }

    /// Two years, one-year life: 10 built in each year, capital 10,000 a year:
    /// NPV = 2 x 857,240. With a two-year life (crf 1/2 at rate 0) one build lasts both
    /// years at 5,000 a year: NPV = 2 x (876,000 - 8,760 - 5,000) = 1,724,480.
    @Test func lifetimeRetirement() throws {
        let short = try optimize(try TinyStudy.variant("lifetime"))
        expectClose(short.expectedNPV, 1_714_480)
        expectClose(built(short, "near", 2026), 10)
        expectClose(built(short, "near", 2027), 10)
        let long = try optimize(try TinyStudy.variant("lifetime two years"))
        expectClose(long.expectedNPV, 1_724_480)
        expectClose(built(long, "near", 2027), 0)
        expectClose(long.fleetYears.first { $0.year == 2027 }?.capacity ?? 0, 10)
    }

    /// 10 existing units (installed 2025, two-year life) serve 2026 with no capital charge and
    /// retire in 2027, when 10 are built (crf 1/2: 5,000). Fixed O&M 100 USD per unit-year.
    /// 2026: 876,000 - 8,760 - 1,000 = 866,240; 2027: 876,000 - 8,760 - 1,000 - 5,000 = 861,240.
    @Test func existingUnits() throws {
        let plan = try optimize(try TinyStudy.variant("existing units"))
        expectClose(plan.expectedNPV, 1_727_480)
        expectClose(built(plan, "near", 2026), 0)
        expectClose(built(plan, "near", 2027), 10)
        let first = try #require(plan.fleetYears.first { $0.year == 2026 })
        #expect(first.existing == 10)
        expectClose(first.capacity, 10)
    }

    /// 90% committed with a 5 USD/unit penalty and power for 6 accelerators: 60 units/hour
    /// served, 10 unserved (the uncommitted share), 30 short. NPV = 525,600 - 5,256 - 6,000 -
    /// 30 x 8760 x 5 = -799,656.
    @Test func committedShareWithShortfallPenalty() throws {
        let plan = try optimize(try TinyStudy.variant("committed share"))
        expectClose(plan.expectedNPV, -799_656)
        let outcome = try #require(plan.demand.first)
        expectClose(outcome.served, 525_600)
        expectClose(outcome.unserved, 87_600)
        expectClose(outcome.shortfall, 262_800)
    }

    /// Video 300 units/hour (30 accelerators) and reasoning 100 (10) at one facility with
    /// max_category_share 0.6: video hours <= 1.5 x reasoning hours = 15 accelerators.
    /// NPV = 250 x 8760 - 25 x 876 - 25,000 = 2,143,100. A second facility only video can
    /// reach (50 ms; reasoning's target is 20 ms) serves nothing under the policy.
    @Test func categoryShare() throws {
        let plan = try optimize(try TinyStudy.variant("category share"))
        expectClose(plan.expectedNPV, 2_143_100)
        expectClose(built(plan, "near"), 25)
        #expect(built(plan, "video-only") == 0)
        // Without the policy everything is served: 400 units/hour, 40 accelerators.
        expectClose(try optimize(try TinyStudy.variant("category share 1")).expectedNPV, 4 * 857_240)
    }

    /// Two equiprobable scenarios, demand 100 or 50 units/hour, capital 30,000 per accelerator.
    /// Risk-neutral: build 10 (NPV 567,240 and 133,620; expected 350,430). With weight 0.5 and
    /// alpha 0.5 the objective's slope in x on [5, 10] is 0.5 x 43,362 - 30,000 < 0, so it builds
    /// 5, where both scenarios give 283,620 and the objective is 283,620.
    @Test func cvarWithWeight() throws {
        let neutral = try optimize(try TinyStudy.variant("CVaR weight 0"))
        expectClose(built(neutral, "near"), 10)
        expectClose(neutral.expectedNPV, 350_430)
        let averse = try optimize(try TinyStudy.variant("CVaR weight 0.5"))
        expectClose(built(averse, "near"), 5)
        expectClose(averse.objectiveUSD, 283_620)
        expectClose(averse.npvByScenario[0], 283_620)
        expectClose(averse.npvByScenario[1], 283_620)
    }

    /// Blocks of 4 accelerators: 3 blocks (12) serve all 100 units/hour: 867,240 - 12,000 =
    /// 855,240. With 11 kW only 2 blocks fit (the LP relaxation would take 11): 8 serve 80:
    /// 693,792 - 8,000 = 685,792.
    @Test func integerBlocks() throws {
        let plan = try optimize(try TinyStudy.variant("blocks"))
        expectClose(plan.expectedNPV, 855_240)
        expectClose(built(plan, "near"), 12)
        let tight = try optimize(try TinyStudy.variant("blocks tight"))
        expectClose(built(tight, "near"), 8)
        expectClose(tight.expectedNPV, 685_792)
        #expect(tight.powerShadowPrices.isEmpty)
    }
}
