import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Ids at the documented maximum length, and many zones merged into one demand point, still
/// give LP names within GLPK's 255 bytes: the program builds and solves.
@Suite struct LongNameTests {
    static func id(_ prefix: String, _ i: Int = 0) -> String {
        let tail = "-\(i)"
        return prefix + String(repeating: "x", count: IdentifierSyntax.maximumLength - prefix.count - tail.count) + tail
    }

    @Test func maximumLengthIdsAndTwentyMergedZonesSolve() throws {
        var tiny = TinyStudy()
        let zones = (0..<20).map { ZoneID(Self.id("zone", $0)) }
        let facility = FacilityID(Self.id("facility"))
        let hardware = HardwareID(Self.id("hardware"))
        let workload = WorkloadID(Self.id("workload"))
        tiny.zones = zones.map { TinyStudy.zone($0, "AE", utc: 0) }
        tiny.facilities = [TinyStudy.facility(facility)]
        tiny.hardware = [TinyStudy.gpu(hardware, throughput: [workload: 10])]
        tiny.workloads = [TinyStudy.workload(workload, slo: 20)]
        var spread = TinyStudy.tenant(TenantID(Self.id("tenant")), workload: workload, unitsPerYear: 876_000)
        spread.zoneShares = zones.map { Tenant.ZoneShare(zone: $0, share: 0.05) }
        tiny.tenants = [spread]
        tiny.scenarios = [Scenario(id: ScenarioID(Self.id("scenario")), probability: 1)]
        tiny.latency = Dictionary(uniqueKeysWithValues: zones.map { (LatencyPair(zone: $0, facility: facility), 10.0) })
        let study = try tiny.study()
        let program = try PlacementProgramBuilder(study: study).build()
        let model = program.model
        let names = model.variables.map { model.name(of: $0) } + model.constraints.map { model.name(of: $0) }
        let longest = names.map(\.utf8.count).max() ?? 0
        #expect(longest <= 255, "\(longest)")
        let plan = try #require(try TestPlanning.run(study, analyse: false).plan)
        expectClose(plan.expectedNPV, 857_240)
    }
}
