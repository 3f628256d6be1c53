import PlacementLoader
import PlacementModel
import Testing

/// Scalars are read by the schema, not by YAML 1.1 guessing.
@Suite("Scalars by schema")
struct SchemaScalarTests {
    @Test func textFieldsKeepTheirTextAndNumbersAcceptEveryNotation() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit(
            "Regions/gulf.yaml", "    jurisdiction: SA\n    location: {lat: 24.77",
            "    jurisdiction: NO\n    location: {lat: 24.77")
        try fixture.edit(
            "Regions/gulf.yaml", "    jurisdiction: SA\n    location: {lat: 24.71",
            "    jurisdiction: NO\n    location: {lat: 24.71")
        try fixture.edit("Models/workloads.yaml", "unit: robot-hour", "unit: yes")
        try fixture.edit("Models/workloads.yaml", "name: Video generation", "name: 2026")
        try fixture.edit("Regions/gulf.yaml", "utc_offset_hours: 3", "utc_offset_hours: -3")
        try fixture.edit("Regions/gulf.yaml", "pue: 1.4", "pue: 1.4e0")
        try fixture.edit("Models/tenants.yaml", "committed_share: 0.3", "committed_share: .3")
        let study = try StudyLoader().loadStudy(at: fixture.studyPath).study
        #expect(study.zone("riyadh")?.jurisdiction == "NO")
        #expect(study.facility("riyadh-hexagon")?.jurisdiction == "NO")
        #expect(study.workload("embodied")?.unit == "yes")
        #expect(study.workload("video")?.name == "2026")
        #expect(study.zone("riyadh")?.utcOffsetHours == -3)
        #expect(study.facility("riyadh-hexagon")?.pue == 1.4)
        #expect(study.tenant("gulf-studios")?.committedShare == 0.3)
        #expect(study.facility("abu-dhabi-campus")?.existingUnits["gpu-h200"] == 2000)
        #expect(study.facility("abu-dhabi-campus")?.shellCapexUSDPerMW == 9_200_000)
    }

    @Test func sumsWithinOneMillionthAreAccepted() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Models/scenarios.yaml", "probability: 0.5", "probability: 0.5000004")
        try fixture.edit("Models/tenants.yaml", "{dubai: 0.6, riyadh: 0.4}", "{dubai: 0.6, riyadh: 0.3999995}")
        #expect(throws: Never.self) { try StudyLoader().loadStudy(at: fixture.studyPath) }
    }

    @Test func yearsAfterTheHorizonWarn() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Regions/gulf.yaml", "{2026: 50, 2028: 200}", "{2026: 50, 2028: 200, 2035: 300}")
        try fixture.edit("Models/tenants.yaml", "annual_units: {2027: 2.0e7}", "annual_units: {2032: 2.0e7}")
        #expect(
            fixture.warnings() == [
                """
                Regions/gulf.yaml:18:37: warning: year 2035 in 'power_mw' is after the horizon (2026-2030) and has no effect
                  hint: remove it or extend the study's horizon
                """,
                """
                Models/tenants.yaml:36:21: warning: no year in 'demand.annual_units' falls in the horizon (2026-2030)
                  hint: list at least one horizon year so demand in the horizon is explicit
                """,
            ])
    }

    @Test func facilityOnlyOneWorkloadCanReachWarnsUnderACategoryLimit() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Regions/india.yaml", "hardware: [gpu-h200, npu-edge]", "hardware: [npu-edge]")
        #expect(
            fixture.warnings() == [
                """
                Regions/india.yaml:15:9: warning: only workload 'embodied' can reach facility 'navi-mumbai'; with max_category_share 0.9 it will serve nothing
                  hint: allow hardware or relax latency or residency so a second workload can use it, or set max_category_share to 1
                """
            ])
        try fixture.edit("Models/baseline.yaml", "max_category_share: 0.9", "max_category_share: 1")
        #expect(fixture.warnings() == [])
    }

    /// A demanded workload that no accelerator can serve is a located warning: the study loads and
    /// the plan reports the demand as unreachable (a sweep over `min_memory_gb` keeps going).
    @Test func aDemandedWorkloadNoHardwareCanServeWarns() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Models/workloads.yaml", "min_memory_gb: 24", "min_memory_gb: 500")
        #expect(
            fixture.warnings() == [
                """
                Models/workloads.yaml:14:9: warning: no hardware can serve workload 'embodied' \
                (throughput > 0 and at least 500 GB); its tenants' demand is unreachable
                  hint: give an accelerator with enough memory a throughput for 'embodied'; \
                until then the plan reports its demand under unreachable_demand
                """
            ])
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.edit("Regions/gulf.yaml", "pue: 1.35", "pue: 0")
        try fixture.edit("Models/hardware.yaml", "memory_gb: 32", "memory_gb: -32")
        try fixture.edit("Models/baseline.yaml", "discount_rate: 0.08", "discount_rate: x")
        let found = fixture.failure()
        #expect(
            found.map { $0.components(separatedBy: ":").first! } == [
                "Models/baseline.yaml", "Regions/gulf.yaml", "Models/hardware.yaml",
            ])
    }
}
