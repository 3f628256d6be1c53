import Foundation
import PlacementLoader
import PlacementModel
import Testing

/// The fixture study loads completely, in file order, with every setting read.
@Suite("Loading a valid study")
struct ValidStudyTests {
    private func loaded() throws -> (FixtureStudy, LoadedStudy) {
        let fixture = try FixtureStudy()
        let loaded = try StudyLoader().loadStudy(at: fixture.studyPath)
        return (fixture, loaded)
    }

    @Test func loadsEveryItemInFileOrderWithoutWarnings() throws {
        let (fixture, loaded) = try loaded()
        defer { fixture.remove() }
        let study = loaded.study
        #expect(loaded.warnings.isEmpty)
        #expect(study.regions.map(\.id) == ["gulf", "india"])
        #expect(study.facilities.map(\.id) == ["abu-dhabi-campus", "riyadh-hexagon", "navi-mumbai", "chennai-park"])
        #expect(study.facilities.map(\.region) == ["gulf", "gulf", "india", "india"])
        #expect(study.zones.map(\.id) == ["dubai", "riyadh", "mumbai", "delhi"])
        #expect(study.hardware.map(\.id) == ["gpu-h200", "gpu-b200", "npu-edge"])
        #expect(study.workloads.map(\.id) == ["video", "reasoning", "embodied"])
        #expect(study.tenants.map(\.id) == ["gulf-studios", "india-video", "agent-labs", "robot-fleet"])
        #expect(study.scenarios.map(\.id) == ["base", "video-boom", "efficiency-shock"])
        #expect(
            loaded.files.map { $0.replacingOccurrences(of: fixture.root + "/", with: "") } == [
                "Models/baseline.yaml", "Regions/gulf.yaml", "Regions/india.yaml", "Models/hardware.yaml",
                "Models/workloads.yaml", "Models/tenants.yaml", "Models/scenarios.yaml",
            ])
    }

    @Test func readsSettingsAndDefaults() throws {
        let (fixture, loaded) = try loaded()
        defer { fixture.remove() }
        let study = loaded.study
        #expect(study.horizon == Horizon(start: 2026, end: 2030))
        #expect(study.horizon.years == [2026, 2027, 2028, 2029, 2030])
        #expect(study.discountRate == 0.08)
        #expect(study.timeSlices == 6)
        #expect(study.budgetUSD == 66e9)
        #expect(study.risk == RiskSettings(alpha: 0.9, weight: 0.2))
        #expect(study.policy.maxCategoryShare == 0.9)
        #expect(study.integerBuildUnits == 1000)
        #expect(study.latencySettings == LatencySettings(routeFactor: 1.6, baseMs: 4))
        #expect(study.breakevenUtilization == 0.6)
        #expect(study.stress == StressSettings(shock: 0.7, reference: "base"))
    }

    @Test func readsItemFields() throws {
        let (fixture, loaded) = try loaded()
        defer { fixture.remove() }
        let study = loaded.study
        let campus = try #require(study.facility("abu-dhabi-campus"))
        #expect(campus.name == "Abu Dhabi AI campus")
        #expect(campus.powerMW(in: 2027) == 50 && campus.powerMW(in: 2030) == 200)
        #expect(campus.shellCapexUSDPerMW == 9.2e6)
        #expect(campus.allowedHardware == ["gpu-h200", "gpu-b200"])
        #expect(campus.existingUnits == ["gpu-h200": 2000])
        #expect(study.facility("riyadh-hexagon")?.allowedHardware == nil)
        #expect(study.facility("riyadh-hexagon")?.powerMW(in: 2026) == 0)
        #expect(study.hardware("npu-edge")?.powerKW == 0.4)
        #expect(study.hardware("npu-edge")?.throughput(for: "video") == 0)
        #expect(study.workload("embodied")?.dailyProfile == .flat)
        #expect(study.zone("mumbai")?.utcOffsetHours == 5.5)
        let robots = try #require(study.tenant("robot-fleet"))
        #expect(robots.residency == .inCountry && robots.committedShare == 1)
        #expect(robots.annualUnits(in: 2026) == 2e7)
        #expect(study.tenant("india-video")?.committedShare == 0)
        #expect(study.scenario("video-boom")?.demandMultiplier(for: "video", in: 2028) == 1.5)
        #expect(study.scenario("efficiency-shock")?.electricityMultiplier(for: "gulf", in: 2030) == 1.1)
        #expect(study.referenceScenario.id == "base")
    }

    @Test func measuredLatenciesWinOverEstimates() throws {
        let (fixture, loaded) = try loaded()
        defer { fixture.remove() }
        let table = loaded.study.latency
        #expect(table.count == 16)
        #expect(table.entry(zone: "dubai", facility: "abu-dhabi-campus")?.source == .measured)
        #expect(table.rttMs(zone: "dubai", facility: "navi-mumbai") == 28)
        let estimate = try #require(table.entry(zone: "mumbai", facility: "chennai-park"))
        #expect(estimate.source == .estimated)
        #expect(abs(estimate.rttMs - (2 * estimate.greatCircleKilometres * 1.6 / 200 + 4)) < 1e-12)
        #expect(
            loaded.study.isArc(
                tenant: loaded.study.tenant("india-video")!, zone: loaded.study.zone("mumbai")!,
                facility: loaded.study.facility("chennai-park")!, hardware: loaded.study.hardware("gpu-b200")!))
        #expect(
            !loaded.study.isArc(
                tenant: loaded.study.tenant("india-video")!, zone: loaded.study.zone("mumbai")!,
                facility: loaded.study.facility("riyadh-hexagon")!, hardware: loaded.study.hardware("gpu-b200")!))
    }

    @Test func diagnosticPathsFollowTheStudyPathAsGiven() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Regions/india.yaml", "pue: 1.3", "pue: high")
        let roundabout = fixture.root + "/Regions/../Models/./baseline.yaml"
        let failure = #expect(throws: LoadFailure.self) { try StudyLoader().loadStudy(at: roundabout) }
        #expect(failure?.diagnostics.map(\.file) == [fixture.root + "/Regions/india.yaml"])
    }
}
