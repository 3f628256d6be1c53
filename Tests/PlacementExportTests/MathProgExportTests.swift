import Foundation
import PlacementExport
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// `glpsol --math` solves the exported MathProg model to the tool's optimum (1e-6 relative)
/// and generates the tool's rows and columns, on the hand-derived studies of
/// HandDerivedOptimaTests (see `TinyStudy`) and on the bundled study.
@Suite struct MathProgExportTests {
    /// Each tiny study and its hand-derived objective in USD (HandDerivedOptimaTests derives them).
    static let tinyStudies: [(String, Double)] = [
        ("base", 857_240), ("latency", 857_240), ("residency", 857_240), ("memory", 857_240),
        ("slices", 854_740), ("power", 514_344), ("budget", 600_068), ("lifetime", 1_724_480),
        ("existing", 1_727_480), ("committed", -799_656), ("share", 2_143_100), ("cvar", 283_620),
        ("blocks", 855_240), ("blocks-tight", 685_792), ("long-zones", 857_240),
    ]

    @Test(arguments: tinyStudies.map(\.0))
    func tinyStudySolvesToTheToolsOptimum(_ name: String) throws {
        let expected = try #require(Self.tinyStudies.first { $0.0 == name }?.1)
        guard let trip = try MathProgRoundTrip.run(try Self.tiny(name).study()) else {
            print("skipped the MathProg round trip of \(name): glpsol is not installed")
            return
        }
        expectClose(trip.toolObjective / PlacementProgram.moneyScale, expected, relative: 1e-9)
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1, "glpsol counts the objective as a row")
        #expect(trip.glpsolColumns == trip.toolColumns)
    }

    /// Four zones with 30-character ids merge into one demand point whose label would pass
    /// MathProg's 100-character limit: the data names it by its first zone and a count.
    @Test func longMergedZoneLabelIsShortened() throws {
        let study = try Self.tiny("long-zones").study()
        let program = try PlacementProgramBuilder(study: study).build()
        let data = try MathProgExport(program: program, title: "long zones").data
        #expect(program.index.demandPoints.count == 1)
        let zones = (0..<4).map { Self.longZone($0).rawValue }.joined(separator: "+")
        #expect(data.contains("  # \(zones):\n  'stream' '\(Self.longZone(0))+3-more' 1"))
    }

    @Test func bundledStudySolvesToTheToolsOptimum() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let study = try StudyLoader().loadStudy(at: root.appendingPathComponent("Models/baseline.yaml").path).study
        guard let trip = try MathProgRoundTrip.run(study, glpsolOptions: ["--primal"]) else {
            print("skipped the bundled MathProg round trip: glpsol is not installed")
            return
        }
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1)
        #expect(trip.glpsolColumns == trip.toolColumns)
    }

    @Test func refusesAProgramOfSomeScenarios() throws {
        var tiny = TinyStudy()
        tiny.scenarios = [Scenario(id: "base", probability: 0.5), Scenario(id: "low", probability: 0.5)]
        let options = ProgramOptions(scenarios: ["low"])
        let program = try PlacementProgramBuilder(study: try tiny.study(), options: options).build()
        let error = #expect(throws: MathProgExport.ExportError.self) {
            try MathProgExport(program: program, title: "subset")
        }
        #expect(
            error?.description == "only the program of all of a study's scenarios can be written as MathProg "
                + "(this one selects some)")
    }

    // MARK: The tiny studies (as in HandDerivedOptimaTests)

    static func longZone(_ i: Int) -> ZoneID { ZoneID("zone-with-a-long-identifier-0\(i)") }

    static func tiny(_ name: String) throws -> TinyStudy {
        var tiny = TinyStudy()
        switch name {
        case "base": break
        case "latency":
            tiny.facilities.append(TinyStudy.facility("far", electricity: 0))
            tiny.latency[LatencyPair(zone: "home", facility: "far")] = 50
        case "residency":
            tiny.facilities.append(TinyStudy.facility("abroad", jurisdiction: "SA", electricity: 0))
            tiny.latency[LatencyPair(zone: "home", facility: "abroad")] = 10
            tiny.tenants = [TinyStudy.tenant("gov", workload: "video", unitsPerYear: 876_000, residency: .inCountry)]
        case "memory":
            tiny.hardware.append(TinyStudy.gpu("small", memory: 40, capex: 100))
            tiny.workloads = [TinyStudy.workload("video", slo: 20, memory: 80)]
        case "slices":
            tiny.timeSlices = 2
            tiny.zones = [TinyStudy.zone("home", "AE", utc: -3)]
            tiny.workloads = [TinyStudy.workload("video", slo: 20, profile: [1, 3])]
        case "power":
            tiny.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
        case "budget":
            tiny.budget = 7_000
        case "lifetime":
            tiny.horizon = Horizon(start: 2026, end: 2027)
            tiny.hardware = [TinyStudy.gpu(lifetime: 2)]
        case "existing":
            tiny.horizon = Horizon(start: 2026, end: 2027)
            tiny.hardware = [TinyStudy.gpu(lifetime: 2)]
            tiny.facilities = [TinyStudy.facility("near", fixedOM: 100_000, existing: ["gpu": 10])]
        case "committed":
            tiny.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
            tiny.tenants = [
                TinyStudy.tenant(
                    "fleet", workload: "video", unitsPerYear: 876_000, committed: 0.9,
                    penalty: 5)
            ]
        case "share":
            tiny.workloads = [TinyStudy.workload("video", slo: 60), TinyStudy.workload("reasoning", slo: 20)]
            tiny.tenants = [
                TinyStudy.tenant("stream", workload: "video", unitsPerYear: 3 * 876_000),
                TinyStudy.tenant("think", workload: "reasoning", unitsPerYear: 876_000),
            ]
            tiny.facilities.append(TinyStudy.facility("video-only"))
            tiny.latency[LatencyPair(zone: "home", facility: "video-only")] = 50
            tiny.policy = PolicySettings(maxCategoryShare: 0.6)
        case "cvar":
            tiny.hardware = [TinyStudy.gpu(capex: 30_000)]
            tiny.scenarios = [
                Scenario(id: "base", probability: 0.5),
                Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2026: 0.5])]),
            ]
            tiny.risk = RiskSettings(alpha: 0.5, weight: 0.5)
        case "blocks":
            tiny.blocks = 4
        case "blocks-tight":
            tiny.blocks = 4
            tiny.facilities = [TinyStudy.facility("near", powerMW: 0.011)]
        case "long-zones":
            tiny.zones = (0..<4).map { TinyStudy.zone(longZone($0), "AE", utc: 0) }
            tiny.latency = Dictionary(
                uniqueKeysWithValues: (0..<4).map {
                    (LatencyPair(zone: longZone($0), facility: "near"), 10.0)
                })
            var tenant = TinyStudy.tenant("stream", workload: "video", unitsPerYear: 876_000)
            tenant.zoneShares = (0..<4).map { Tenant.ZoneShare(zone: longZone($0), share: 0.25) }
            tiny.tenants = [tenant]
        default:
            throw MathProgRoundTrip.Failure(description: "no tiny study \(name)")
        }
        return tiny
    }
}
