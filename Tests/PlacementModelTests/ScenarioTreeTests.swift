import PlacementModel
import Testing

/// The scenario tree of docs/design.md §9, inferred from the scenarios' inputs after carry-forward.
@Suite struct ScenarioTreeTests {
    static let years = [2026, 2027, 2028, 2029]

    /// Four scenarios over 2026-2029:
    /// - `a`: no multiplier (every input 1 in every year);
    /// - `b`: demand of video 1 listed in 2026 and 1.2 from 2029: equal to `a` until 2028, since a
    ///   listed 1 is the absent 1 and 1.2 only starts in 2029 (the last year);
    /// - `c`: price of video 0.9 listed in 2024, before the horizon: carried forward, it differs
    ///   from `a` in every horizon year;
    /// - `d`: electricity of gulf 1.1 from 2028, listed as {2027: 1, 2028: 1.1}: equal to `a`
    ///   in 2026 and 2027, different from 2028.
    ///
    /// Year 2026 and 2027 builds: `c` has differed since 2026, so from 2027 it is alone; 2028:
    /// `d` differs in 2028, which the 2028 builds have not seen: still with `a`, `b`; 2029: `d`
    /// alone; `b` still with `a` (its difference is in 2029 itself).
    static let scenarios = [
        Scenario(id: "a", probability: 0.25),
        Scenario(id: "b", probability: 0.25, demand: ["video": YearSeries([2026: 1, 2029: 1.2])]),
        Scenario(id: "c", probability: 0.25, price: ["video": YearSeries([2024: 0.9])]),
        Scenario(id: "d", probability: 0.25, electricity: ["gulf": YearSeries([2027: 1, 2028: 1.1])]),
    ]

    @Test func adaptiveNodesFollowWhatWasObservedBeforeEachYear() {
        let tree = ScenarioTree(scenarios: Self.scenarios, years: Self.years, mode: .adaptive)
        #expect(tree.nodes[0] == [[0, 1, 2, 3]])
        #expect(tree.nodes[1] == [[0, 1, 3], [2]])
        #expect(tree.nodes[2] == [[0, 1, 3], [2]])
        #expect(tree.nodes[3] == [[0, 1], [2], [3]])
        #expect(tree.node(year: 3, scenario: 3) == 2)
        #expect(!tree.isSingleNodePerYear)
    }

    @Test func hereAndNowAndWaitAndSee() {
        let hereAndNow = ScenarioTree(scenarios: Self.scenarios, years: Self.years, mode: .hereAndNow)
        #expect(hereAndNow.nodes.allSatisfy { $0 == [[0, 1, 2, 3]] })
        #expect(hereAndNow.isSingleNodePerYear)
        let waitAndSee = ScenarioTree(scenarios: Self.scenarios, years: Self.years, mode: .waitAndSee)
        #expect(waitAndSee.nodes.allSatisfy { $0 == [[0], [1], [2], [3]] })
    }

    /// Scenarios that differ only in the last year never split: adaptive is here-and-now.
    @Test func differencesInTheLastYearOnlyLeaveOneNodeAYear() {
        let late = [Self.scenarios[0], Self.scenarios[1]]
        #expect(ScenarioTree(scenarios: late, years: Self.years, mode: .adaptive).isSingleNodePerYear)
    }

    /// The expected-value scenario: each multiplier the probability-weighted mean in every year.
    @Test func theExpectedValueScenarioAveragesEveryMultiplier() throws {
        let study = try TinyStudyForTree.study(scenarios: Self.scenarios, years: Self.years)
        let mean = study.expectedValueScenario()
        // video demand: 0.25 x (1 + 1 + 1 + 1) in 2026; 0.25 x (1 + 1.2 + 1 + 1) = 1.05 in 2029.
        #expect(mean.demandMultiplier(for: "video", in: 2026) == 1)
        #expect(abs(mean.demandMultiplier(for: "video", in: 2029) - 1.05) < 1e-15)
        // video price: 0.25 x (1 + 1 + 0.9 + 1) = 0.975 in every year.
        #expect(abs(mean.priceMultiplier(for: "video", in: 2027) - 0.975) < 1e-15)
        // gulf electricity: 1 until 2027, 0.25 x (3 + 1.1) = 1.025 from 2028.
        #expect(mean.electricityMultiplier(for: "gulf", in: 2027) == 1)
        #expect(abs(mean.electricityMultiplier(for: "gulf", in: 2028) - 1.025) < 1e-15)
        #expect(mean.probability == 1)
    }
}

/// A one-zone, one-facility study with the given scenarios and years (for the tree's scenarios).
enum TinyStudyForTree {
    static func study(scenarios: [Scenario], years: [Int]) throws -> Study {
        let zone = Zone(
            id: "home", region: "gulf", jurisdiction: "AE", location: GeoCoordinate(latitude: 25, longitude: 55),
            utcOffsetHours: 0)
        let facility = Facility(
            id: "near", region: "gulf", jurisdiction: "AE", location: GeoCoordinate(latitude: 25, longitude: 55),
            powerMW: YearSeries([years[0]: 10]), pue: 1, electricityUSDPerMWh: 100, shellCapexUSDPerMW: 0,
            fixedOMUSDPerMWYear: 0, existingUnits: [:])
        return try Study(
            regions: [Region(id: "gulf", zones: [zone], facilities: [facility])],
            hardware: [
                Hardware(
                    id: "gpu", memoryGB: 80, powerKW: 1, capexUSD: 1000, lifetimeYears: 1, throughput: ["video": 10])
            ],
            workloads: [
                Workload(id: "video", unit: "unit", latencySLOMs: 20, minMemoryGB: 0, dailyProfile: DailyProfile([1])!)
            ],
            tenants: [
                Tenant(
                    id: "stream", workload: "video", priceUSDPerUnit: 1, committedShare: 0,
                    shortfallPenaltyUSDPerUnit: 0, residency: .anywhere,
                    annualUnits: DemandCurve(YearSeries([years[0]: 876_000])), zoneShares: [("home", 1)])
            ],
            scenarios: scenarios, horizon: Horizon(start: years[0], end: years[years.count - 1]), discountRate: 0,
            timeSlices: 1, measuredLatency: [LatencyPair(zone: "home", facility: "near"): 10])
    }
}
