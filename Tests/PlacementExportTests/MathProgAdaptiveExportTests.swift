import PlacementExport
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The MathProg export of a study with several nodes a year (docs/design.md §9): `glpsol --math`
/// reaches the tool's optimum (1e-6 relative) and generates its rows and columns, on the phased
/// tiny study of `AdaptiveDecisionTests` made adaptive (one node in 2026 and 2027, one per
/// scenario in 2028).
///
/// Its optimum is 1,709,480 USD (`AdaptiveDecisionTests` derives it): 10 accelerators in 2026,
/// 10 in 2027, 10 in `boom`'s 2028 node and none in `bust`'s. An accelerator's capital is 1,000 USD.
/// With a 25,000 USD budget (one row per final node, on the builds of its path) `boom`'s path
/// (30 accelerators) is cut to 25: the marginal accelerators are worth, per 1,000 USD,
/// 85,724 in 2026, 1/2 x 85,724 = 42,862 in `boom`'s 2028 and 1/2 x 85,724 - 1/2 x 1,000 =
/// 42,362 in 2027, so 5 of 2027's go: 1,709,480 - 5 x 42,362 = 1,497,670 USD. `bust`'s path
/// (20) stays within. Blocks of 5 allow the same builds. With CVaR in the objective the
/// optimum is the tool's (cross-checked, no hand value).
@Suite struct MathProgAdaptiveExportTests {
    static func phased(budget: Double? = nil, blocks: Int? = nil, risk: RiskSettings? = nil) throws -> Study {
        var tiny = TinyStudy.phased
        tiny.budget = budget
        tiny.blocks = blocks
        if let risk { tiny.risk = risk }
        return try tiny.study().withDecisions(.adaptive)
    }

    @Test(
        .enabled(if: glpsolIsInstalled, "glpsol is not installed"),
        arguments: [
            (nil, nil, 1_709_480), (25_000, nil, 1_497_670), (nil, 5, 1_709_480), (25_000, 5, 1_497_670),
        ] as [(Double?, Int?, Double)])
    func adaptiveStudySolvesToTheToolsOptimum(budget: Double?, blocks: Int?, expected: Double) throws {
        let study = try Self.phased(budget: budget, blocks: blocks)
        #expect(!PlacementIndex(study: study).tree.isSingleNodePerYear)
        let trip = try #require(try MathProgRoundTrip.run(study))
        expectClose(trip.toolObjective / PlacementProgram.moneyScale, expected, relative: 1e-9)
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1, "glpsol counts the objective as a row")
        #expect(trip.glpsolColumns == trip.toolColumns)
        #expect(trip.data.contains("param node_of :=\n  2028 'bust' 1;\n"))
    }

    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func adaptiveStudyWithCVaRSolvesToTheToolsOptimum() throws {
        let study = try Self.phased(budget: 25_000, risk: RiskSettings(alpha: 0.5, weight: 0.5))
        let trip = try #require(try MathProgRoundTrip.run(study))
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1)
        #expect(trip.glpsolColumns == trip.toolColumns)
    }
}
