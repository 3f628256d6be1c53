import Foundation
import GLPKSolver
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// Adaptive decisions and the value of information (docs/design.md §9) on hand-derived tiny
/// studies, solved by GLPK both ways.
///
/// Every study here is `TinyStudy`'s: one accelerator of 1-year life costs a 1,000 USD capital
/// charge in each year it is built; serving one unit earns 1 - 0.1 / 10 = 0.99 USD; an
/// accelerator serves 10 units an hour, so one busy all year earns 87,600 x 0.99 = 86,724 USD.
/// Demand is 100 units an hour (10 accelerators) times the scenario's multiplier; unserved
/// demand costs nothing. Discount rate 0.
@Suite struct AdaptiveDecisionTests {
    /// Three years, 2026-2028; two scenarios of probability 1/2, equal in 2026. From 2027 the
    /// `bust` scenario's video price falls to 0.005 USD a unit, below the 0.01 USD of energy it
    /// takes: nothing is worth serving there, and every accelerator built is 1,000 USD lost.
    ///
    /// - 2026: both scenarios alike; 10 accelerators: 876,000 x 0.99 - 10,000 = 857,240.
    /// - 2027: the builds of 2027 see only 2026, where the scenarios agree: one node in both
    ///   modes. An accelerator is worth 1/2 x 86,724 - 1,000 > 0, so 10 are built:
    ///   1/2 x 857,240 + 1/2 x (-10,000) = 423,620.
    /// - 2028: here-and-now builds the same 10 again: 423,620. Adaptive has seen 2027, where the
    ///   scenarios differ: `boom` builds 10 (857,240), `bust` none (0): 428,620.
    ///
    /// RP(here-and-now) = 857,240 + 423,620 + 423,620 = 1,704,480; RP(adaptive) = 1,709,480;
    /// the value of adaptivity is 5,000 USD: `bust`'s 10 accelerators of 2028 (10,000 USD) not
    /// built, at probability 1/2.
    /// WS: `boom` builds 10 a year (3 x 857,240), `bust` 10 in 2026 only (857,240):
    /// 1/2 x (2,571,720 + 857,240) = 1,714,480.
    static func phased() throws -> Study { try TinyStudy.phased.study() }

    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func adaptivityIsWorthTheCapitalABustDoesNotSpend(method: PlanningOptions.Method) throws {
        let study = try Self.phased()
        let hereAndNow = try TestPlanning.run(study, method: method)
        let adaptive = try TestPlanning.run(study.withDecisions(.adaptive), method: method)
        let hereAndNowPlan = try #require(hereAndNow.plan)
        let adaptivePlan = try #require(adaptive.plan)
        expectClose(hereAndNowPlan.objectiveUSD, 1_704_480, relative: 1e-9)
        expectClose(adaptivePlan.objectiveUSD, 1_709_480, relative: 1e-9)
        // The tree: one node in 2026 and 2027, one per scenario in 2028.
        #expect(adaptivePlan.nodes.map(\.year) == [2026, 2027, 2028, 2028])
        #expect(adaptivePlan.nodes.map(\.scenarios) == [["boom", "bust"], ["boom", "bust"], ["boom"], ["bust"]])
        #expect(
            adaptivePlan.nodes.map { $0.builds.reduce(0) { $0 + $1.units } }.map { ($0 * 1e6).rounded() / 1e6 } == [
                10, 10, 10, 0,
            ])
        // Capacity per scenario: 2028 has 10 accelerators in `boom` and none in `bust`.
        #expect(adaptivePlan.capacityByScenario)
        let key = BuildKey(facility: "near", hardware: "gpu", year: 2028)
        expectClose(adaptivePlan.fleetYear(key, scenario: "boom")?.capacity ?? -1, 10, relative: 1e-9)
        #expect(abs(adaptivePlan.fleetYear(key, scenario: "bust")?.capacity ?? -1) < 1e-9)
        // NPV by scenario: boom 3 x 857,240; bust 857,240 - 10,000 (its 2027 accelerators, idle).
        expectClose(adaptivePlan.npvByScenario[0], 2_571_720, relative: 1e-9)
        expectClose(adaptivePlan.npvByScenario[1], 847_240, relative: 1e-9)
    }

    /// Integer build blocks of 5 accelerators apply per node: every optimal build above is 0 or
    /// 10 (two blocks), so the MIP optima are the LP's, with the monolithic MIP and the decomposed
    /// solve's MIP master alike.
    @Test(arguments: [PlanningOptions.Method.primal, .decomposed])
    func integerBlocksApplyPerNode(method: PlanningOptions.Method) throws {
        var tiny = TinyStudy.phased
        tiny.blocks = 5
        let study = try tiny.study()
        let hereAndNow = try #require(try TestPlanning.run(study, method: method).plan)
        let adaptive = try #require(try TestPlanning.run(study.withDecisions(.adaptive), method: method).plan)
        expectClose(hereAndNow.objectiveUSD, 1_704_480, relative: 1e-9)
        expectClose(adaptive.objectiveUSD, 1_709_480, relative: 1e-9)
        #expect(adaptive.nodes.last?.builds.isEmpty == true)
    }

    @Test func valueOfInformationOfThePhasedStudy() throws {
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .primal))
        let value = try pipeline.valueOfInformation(try Self.phased().withDecisions(.adaptive))
        expectClose(value.hereAndNow, 1_704_480, relative: 1e-9)
        expectClose(value.adaptive, 1_709_480, relative: 1e-9)
        expectClose(value.waitAndSee, 1_714_480, relative: 1e-9)
        expectClose(value.valueOfAdaptivity, 5_000, relative: 1e-6)
        // EVPI in the study's mode (adaptive): 1,714,480 - 1,709,480.
        expectClose(value.evpi, 5_000, relative: 1e-6)
        // The mean scenario's price from 2027 is 1/2 x (1 + 0.005) = 0.5025 > 0.01: it builds 10 a
        // year, the here-and-now plan, so EEV = RP(here-and-now) and VSS = RP(adaptive) - EEV = 5,000.
        expectClose(value.expectedResultOfExpectedValue, 1_704_480, relative: 1e-9)
        expectClose(value.vss, 5_000, relative: 1e-6)
        #expect(value.allOptimal)
    }

    /// One year; `low` (demand x 0.5) and `high` (demand x 1.5), probability 1/2 each.
    ///
    /// - RP: the k-th accelerator is busy in both scenarios up to 5 (worth 86,724 - 1,000), in
    ///   `high` only from 6 to 15 (worth 1/2 x 86,724 - 1,000 = 42,362 > 0): 15 are built. Served
    ///   on average 100 units an hour: 867,240 - 15,000 = 852,240.
    /// - WS: `low` builds 5 (433,620 - 5,000 = 428,620), `high` 15 (1,300,860 - 15,000 =
    ///   1,285,860): 857,240. EVPI = 5,000.
    /// - EV: the mean demand is x 1: 10 accelerators, 857,240 for the mean scenario itself.
    /// - EEV: 10 held: `low` 433,620 - 10,000 = 423,620, `high` 867,240 - 10,000 = 857,240:
    ///   640,430. VSS = 852,240 - 640,430 = 211,810 (5 accelerators of `high` worth 42,362 each).
    @Test func evpiAndVSSOfANewsvendor() throws {
        var tiny = TinyStudy()
        tiny.scenarios = [
            Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2026: 0.5])]),
            Scenario(id: "high", probability: 0.5, demand: ["video": YearSeries([2026: 1.5])]),
        ]
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .primal))
        let value = try pipeline.valueOfInformation(try tiny.study())
        expectClose(value.hereAndNow, 852_240, relative: 1e-9)
        #expect(value.adaptive == value.hereAndNow)
        expectClose(value.waitAndSee, 857_240, relative: 1e-9)
        expectClose(value.expectedValue, 857_240, relative: 1e-9)
        expectClose(value.expectedResultOfExpectedValue, 640_430, relative: 1e-9)
        expectClose(value.evpi, 5_000, relative: 1e-6)
        expectClose(value.vss, 211_810, relative: 1e-9)
        #expect(value.valueOfAdaptivity == 0)
        // The JSON names every figure.
        let json = ValueReport(value, studyPath: "tiny.yaml").json().serialized()
        for key in [
            "rp_usd", "here-and-now", "adaptive", "ws_usd", "eev_usd", "evpi_usd", "vss_usd",
            "value_of_adaptivity_usd", "sovereign-placement.value/1",
        ] {
            #expect(json.contains("\"\(key)\""), "\(key)")
        }
    }

    /// With CVaR in the objective the held plan's figure counts the same terms: the phased study at
    /// weight 1/2, alpha 1/2 (the tail is the worse of the two scenarios). Here-and-now NPVs:
    /// `boom` 3 x 857,240 = 2,571,720, `bust` 857,240 - 20,000 = 837,240 (its 2027 and 2028
    /// builds idle); objective 1/2 x 1,704,480 + 1/2 x 837,240 = 1,270,860 if the plan stays the
    /// same, which it does: an accelerator of 2027 or 2028 adds 1/2 x 86,724 - 1,000 = 42,362 to
    /// the expected NPV (worth 1/2 x 42,362 = 21,181) and takes 1,000 from `bust`, the tail (worth
    /// -1/2 x 1,000): a gain of 20,681.
    @Test func heldPlanObjectiveCountsTheTailTerm() throws {
        var tiny = TinyStudy.phased
        tiny.risk = RiskSettings(alpha: 0.5, weight: 0.5)
        let study = try tiny.study()
        let solved = try #require(try TestPlanning.run(study, method: .primal).plan)
        expectClose(solved.objectiveUSD, 1_270_860, relative: 1e-9)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .primal))
        let held = try #require(
            try pipeline.evaluate(study, builds: PlanningOptions.StartingBuild.builds(of: solved)).plan)
        expectClose(held.objectiveUSD, solved.objectiveUSD, relative: 1e-9)
    }

    /// Near-optimal alternatives of the adaptive phased study (docs/design.md §10), by hand. The
    /// optimum (above) builds 10 accelerators in 2026, 10 in 2027 and 10 in 2028's `boom` node;
    /// a node's build counts at its probability, so the plan's expected capital is 10,000 +
    /// 10,000 + 1/2 x 10,000 = 25,000 USD. The slack of 1% lets a plan give up 17,094.8 USD.
    ///
    /// - Least capital: an accelerator taken from a node below its demand loses, per USD of
    ///   expected capital, 85,724 / 1,000 in 2026, (1/2 x 86,724 - 1,000) / 1,000 = 42.362 in
    ///   2027 and 1/2 x 85,724 / 500 = 85.724 in `boom` 2028: the cheapest is 2027's, so
    ///   17,094.8 / 42,362 accelerators go from 2027 and the least is 25,000 - 1,000 x that.
    /// - Most capital: an accelerator beyond demand anywhere loses exactly its expected capital
    ///   (1,000 USD, or 1/2 x 1,000 at a 2028 node), so the most is 25,000 + 17,094.8.
    /// - The least plan's final year keeps `boom`'s 10 accelerators (1 kW each) and builds none in
    ///   `bust`: an expected 1/2 x 0.01 = 0.005 MW.
    @Test func alternativesOfAnAdaptiveStudyAreInExpectedCapital() throws {
        let study = try Self.phased().withDecisions(.adaptive)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let alternatives = try pipeline.alternatives(study, slack: 0.01, by: .facility)
        #expect(alternatives.isExpected)
        expectClose(alternatives.objectiveUSD, 1_709_480, relative: 1e-9)
        expectClose(alternatives.planCapitalUSD, 25_000, relative: 1e-9)
        let group = try #require(alternatives.groups.first)
        #expect(alternatives.groups.map(\.name) == ["near"])
        expectClose(group.planCapitalUSD, 25_000, relative: 1e-9)
        let given = 0.01 * 1_709_480
        expectClose(group.least.capitalUSD, 25_000 - 1_000 * given / 42_362, relative: 1e-6)
        expectClose(group.most.capitalUSD, 25_000 + given, relative: 1e-6)
        expectClose(group.least.finalYearITMW, 0.005, relative: 1e-6)
        for plan in [group.least, group.most] {
            #expect(plan.objectiveUSD >= 1_709_480 - given - 1e-6 * 1_709_480)
        }
        // The least plan's builds, node by node: the 2027 node gives up its share.
        let least = group.least.builds.map { ($0.year, $0.node, $0.scenarios ?? []) }
        #expect(least.map(\.0) == [2026, 2027, 2028])
        #expect(least.map(\.1) == [0, 0, 0])
        #expect(least.map(\.2) == [["boom", "bust"], ["boom", "bust"], ["boom"]])
        expectClose(group.least.builds[1].units, 10 - given / 42_362, relative: 1e-6)
        expectClose(group.least.builds[2].units, 10, relative: 1e-6)
        // The optimal plan's builds carry their nodes too; `bust` builds nothing in 2028.
        #expect(alternatives.planBuilds.map(\.year) == [2026, 2027, 2028])
        #expect(alternatives.planBuilds.last?.scenarios == ["boom"])
    }

    /// The break-even capex of an adaptive study with CVaR (weight 1/2, alpha 1/2: the tail is
    /// the worse scenario), where the marginal build is in one scenario's node, so repricing must
    /// move that node's cost in its own scenario's CVaR row (docs/design.md §10). Video is worth
    /// nothing in 2026 (0.005 USD a unit, in both scenarios) and from 2027 only in `boom`. At unit
    /// capex c (1-year life, rate 0: c a year), an accelerator adds to the objective:
    /// - 2026 (both scenarios): -c; never built.
    /// - 2027 (one node: 2026 is alike): `boom` NPV +86,724 - c, `bust` (the tail) -c: 1/2 x
    ///   (43,362 - c) + 1/2 x (-c) = 21,681 - c; built at today's 1,000 USD.
    /// - 2028 `boom` node (probability 1/2): 1/2 x 1/2 x (86,724 - c), `bust` still the tail;
    ///   built while c < 86,724.
    /// - 2028 `bust` node: -c/2 - c/2; never.
    /// So the fleet stops building at B = 86,724 USD, set by the `boom` node alone: a repricing
    /// that shifted the tail by the cost change (as with one node a year) would put it at 22,181.
    /// Today's plan builds 10 in 2027 and 10 in `boom` 2028: 15 expected accelerators. Whole-LP
    /// solves confirm the bracket: B(1 - 0.5%) builds, B(1 + 0.5%) does not. With integer blocks of
    /// 5 every build above is 0 or 10 (two blocks), so B is the same, searched by the MIP master.
    @Test(arguments: [nil, 5] as [Int?])
    func breakEvenOfAnAdaptiveStudyMovesItsNodesCVaRRows(blocks: Int?) throws {
        var tiny = TinyStudy.phased
        tiny.blocks = blocks
        tiny.risk = RiskSettings(alpha: 0.5, weight: 0.5)
        tiny.scenarios = [
            Scenario(id: "boom", probability: 0.5, price: ["video": YearSeries([2026: 0.005, 2027: 1])]),
            Scenario(id: "bust", probability: 0.5, price: ["video": YearSeries([2026: 0.005])]),
        ]
        let study = try tiny.study().withDecisions(.adaptive)
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let prices = try pipeline.explain(study)
        let fleet = try #require(prices.fleets.first)
        #expect(prices.fleets.count == 1)
        #expect(fleet.built)
        expectClose(fleet.builtUnits, 15, relative: 1e-6)
        #expect(fleet.verdict == .breakEven)
        // The sentence says the 15 are expected (here-and-now's has no such words: ExplainSectionTests).
        #expect(prices.builtUnitsAreExpected)
        let statement = ExplainReport(prices, studyPath: "phased.yaml").statement(fleet)
        #expect(statement.hasSuffix("; today it builds 15 (expected over the scenarios) at 1,000 USD per unit"))
        #expect(ExplainReport(prices, studyPath: "phased.yaml").table().contains("  " + statement + "\n"))
        let breakEven = try #require(fleet.breakEvenUnitCapexUSD)
        expectClose(breakEven, 86_724, relative: 1.001e-3)
        for (capex, builds) in [(breakEven * 0.995, true), (breakEven * 1.005, false)] {
            var priced = tiny
            priced.hardware = [TinyStudy.gpu(capex: capex)]
            let plan = try #require(
                try TestPlanning.run(try priced.study().withDecisions(.adaptive), method: .primal).plan)
            let units = plan.nodes.flatMap(\.builds).reduce(0) { $0 + $1.units }
            #expect((units > 1e-6) == builds, "capex \(capex): \(units) accelerators")
        }
    }
}
