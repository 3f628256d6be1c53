import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementTestSupport
import Testing

/// Near-optimal alternatives derived by hand on ``TinyStudy``'s numbers: 100 units/hour of video
/// at 1 USD a unit, accelerators of 1 kW serving 10 units/hour at 1,000 USD with a one-year life
/// (capital charge = capex at rate 0). The optimum builds 10 accelerators at the cheap site and
/// earns 876,000 x 0.99 - 10,000 = 857,240 USD. With a 2% slack a plan may give up
/// 17,144.80 USD: the threshold is 840,095.20.
///
/// - An accelerator bought and left idle costs its 1,000 USD of capital and nothing else, so the
///   most capital any group can take is its share of the optimum plus 17,144.80 USD of idle units.
/// - Moving an accelerator's work (87,600 units a year) from a site at 100 USD/MWh (0.01 USD of
///   energy a unit) to one at 5,000 USD/MWh (0.5 a unit) costs 0.49 x 87,600 = 42,924 USD;
///   dropping the demand instead would cost 85,724 (0.99 a unit less the 1,000 of capital).
@Suite struct NearOptimalAlternativesTests {
    static func study(electricity: [(FacilityID, Double)]) throws -> Study {
        var tiny = TinyStudy()
        tiny.facilities = electricity.map { TinyStudy.facility($0.0, electricity: $0.1) }
        tiny.latency = Dictionary(
            uniqueKeysWithValues: electricity.map { (LatencyPair(zone: "home", facility: $0.0), 10.0) })
        return try tiny.study()
    }

    static func alternatives(_ study: Study, slack: Double) throws -> [String: NearOptimalAlternatives.Group] {
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let result = try pipeline.alternatives(study, slack: slack, by: .facility)
        expectClose(result.objectiveUSD, 857_240, relative: 1e-9)
        expectClose(result.planCapitalUSD, 10_000, relative: 1e-9)
        return Dictionary(uniqueKeysWithValues: result.groups.map { ($0.name, $0) })
    }

    /// Two identical sites: either can serve everything (least 0) or nothing, and either can take
    /// all 10 serving accelerators plus 17.1448 idle ones (most 27,144.80). Both optional.
    @Test func twoIdenticalSitesAreBothOptional() throws {
        let groups = try Self.alternatives(try Self.study(electricity: [("a", 100), ("b", 100)]), slack: 0.02)
        for name in ["a", "b"] {
            let group = try #require(groups[name])
            expectClose(group.least.capitalUSD, 0, relative: 1e-6)
            expectClose(group.most.capitalUSD, 27_144.80, relative: 1e-7)
            #expect(group.least.objectiveUSD >= 840_095.20 * (1 - 1e-7))
            expectClose(group.most.finalYearITMW, 0.0271448, relative: 1e-7)
        }
    }

    /// A cheap site the demand needs and a dear one: the cheap site can hand at most
    /// 17,144.80 / 42,924 = 0.399422 accelerators to the dear one, so its least capital is
    /// 10,000 - 399.4222 = 9,600.578 USD: essential against 1% of the plan's capital (100 USD).
    /// The dear site's most is 17,144.80 of idle units (cheaper in slack than moving work there).
    @Test func aCheaperSiteTheDemandNeedsIsEssential() throws {
        let groups = try Self.alternatives(try Self.study(electricity: [("cheap", 100), ("dear", 5_000)]), slack: 0.02)
        let cheap = try #require(groups["cheap"])
        expectClose(cheap.least.capitalUSD, 10_000 - 1_000 * 17_144.80 / 42_924, relative: 1e-7)
        expectClose(cheap.most.capitalUSD, 27_144.80, relative: 1e-7)
        let dear = try #require(groups["dear"])
        expectClose(dear.least.capitalUSD, 0, relative: 1e-6)
        expectClose(dear.most.capitalUSD, 17_144.80, relative: 1e-7)
    }

    /// A site whose energy (2 USD a unit at 20,000 USD/MWh) costs more than the price: never worth
    /// building at slack 0 (its most is 0, within the solve's 1e-7 gap: 0.0857 USD), and at 2% it
    /// can take 17,144.80 USD of idle units.
    @Test func aSiteNeverWorthBuildingIsExcludedAtZeroSlackOnly() throws {
        let study = try Self.study(electricity: [("near", 100), ("never", 20_000)])
        let tight = try #require(try Self.alternatives(study, slack: 0)["never"])
        #expect(tight.most.capitalUSD <= 857_240 * 1e-7 + 1e-6)
        let loose = try #require(try Self.alternatives(study, slack: 0.02)["never"])
        expectClose(loose.most.capitalUSD, 17_144.80, relative: 1e-7)
        expectClose(loose.least.capitalUSD, 0, relative: 1e-6)
    }

    /// From a new master per extreme (no cuts kept), the ranges are the same: reuse only saves work.
    @Test func fromScratchGivesTheSameRanges() throws {
        let study = try Self.study(electricity: [("cheap", 100), ("dear", 5_000)])
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let warm = try pipeline.alternatives(study, slack: 0.02, by: .facility)
        let cold = try pipeline.alternatives(study, slack: 0.02, by: .facility, fromScratch: true)
        for (a, b) in zip(warm.groups, cold.groups) {
            expectClose(b.least.capitalUSD, a.least.capitalUSD, relative: 1e-7)
            expectClose(b.most.capitalUSD, a.most.capitalUSD, relative: 1e-7)
        }
    }

    /// Integer build blocks of 4 accelerators at `cheap` (100 USD/MWh) and `dear` (5,000), each
    /// build a branch and bound of the master. Builds come in multiples of 4 per site:
    ///
    /// - the optimum builds 12 at cheap, 2 of them idle: 876,000 x 0.99 - 12,000 = 855,240 USD
    ///   (8 at cheap serve 80 units/hour: 700,800 x 0.99 - 8,000 = 685,792; with 4 at dear
    ///   serving the rest at 0.5 a unit, + 175,200 x 0.5 - 4,000 = 769,392). With a 2% slack the
    ///   threshold is 855,240 x 0.98 = 838,135.20;
    /// - cheap's least: every plan with fewer than 12 there is one of the two above, below the
    ///   threshold, so 12,000 (linear: 9,600.58, work handed to dear);
    /// - cheap's most: each idle block costs 4,000; 28 there reach 855,240 - 16,000 = 839,240,
    ///   32 only 835,240: 28,000 (linear: 27,144.80);
    /// - dear's least is 0 and its most 4 idle blocks, 16,000 at 839,240 (linear: 17,144.80):
    ///   serving from dear costs more than leaving its blocks idle.
    @Test func integerBlocksAreSearchedByBranchAndBound() throws {
        var tiny = TinyStudy()
        tiny.blocks = 4
        tiny.facilities = [
            TinyStudy.facility("cheap", electricity: 100), TinyStudy.facility("dear", electricity: 5_000),
        ]
        tiny.latency = [
            LatencyPair(zone: "home", facility: "cheap"): 10, LatencyPair(zone: "home", facility: "dear"): 10,
        ]
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: TestPlanning.options(method: .decomposed))
        let result = try pipeline.alternatives(try tiny.study(), slack: 0.02, by: .facility)
        expectClose(result.objectiveUSD, 855_240, relative: 1e-9)
        expectClose(result.planCapitalUSD, 12_000, relative: 1e-9)
        let groups = Dictionary(uniqueKeysWithValues: result.groups.map { ($0.name, $0) })
        let cheap = try #require(groups["cheap"])
        expectClose(cheap.least.capitalUSD, 12_000, relative: 1e-9)
        expectClose(cheap.least.objectiveUSD, 855_240, relative: 1e-9)
        expectClose(cheap.most.capitalUSD, 28_000, relative: 1e-9)
        expectClose(cheap.most.objectiveUSD, 839_240, relative: 1e-9)
        expectClose(cheap.most.finalYearITMW, 0.028, relative: 1e-9)
        let dear = try #require(groups["dear"])
        #expect(abs(dear.least.capitalUSD) <= 1e-6)
        expectClose(dear.most.capitalUSD, 16_000, relative: 1e-9)
        expectClose(dear.most.objectiveUSD, 839_240, relative: 1e-9)
        // Every extreme plan builds whole blocks.
        for group in result.groups {
            for build in group.least.builds + group.most.builds {
                #expect(abs(build.units / 4 - (build.units / 4).rounded()) <= 1e-9, "\(build)")
            }
        }
        // From a new master per extreme, the same ranges.
        let cold = try pipeline.alternatives(try tiny.study(), slack: 0.02, by: .facility, fromScratch: true)
        for (a, b) in zip(result.groups, cold.groups) {
            expectClose(b.least.capitalUSD, a.least.capitalUSD, relative: 1e-9)
            expectClose(b.most.capitalUSD, a.most.capitalUSD, relative: 1e-9)
        }
    }
}
