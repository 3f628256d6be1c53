import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementTestSupport
import Testing

/// Break-even unit capex derived by hand on ``TinyStudy``'s numbers: 100 units/hour of video at
/// 1 USD a unit, accelerators of 1 kW serving 10 units/hour with a one-year life at rate 0 (so a
/// unit's capital charge is its capex), one year, no shell or fixed O&M. Ten accelerators serve
/// the demand; each busy all year draws 8.76 MWh, so at E USD/MWh it costs 8.76 E of energy:
/// 876 USD at 100 USD/MWh, 1,314 at 150, 1,752 at 200. Serving earns 876,000 - energy, far above
/// any capex here, so the plan always serves all demand, at the sites where capex + energy per
/// accelerator is least, up to each site's power.
@Suite struct BreakEvenPricesTests {
    /// Facility `id` at `electricity` USD/MWh with `power` MW, allowing only accelerator `hardware`
    /// (so each fleet's unit capex is its accelerator's, and can be set alone).
    static func facility(_ id: FacilityID, electricity: Double, power: Double = 10, hardware: HardwareID)
        -> Facility
    {
        var facility = TinyStudy.facility(id, powerMW: power, electricity: electricity)
        facility.allowedHardware = [hardware]
        return facility
    }

    /// - near: 100 USD/MWh, room for 5 accelerators (0.005 MW), gpu-a at 1,000 USD: built (5).
    /// - mid: 150 USD/MWh, gpu-c at 1,000 USD: built (the other 5).
    /// - next: 200 USD/MWh, gpu-b at 1,000 USD: not built.
    /// - far: 40 ms from the zone, over the 20 ms target: no demand within reach.
    /// - empty: no power at all.
    /// - dear: 20,000 USD/MWh, gpu-d: 175,200 USD of energy per accelerator-year, more than any
    ///   other site's capex and energy together, so not built even at zero capex.
    static func study(capex: [HardwareID: Double] = [:], risky: Bool = false) throws -> Study {
        var tiny = TinyStudy()
        if risky {
            // Two scenarios (demand and electricity apart), half the objective on the CVaR, and a
            // budget that binds: every way capex enters the master.
            tiny.scenarios = [
                Scenario(id: "low", probability: 0.6, demand: ["video": YearSeries([2026: 0.7])]),
                Scenario(
                    id: "high", probability: 0.4, demand: ["video": YearSeries([2026: 1.2])],
                    electricity: ["gulf": YearSeries([2026: 1.5])]),
            ]
            tiny.risk = RiskSettings(alpha: 0.8, weight: 0.5)
            tiny.budget = 9_000
        }
        tiny.facilities = [
            facility("near", electricity: 100, power: 0.005, hardware: "gpu-a"),
            facility("mid", electricity: 150, hardware: "gpu-c"),
            facility("next", electricity: 200, hardware: "gpu-b"),
            facility("far", electricity: 100, hardware: "gpu-a"),
            facility("empty", electricity: 100, power: 0, hardware: "gpu-a"),
            facility("dear", electricity: 20_000, hardware: "gpu-d"),
        ]
        tiny.hardware = ["gpu-a", "gpu-b", "gpu-c", "gpu-d"].map { TinyStudy.gpu($0, capex: capex[$0] ?? 1000) }
        tiny.latency = [
            LatencyPair(zone: "home", facility: "near"): 10, LatencyPair(zone: "home", facility: "mid"): 10,
            LatencyPair(zone: "home", facility: "next"): 10, LatencyPair(zone: "home", facility: "far"): 40,
            LatencyPair(zone: "home", facility: "empty"): 10, LatencyPair(zone: "home", facility: "dear"): 10,
        ]
        return try tiny.study()
    }

    /// The property again with two scenarios, a CVaR weight of 0.5 and a binding budget: the
    /// repricing moves the budget row's entries and carries the CVaR's share in the objective
    /// (a cost the same in every scenario moves the tail by as much as the mean).
    @Test func breakEvensHoldWithCVaRAndABudget() throws {
        #expect(try Self.expectBreakEvensSeparate(risky: true) >= 2)
    }

    /// For every fleet with a break-even B of ``study(capex:risky:)``: whole-LP solves of the study
    /// with that accelerator's capex at B x 0.995 build it and at B x 1.005 do not. Returns how many
    /// fleets were checked.
    static func expectBreakEvensSeparate(risky: Bool) throws -> Int {
        let fleets = try explain(try study(risky: risky)).values.filter { $0.verdict == .breakEven }
        for fleet in fleets {
            let breakEven = try #require(fleet.breakEvenUnitCapexUSD)
            for (factor, shouldBuild) in [(0.995, true), (1.005, false)] {
                let changed = try study(capex: [fleet.hardware: breakEven * factor], risky: risky)
                let plan = try #require(try TestPlanning.run(changed, analyse: false).plan)
                let units = plan.fleetYears.filter { $0.facility == fleet.facility && $0.hardware == fleet.hardware }
                    .reduce(0) { $0 + $1.built }
                #expect(
                    (units > 1e-6) == shouldBuild,
                    "\(fleet.facility)/\(fleet.hardware) at \(breakEven * factor): \(units) built")
            }
        }
        return fleets.count
    }

    static func explain(_ study: Study) throws -> [String: BreakEvenPrices.Fleet] {
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let prices = try pipeline.explain(study)
        return Dictionary(uniqueKeysWithValues: prices.fleets.map { ("\($0.facility)/\($0.hardware)", $0) })
    }

    /// - next/gpu-b enters when c + 1,752 < 1,000 + 1,314 (mid's cost): c < 562.
    /// - mid/gpu-c leaves when c + 1,314 > 1,000 + 1,752 (next's): c > 1,438.
    /// - near/gpu-a leaves when c + 876 > 1,000 + 1,314 (mid's, which has room): c > 1,438.
    /// Each reported value is the bisection's verified end: at most 0.1% from the true one, on
    /// the side where the statement holds (an unbuilt fleet's is below, a built one's above).
    @Test func breakEvensMatchTheHandDerivation() throws {
        let fleets = try Self.explain(try Self.study())
        let next = try #require(fleets["next/gpu-b"])
        #expect(!next.built && next.verdict == .breakEven)
        let entry = try #require(next.breakEvenUnitCapexUSD)
        #expect(entry <= 562 * (1 + 1e-9) && entry >= 562 * (1 - 0.001))
        expectClose(next.change, 562.0 / 1000 - 1, relative: 0.002)
        for name in ["mid/gpu-c", "near/gpu-a"] {
            let fleet = try #require(fleets[name])
            #expect(fleet.built && fleet.verdict == .breakEven)
            let exit = try #require(fleet.breakEvenUnitCapexUSD)
            #expect(exit >= 1438 * (1 - 1e-9) && exit <= 1438 * (1 + 0.001))
            let bracket = try #require(fleet.bracket)
            #expect(bracket.buildsNone - bracket.builds <= 0.001 * bracket.buildsNone)
        }
        expectClose(try #require(fleets["near/gpu-a"]).builtUnits, 5, relative: 1e-9)
    }

    /// far has no arc (40 ms against a 20 ms target); empty has no power; dear's energy alone
    /// (175,200 USD per accelerator-year) is more than mid's capex and energy (2,314), so even
    /// free it does not replace mid, which has room for all of it.
    @Test func fleetsThatNeverBuildSayWhy() throws {
        let fleets = try Self.explain(try Self.study())
        #expect(fleets["far/gpu-a"]?.reason == .noDemandWithinReach)
        #expect(fleets["empty/gpu-a"]?.reason == .noPowerRoom)
        let dear = try #require(fleets["dear/gpu-d"])
        #expect(dear.verdict == .neverBuilds && dear.reason == .notWorthItAtZeroCapex)
        #expect(dear.breakEvenUnitCapexUSD == nil)
    }

    /// The only site, selling at 10 USD a unit: an accelerator earns 876,000 - 876 a year, so it
    /// is built at any capex up to 875,124, beyond the search's ceiling of 100 x 1,000.
    @Test func aFleetBuiltAtAnyCapexWithinTheCeilingSaysSo() throws {
        var tiny = TinyStudy()
        tiny.tenants = [TinyStudy.tenant("stream", workload: "video", unitsPerYear: 876_000, price: 10)]
        let fleets = try Self.explain(try tiny.study())
        let near = try #require(fleets["near/gpu"])
        #expect(near.built && near.verdict == .alwaysBuilds)
        #expect(near.breakEvenUnitCapexUSD == nil)
    }

    /// The property behind every figure: with a fleet's unit capex 0.5% on the building side of
    /// its break-even the plan builds it, 0.5% on the other side it builds none. Checked for every
    /// fleet of the study by whole-LP solves of the study with that accelerator's capex changed
    /// (each accelerator is allowed at one site only, so that is the fleet's unit capex).
    @Test func everyBreakEvenSeparatesBuildingFromNot() throws {
        #expect(try Self.expectBreakEvensSeparate(risky: false) == 3)
    }

    /// Re-solving each step from scratch finds the same brackets: reusing the cuts only saves work.
    @Test func fromScratchFindsTheSameBreakEvens() throws {
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let warm = try pipeline.explain(try Self.study())
        let cold = try pipeline.explain(try Self.study(), fromScratch: true)
        for (a, b) in zip(warm.fleets, cold.fleets) {
            #expect(a.verdict == b.verdict)
            if let x = a.breakEvenUnitCapexUSD, let y = b.breakEvenUnitCapexUSD {
                #expect(abs(x - y) <= 0.001 * max(x, y))
            }
        }
    }

    /// Integer build blocks of 2 accelerators, near (100 USD/MWh, gpu-a) and next (200, gpu-b),
    /// both with room for all 10: the same arithmetic as above without mid. next enters when
    /// c + 1,752 < 1,000 + 876, below 124 USD; near leaves when c + 876 > 1,000 + 1,752, above
    /// 1,876. Each step is a branch and bound of the master; checked again by whole-MIP solves of
    /// the study at 0.5% either side.
    @Test func integerBlocksAreSearchedExactly() throws {
        func study(capex: [HardwareID: Double] = [:]) throws -> Study {
            var tiny = TinyStudy()
            tiny.blocks = 2
            tiny.facilities = [
                Self.facility("near", electricity: 100, hardware: "gpu-a"),
                Self.facility("next", electricity: 200, hardware: "gpu-b"),
            ]
            tiny.hardware = ["gpu-a", "gpu-b"].map { TinyStudy.gpu($0, capex: capex[$0] ?? 1000) }
            tiny.latency = [
                LatencyPair(zone: "home", facility: "near"): 10, LatencyPair(zone: "home", facility: "next"): 10,
            ]
            return try tiny.study()
        }
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let prices = try pipeline.explain(try study())
        #expect(prices.integer && prices.powerLimits.isEmpty && prices.budget == nil)
        let fleets = Dictionary(uniqueKeysWithValues: prices.fleets.map { ($0.facility.rawValue, $0) })
        let next = try #require(fleets["next"]?.breakEvenUnitCapexUSD)
        #expect(next <= 124 * (1 + 1e-9) && next >= 124 * (1 - 0.001))
        let near = try #require(fleets["near"])
        expectClose(near.builtUnits, 10, relative: 1e-9)
        let exit = try #require(near.breakEvenUnitCapexUSD)
        #expect(exit >= 1876 * (1 - 1e-9) && exit <= 1876 * (1 + 0.001))
        for fleet in prices.fleets {
            let breakEven = try #require(fleet.breakEvenUnitCapexUSD)
            for (factor, shouldBuild) in [(0.995, true), (1.005, false)] {
                let plan = try #require(
                    try TestPlanning.run(try study(capex: [fleet.hardware: breakEven * factor]), analyse: false).plan)
                let units = plan.fleetYears.filter { $0.facility == fleet.facility }.reduce(0) { $0 + $1.built }
                #expect((units > 0) == shouldBuild, "\(fleet.facility) at \(breakEven * factor): \(units) built")
            }
        }
    }
}
