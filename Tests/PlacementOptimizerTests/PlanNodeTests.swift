import PlacementModel
import PlacementOptimizer
import Testing

/// What the table and the HTML show of an adaptive node's builds: the simplex's round-off (a
/// build of 9.6e-9 units printed as "0 (0.0 MW)") is left out, real builds kept in order.
@Suite struct PlanNodeTests {
    @Test func shownBuildsLeaveOutRoundOff() {
        let node = Plan.Node(
            year: 2029, id: 0, scenarios: ["base"],
            builds: [
                .init(facility: "riyadh", hardware: "npu", units: 9.6e-9),
                .init(facility: "riyadh", hardware: "gpu", units: 250),
                .init(facility: "dammam", hardware: "gpu", units: 2e-6),
            ])
        #expect(node.shownBuilds.map(\.units) == [250, 2e-6])
    }
}
