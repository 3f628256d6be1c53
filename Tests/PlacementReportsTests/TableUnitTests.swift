import GLPKSolver
import PlacementModel
import PlacementOptimizer
import PlacementReports
import PlacementTestSupport
import Testing

/// The terminal table names work in the workload's own unit (workloads.yaml), not "units".
@Suite struct TableUnitTests {
    /// TinyStudy's committed-share case with its workload measured in robot-hours: power for 6
    /// accelerators serves 60 of 100 robot-hours an hour, the 10% uncommitted goes unserved and
    /// the rest is short: 876,000 demanded, 87,600 unserved, 262,800 short over the year (40.0%).
    @Test func unservedDemandIsInTheWorkloadsUnit() throws {
        var tiny = TinyStudy()
        tiny.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
        tiny.workloads = [
            Workload(
                id: "video", unit: "robot-hour", latencySLOMs: 20, minMemoryGB: 0,
                dailyProfile: DailyProfile([1])!)
        ]
        tiny.tenants = [TinyStudy.tenant("fleet", workload: "video", unitsPerYear: 876_000, committed: 0.9, penalty: 5)]
        let study = try tiny.study()
        let table = OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(study, analyse: false)).table()
        #expect(
            table.contains(
                """
                Unserved demand over the horizon, in each workload's unit
                  demand not served (expected)   demand  unserved  shortfall        unit  share
                  ----------------------------  -------  --------  ---------  ----------  -----
                  fleet                         876,000    87,600    262,800  robot-hour  40.0%
                """))
    }
}
