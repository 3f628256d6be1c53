import BenchmarkModels
import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `placement report`'s HTML: well-formed (parsed as XML), self-contained, every section and
/// chart present with the right number of bars and cells, text escaped, and a layout that
/// scales from the bundled 13 facilities to 40.
@Suite struct HTMLReportTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A report and its rendered page, computed once per test run.
    struct Fixture: Sendable {
        var report: OptimizeReport
        var html: String
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    /// The path shown in the report: markup characters that must come out escaped.
    static let displayedPath = "Models/<baseline> & \"co\".yaml"

    /// The bundled study, optimised and analysed once (about 30 s), named by `displayedPath`;
    /// tests await it, leaving their thread to other tests meanwhile.
    static let bundled = Task {
        let report = OptimizeReport(studyPath: displayedPath, result: try await TestPlanning.bundled(.primal))
        return Fixture(report: report, html: HTMLReport(report, generator: "placement <test>").rendered())
    }

    /// The benchmarks' 40-facility report study (`SyntheticStudy.Parameters.reportForty`: one
    /// region, four zones, two years, so it solves in seconds; long ids, names with markup).
    static let forty: Result<Fixture, FixtureError> = Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "html-report-forty-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let studyFile = try SyntheticStudy(.reportForty).write(to: directory)
        return try run(studyAt: studyFile.path, displayedAs: "forty/study.yaml")
    }.mapError { FixtureError(description: "\($0)") }

    static func run(studyAt path: String, displayedAs name: String) throws -> Fixture {
        let study = try StudyLoader().loadStudy(at: path).study
        let result = try TestPlanning.run(study, threads: 2)
        guard result.plan != nil else { throw FixtureError(description: "no plan: \(result.investment.termination)") }
        let report = OptimizeReport(studyPath: name, result: result)
        return Fixture(report: report, html: HTMLReport(report, generator: "placement <test>").rendered())
    }

    // MARK: The bundled study

    @Test func bundledReportIsWellFormedAndSelfContained() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        #expect(root.name == "html")
        #expect(fixture.html.hasPrefix("<!DOCTYPE html>"))
        #expect(root.first { $0.name == "head" }?.first { $0.name == "style" } != nil)
        // Nothing is fetched: no scripts, stylesheets, images, frames or CSS URLs.
        for tag in ["script", "link", "img", "iframe", "object", "embed"] {
            #expect(root.all { $0.name == tag }.isEmpty, "found <\(tag)>")
        }
        #expect(root.all { $0.attributes["src"] != nil }.isEmpty)
        #expect(!fixture.html.contains("url("))
        #expect(!fixture.html.contains("@import"))
        let links = root.all { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(links.allSatisfy { $0.hasPrefix("#") }, "links leave the page: \(links)")
        for link in links { #expect(root.element(id: String(link.dropFirst())) != nil, "dangling \(link)") }
    }

    @Test func bundledReportHasHeadlineAndSixSections() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let headline = try #require(root.element(id: "headline"))
        let cards = headline.all { $0.attributes["data-kpi"] != nil }.compactMap { $0.attributes["data-kpi"] }
        #expect(cards == ["expected-npv", "cvar-npv", "capex", "resilience", "stranded", "below-breakeven"])
        // Headline values are the report's own numbers.
        let plan = try #require(fixture.report.result.plan)
        #expect(headline.text.contains("USD " + Format.money(plan.expectedNPV)))
        #expect(headline.text.contains("USD " + Format.money(plan.capexUSD)))
        let risk = try #require(fixture.report.analysis?.stranded)
        #expect(headline.text.contains(Format.percent(risk.probabilityBelowBreakeven)))
        for id in ["capacity", "service", "utilization", "resilience", "stranded", "assumptions"] {
            let section = try #require(root.element(id: id), "section \(id)")
            #expect(section.name == "section")
            #expect(section.classes.contains("report-section"))
            #expect(section.first { $0.name == "h2" } != nil)
        }
        for id in [
            "service-matrix", "utilization-scenarios", "utilization-years", "resilience-fleet", "resilience-facilities",
            "stranded-chart",
        ] {
            #expect(root.element(id: id)?.name == "svg", "chart \(id)")
        }
        #expect(root.first { $0.name == "title" }?.text.contains("2026") == true)
    }

    @Test func capacityChartHasOneSegmentPerInstalledFleet() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let plan = try #require(fixture.report.result.plan)
        let section = try #require(root.element(id: "capacity"))
        let withCapacity = Set(plan.fleetYears.filter { $0.capacity > 0 }.map(\.facility.rawValue))
        let panels = section.all { $0.classes.contains("panel") }
        #expect(panels.count == withCapacity.count)
        #expect(Set(panels.compactMap { $0.attributes["data-facility"] }) == withCapacity)
        let segments = section.all { $0.name == "rect" && $0.classes.contains("seg") }
        #expect(segments.count == plan.fleetYears.filter { $0.capacity > 0 }.count)
        // One power tick per facility-year with power.
        let study = fixture.report.study
        let ticks = section.all { $0.name == "line" && $0.classes.contains("limit") }
        let expectedTicks = study.facilities.filter { withCapacity.contains($0.id.rawValue) }
            .reduce(0) { total, facility in total + plan.years.filter { facility.powerMW(in: $0) > 0 }.count }
        #expect(ticks.count == expectedTicks)
        // Builds table: one row per accelerator built, plus capital.
        let builds = try #require(root.element(id: "capacity-builds"))
        let built = Set(plan.fleetYears.filter { $0.built > 0 }.map(\.hardware))
        #expect(builds.all { $0.name == "tr" }.count == 1 + built.count + 1)
    }

    @Test func serviceMatrixHasACellPerZoneAndFacilityAndRowsSumToOne() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let study = fixture.report.study
        let matrix = try #require(root.element(id: "service-matrix"))
        let cells = matrix.all { $0.name == "rect" && $0.classes.contains("cell") }
        let zones = Set(cells.compactMap { $0.attributes["data-zone"] })
        #expect(cells.count == zones.count * study.facilities.count)
        #expect(!zones.isEmpty && zones.count <= study.zones.count)
        var servedZones = 0
        for zone in zones {
            let row = cells.filter { $0.attributes["data-zone"] == zone }
            let shares = row.compactMap { $0.attributes["data-share"].flatMap(Double.init) }
            #expect(shares.count == study.facilities.count)
            let total = shares.reduce(0, +)
            if total > 0 {
                servedZones += 1
                #expect(abs(total - 1) < 0.01, "zone \(zone) shares sum to \(total)")
            }
            // A served cell is always a reachable one.
            for cell in row where cell.attributes["data-state"] == "served" {
                let zoneValue = try #require(study.zone(ZoneID(zone)))
                let facility = try #require(study.facility(FacilityID(cell.attributes["data-facility"] ?? "")))
                #expect(
                    study.tenants.contains { tenant in
                        tenant.share(of: zoneValue.id) > 0
                            && study.hardware.contains {
                                study.isArc(tenant: tenant, zone: zoneValue, facility: facility, hardware: $0)
                            }
                    })
            }
        }
        #expect(servedZones > 0)
        // Served cells appear only at facilities with capacity in the final year.
        let plan = try #require(fixture.report.result.plan)
        let final = try #require(plan.years.last)
        let installed = Set(plan.fleetYears.filter { $0.year == final && $0.capacity > 0 }.map(\.facility.rawValue))
        for cell in cells where cell.attributes["data-state"] == "served" {
            #expect(installed.contains(cell.attributes["data-facility"] ?? ""))
        }
        let caption = try #require(root.element(id: "service")?.first { $0.name == "figcaption" })
        #expect(caption.text.contains("accelerator-hours"))
        #expect(caption.text.contains(study.referenceScenario.id.rawValue))
    }

    @Test func utilizationHeatMapsHaveACellPerFacilityAndColumn() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let plan = try #require(fixture.report.result.plan)
        let rows = Set(plan.fleetYears.filter { $0.capacity > 0 }.map(\.facility)).count + 1
        let byScenario = try #require(root.element(id: "utilization-scenarios"))
        #expect(
            byScenario.all { $0.name == "rect" && $0.classes.contains("cell") }.count == rows * plan.scenarios.count)
        let byYear = try #require(root.element(id: "utilization-years"))
        #expect(byYear.all { $0.name == "rect" && $0.classes.contains("cell") }.count == rows * plan.years.count)
        // The fleet's final-year cell under the first scenario shows the fleet utilization.
        let utilization = try #require(fixture.report.utilization)
        let finalYear = try #require(plan.years.last)
        let fleet = try #require(utilization.fleet(year: finalYear, scenario: plan.scenarios[0]))
        #expect(byScenario.all { $0.name == "text" }.contains { $0.text == Format.percent(fleet) })
    }

    @Test func resilienceChartsHaveABarPerYearAndStress() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let stress = try #require(fixture.report.analysis?.stress)
        let fleet = try #require(root.element(id: "resilience-fleet"))
        let bars = fleet.all { $0.name == "rect" && $0.classes.contains("bar") }
        #expect(bars.count == stress.fleet.count * stress.cases.count)
        #expect(Set(bars.compactMap { $0.attributes["data-workload"] }) == Set(stress.cases.map(\.workload.rawValue)))
        let final = try #require(stress.fleet.last)
        #expect(fleet.text.contains("min \(Format.percent(final.resilience))"))
        let facilities = try #require(root.element(id: "resilience-facilities"))
        let defined = stress.facilities.filter { $0.year == final.year && $0.resilience != nil }
        #expect(facilities.all { $0.name == "rect" && $0.classes.contains("bar") }.count == defined.count)
    }

    @Test func strandedChartHasTwoBarsPerScenarioAndStressAndItsMarkers() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let risk = try #require(fixture.report.analysis?.stranded)
        let chart = try #require(root.element(id: "stranded-chart"))
        let bars = chart.all { $0.name == "rect" && $0.classes.contains("bar") }
        #expect(bars.count == 2 * (risk.scenarios.count + risk.stressWorkloads.count))
        #expect(bars.filter { $0.attributes["data-kind"] == "scenario" }.count == 2 * risk.scenarios.count)
        let markers = chart.all { $0.name == "line" && $0.classes.contains("marker") }.flatMap(\.classes)
        for marker in ["book", "expected", "cvar", "worst-stress"] {
            #expect(markers.contains(marker), "marker \(marker)")
        }
        let final = try #require(risk.fleet.last)
        #expect(chart.text.contains("CVaR \(Format.money(final.stranded.cvar))"))
        // Every scenario is labelled with its probability.
        let plan = try #require(fixture.report.result.plan)
        for weight in plan.scenarioWeights { #expect(chart.text.contains("p = \(Format.percent(weight))")) }
    }

    @Test func assumptionsListEveryInputAndTheSolveStatistics() async throws {
        let fixture = try await Self.bundled.value
        let root = try HTMLTree.parse(fixture.html)
        let study = fixture.report.study
        func bodyRows(_ id: String) throws -> [HTMLTree.Node] {
            try #require(root.element(id: id)).all { $0.name == "tbody" }.flatMap {
                $0.children.filter { $0.name == "tr" }
            }
        }
        #expect(try bodyRows("assumptions-scenarios").count == study.scenarios.count)
        #expect(try bodyRows("assumptions-facilities").count == study.facilities.count)
        #expect(try bodyRows("assumptions-hardware").count == study.hardware.count)
        #expect(try bodyRows("assumptions-workloads").count == study.workloads.count)
        #expect(try bodyRows("assumptions-tenants").count == study.tenants.count)
        let settings = try #require(root.element(id: "assumptions-settings")).text
        for text in [
            "Horizon", "Discount rate", Format.percent(study.discountRate), "Capital budget", "Breakeven", "CVaR",
        ] {
            #expect(settings.contains(text), "settings lack \(text)")
        }
        let statistics = try #require(root.element(id: "solve-statistics")).text
        let size = fixture.report.result.investment.size
        for text in [
            "optimal", Format.grouped(Double(size.rows)), Format.grouped(Double(size.columns)),
            Format.grouped(Double(size.nonzeros)), Format.grouped(Double(fixture.report.result.iterations)),
        ] {
            #expect(statistics.contains(text), "statistics lack \(text)")
        }
        let facilities = try #require(root.element(id: "assumptions-facilities")).text
        #expect(facilities.contains("PUE") && facilities.contains("USD/MWh"))
    }

    @Test func textIsEscaped() async throws {
        let fixture = try await Self.bundled.value
        #expect(!fixture.html.contains(Self.displayedPath))
        #expect(fixture.html.contains("Models/&lt;baseline&gt; &amp; &quot;co&quot;.yaml"))
        #expect(fixture.html.contains("placement &lt;test&gt;"))
        let root = try HTMLTree.parse(fixture.html)
        #expect(root.first { $0.name == "title" }?.text.contains(Self.displayedPath) == true)
        #expect(HTMLReport.escape("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&#39;\u{fffd}")
        #expect(
            HTMLReport.escape("x\u{1B}]0;T\u{7}\r\nFAKE\u{202E}y\u{9B}")
                == "x\u{fffd}]0;T\u{fffd}&#13;\nFAKE\u{fffd}y\u{fffd}")
    }

    // MARK: Forty facilities

    @Test func fortyFacilityReportScales() throws {
        let fixture = try Self.forty.get()
        let root = try HTMLTree.parse(fixture.html)
        let study = fixture.report.study
        #expect(study.facilities.count == 40)
        let plan = try #require(fixture.report.result.plan)
        let withCapacity = Set(plan.fleetYears.filter { $0.capacity > 0 }.map(\.facility))
        #expect(withCapacity.count >= 5, "the generated study should spread capacity, got \(withCapacity.count)")
        // Capacity: one small chart per facility with capacity, each the same size.
        let panels = try #require(root.element(id: "capacity")).all {
            $0.name == "svg" && $0.classes.contains("capacity-chart")
        }
        #expect(panels.count == withCapacity.count)
        #expect(Set(panels.compactMap { $0.attributes["width"] }).count == 1)
        // The matrix: 40 columns whose rotated labels are at least 18 px apart, a reasonable width.
        let matrix = try #require(root.element(id: "service-matrix"))
        let columnX = matrix.all { $0.name == "text" && $0.classes.contains("column-label") }.compactMap {
            $0.attributes["x"].flatMap(Double.init)
        }
        #expect(columnX.count == 40)
        #expect(zip(columnX, columnX.dropFirst()).allSatisfy { $1 - $0 >= 18 })
        let width = try #require(matrix.attributes["width"].flatMap(Double.init))
        #expect(width <= 1400, "matrix is \(width) px wide")
        let zones = Set(matrix.all { $0.classes.contains("cell") }.compactMap { $0.attributes["data-zone"] })
        #expect(matrix.all { $0.classes.contains("cell") }.count == 40 * zones.count)
        // Heat-map rows stay 22 px apart however many facilities there are.
        let heat = try #require(root.element(id: "utilization-scenarios"))
        let rowY = Set(heat.all { $0.classes.contains("cell") }.compactMap { $0.attributes["y"].flatMap(Double.init) })
            .sorted()
        #expect(rowY.count == withCapacity.count + 1)
        #expect(zip(rowY, rowY.dropFirst()).allSatisfy { $1 - $0 >= 20 })
        // Facility and region names with markup are escaped and parse back.
        #expect(fixture.html.contains("Site 7 &lt;A&amp;B&gt;"))
        #expect(!fixture.html.contains("<A&B>"))
        #expect(try bodyRowCount(root, "assumptions-facilities") == 40)
    }

    private func bodyRowCount(_ root: HTMLTree.Node, _ id: String) throws -> Int {
        try #require(root.element(id: id)).all { $0.name == "tbody" }.flatMap { $0.children.filter { $0.name == "tr" } }
            .count
    }
}

/// A minimal DOM built with Foundation's XMLParser: parsing fails on any markup error.
enum HTMLTree {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var ownText = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

        /// The text of this node and every descendant.
        var text: String { ownText + children.map(\.text).joined() }

        /// Every descendant (not this node) matching `predicate`, in document order.
        func all(_ predicate: (Node) -> Bool) -> [Node] {
            children.flatMap { child in (predicate(child) ? [child] : []) + child.all(predicate) }
        }

        func first(_ predicate: (Node) -> Bool) -> Node? {
            for child in children {
                if predicate(child) { return child }
                if let found = child.first(predicate) { return found }
            }
            return nil
        }

        func element(id: String) -> Node? { first { $0.attributes["id"] == id } }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses the page from its `<html` tag (the HTML5 doctype is not XML).
    static func parse(_ html: String) throws -> Node {
        guard let start = html.range(of: "<html") else { throw ParseError(description: "no <html> element") }
        let parser = XMLParser(data: Data(html[start.lowerBound...].utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): "
                    + "\(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = Node(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.ownText += string
        }
    }
}
