import Foundation
import PlacementCompare
import PlacementModel
import PlacementReports
import PlacementTestSupport
import Testing

/// A study pair that differs by one edited power limit, with the differences derived by hand
/// from `TinyStudy` (one facility `near`, 100 units/hour at 10 per accelerator, 1 kW each,
/// 1,000 USD with a one-year life, 0.99 USD earned per unit served; stress: video demand x 0.3).
///
/// - base: 10 MW, far more than needed: 10 accelerators serve everything, NPV 857,240, capex
///   10,000; the power row does not bind (shadow price 0).
/// - edited: 6 kW: 6 accelerators serve 60 units/hour, NPV 60 x 8,760 x 0.99 - 6,000 = 514,344,
///   capex 6,000; one more MW is worth 1,000 accelerators x (86,724 - 1,000) = 85,724,000 USD.
/// - Both fleets are busy all day: utilization 100% in both, so it does not appear.
/// - Under the video stress 30 units/hour keep 3 accelerators busy: resilience 3/10 = 30% in
///   the base and 3/6 = 50% edited; the units idle then are the worst-stress stranded value:
///   7 x 1,000 = 7,000 and 3 x 1,000 = 3,000. Book value (installed this year): 10,000 and 6,000.
@Suite struct PlanComparisonTests {
    static func pair() throws -> PlanComparison {
        var edited = TinyStudy()
        edited.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
        return PlanComparison(
            base: try solvedSnapshot(try TinyStudy().study(), name: "base.yaml"),
            changed: try solvedSnapshot(try edited.study(), name: "edited.yaml"))
    }

    @Test func editedPowerLimit() throws {
        let c = try Self.pair()
        #expect(c.finalYear == 2026)
        expectFigure(c.expectedNPV, 857_240, 514_344)
        expectFigure(c.cvarNPV, 857_240, 514_344)  // one scenario: the tail is the whole distribution
        expectFigure(c.capex, 10_000, 6_000)

        try #require(c.capacity.count == 1)
        let capacity = c.capacity[0]
        #expect((capacity.facility, capacity.hardware, capacity.year) == ("near", "gpu", 2026))
        expectFigure(capacity.built, 10, 6)
        expectFigure(capacity.installed, 10, 6)
        expectFigure(capacity.itMW, 0.01, 0.006)

        #expect(c.utilization.isEmpty, "both fleets are fully used: \(c.utilization)")

        #expect(c.resilience.map(\.facility) == [nil, "near"])
        for change in c.resilience {
            expectFigure(change.resilience, 0.3, 0.5)
            #expect(change.worstStress.base == "video" && change.worstStress.changed == "video")
        }

        #expect(c.stranded.map(\.facility) == [nil, "near"])
        for change in c.stranded {
            expectFigure(change.bookValue, 10_000, 6_000)
            // The write-off holds each block value to 1e-9 of it: stranded figures carry that slack.
            expectFigure(change.strandedWorstStress, 7_000, 3_000, relative: 1e-8)
            #expect(!change.stranded.isChanged && !change.atRisk.isChanged)
        }

        try #require(c.powerLimits.count == 1)
        let limit = c.powerLimits[0]
        #expect((limit.facility, limit.year, limit.change) == ("near", 2026, .newlyBinding))
        expectFigure(limit.shadowPrice, 0, 85_724_000, relative: 1e-7)
        #expect(c.budget == nil)
        #expect(c.reachability.isEmpty)
    }

    @Test func editedPowerLimitAsTableJSONAndCSV() throws {
        let report = ComparisonReport(try Self.pair())
        let table = report.table()
        #expect(table.hasPrefix("Compare base.yaml (base) with edited.yaml (changed)\n"))
        #expect(table.contains("  expected NPV  857,240  514,344    -342,896\n"))
        #expect(table.contains("  capex          10,000    6,000      -4,000\n"))
        #expect(table.contains("  near / gpu               2026  10 -> 6    10 -> 6  -4 (removed)   -0.004\n"))
        #expect(table.contains("  fleet               30.0%    50.0%    +20.0 pt         video\n"))
        #expect(
            table.contains(
                "  near                          10,000 -> 6,000           0  7,000 -> 3,000          0"
                    + "\n"))
        #expect(table.contains("  power at near  2026  newly binding           0 USD/MW  85.7 M USD/MW\n"))

        let json = report.json().serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "sovereign-placement.compare/1")
        let npv = try #require(object["expected_npv_usd"] as? [String: Any])
        #expect(abs((npv["difference"] as? Double ?? 0) + 342_896) < 1e-3)

        let csv = report.csv().text.split(separator: "\n").map(String.init)
        #expect(csv.first == "section,facility,hardware,year,scenario,item,base,changed,difference")
        let built = try #require(csv.first { $0.hasPrefix("capacity,near,gpu,2026,,built,") })
        let numbers = built.split(separator: ",").suffix(3).compactMap { Double($0) }
        #expect(numbers.count == 3 && zip(numbers, [10.0, 6, -4]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(csv.contains { $0.hasPrefix("power_limit,near,,2026,,shadow_price_usd_per_mw (newly binding),") })
    }

    /// A latency target below the only round trip (5 ms against 10) leaves the tenant without
    /// a facility: its demand becomes unreachable, and reachable again the other way round.
    @Test func demandThatBecomesUnreachableAndReachable() throws {
        var strict = TinyStudy()
        strict.workloads = [TinyStudy.workload("video", slo: 5)]
        let base = try solvedSnapshot(try TinyStudy().study(), name: "base.yaml")
        let edited = try solvedSnapshot(try strict.study(), name: "strict.yaml")
        let reason = "no facility within the video latency target of 5 ms; the nearest, near, is 10.0 ms"
        let forward = PlanComparison(base: base, changed: edited).reachability
        #expect(
            forward.map { "\($0.tenant)|\($0.zone)|\($0.change.rawValue)|\($0.reason)" }
                == ["stream|home|became unreachable|\(reason)"])
        let backward = PlanComparison(base: edited, changed: base).reachability
        #expect(
            backward.map { "\($0.tenant)|\($0.zone)|\($0.change.rawValue)|\($0.reason)" }
                == ["stream|home|became reachable|\(reason)"])
    }

    @Test func identicalResultsHaveNoDifferences() throws {
        let snapshot = try solvedSnapshot(try TinyStudy().study(), name: "base.yaml")
        let comparison = PlanComparison(base: snapshot, changed: snapshot)
        #expect(comparison.isEmpty)
        #expect(
            ComparisonReport(comparison).table().hasSuffix(
                "No differences in value, capital, capacity, "
                    + "final-year utilization, resilience, stranded value, binding limits or reachable demand.\n"))
    }

    func expectFigure(
        _ figure: PlanComparison.Figure, _ base: Double, _ changed: Double, relative: Double = 1e-9,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectClose(figure.base, base, relative: relative, sourceLocation: sourceLocation)
        expectClose(figure.changed, changed, relative: relative, sourceLocation: sourceLocation)
        #expect(figure.isChanged, sourceLocation: sourceLocation)
    }
}

/// `placement report --compare`: the "What changed" section of the HTML report.
@Suite struct HTMLComparisonTests {
    @Test func sectionDrawsTheCapacityDifferenceByFacility() throws {
        let comparison = try PlanComparisonTests.pair()
        var edited = TinyStudy()
        edited.facilities = [TinyStudy.facility("near", powerMW: 0.006)]
        var html = HTMLReport(try solvedReport(try edited.study(), name: "edited.yaml"))
        #expect(!html.rendered().contains("id=\"what-changed\""))
        html.comparison = comparison
        let page = html.rendered()
        #expect(page.contains("<a href=\"#what-changed\">7. What changed</a>"))
        #expect(page.contains("<h2>7. What changed</h2>"))
        #expect(
            page.contains(
                "<p class=\"lead\">Against base.yaml: "
                    + "expected NPV -342,896 USD (from 857,240 to 514,344), "
                    + "CVaR NPV -342,896 USD (from 857,240 to 514,344), capital -4,000 USD (from 10,000 to 6,000).</p>")
        )
        // 10 accelerators of 1 kW in the base, 6 now: bars of 0.01 and 0.006 MW on a 0 to 0.01 MW scale.
        let base = try #require(Self.width(of: "base-bar", in: page))
        let now = try #require(Self.width(of: "now-bar", in: page))
        #expect(abs(base - 360) < 0.01 && abs(now - 216) < 0.01)
        #expect(page.contains("<title>near 2026, now: 0.006 MW installed</title>"))
        #expect(page.contains(">-0.004 MW</text>"))
        #expect(
            page.contains(
                "<td class=\"text wrap\">power limit 2026: newly binding</td><td class=\"text\">near</td>"))
        #expect(page.contains("<td class=\"num\">10</td><td class=\"num\">6</td><td class=\"num\">-4 (removed)</td>"))
    }

    /// The width attribute of the first `<rect class="...">` of this class.
    static func width(of className: String, in page: String) -> Double? {
        guard let start = page.range(of: "<rect class=\"\(className)\"") else { return nil }
        let tail = page[start.upperBound...]
        guard let attribute = tail.range(of: "width=\"") else { return nil }
        return Double(tail[attribute.upperBound...].prefix { $0 != "\"" })
    }
}
