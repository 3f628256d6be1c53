import Foundation
import PlacementModel
import PlacementRisk
import PlacementTestSupport
import PlacementWorkbook
import Testing

@testable import PlacementReports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report's "Risk over sampled paths" section and the risk workbook, drawn from a risk
/// report built by hand, so every bin count and marker is derived here.
///
/// Ten paths, each weighing 1/10, over the years 2026 and 2027:
/// - NPV (M USD) 7, -3, 12, 0, 5, 9, -8, 2, 15, 1: mean 4. The study's two scenarios ("base"
///   4, "bust" -12, probability 1/2 each) are marked. The bins cover -12 to 15 (a span of 27
///   over about 5 bins, the square root rule's minimum): the first round width at least 5.4 is
///   10, from -20: [-20, -10) 0 paths, [-10, 0) 2 (-8, -3), [0, 10) 6, [10, 20) 2 (12, 15);
///   "bust" is in the first bin, "base" in the third.
/// - Utilization in 2026 of path i is i/10: P5 is the 1st smallest (10%), P25 the 3rd (30%),
///   P50 the 5th (50%), P75 the 8th (80%), P95 the 10th (100%). In 2027 every path is at 50%.
/// - Stranded in 2027 of path i is i M USD (mean 5.5); the scenarios strand 0 and 20. Span 20
///   over 5 bins: width 5 from 0: [0, 5) 4 paths, [5, 10) 5, [10, 15) 1, [15, 20) 0, [20, 25) 0.
@Suite struct RiskSectionTests {
    static func figures(_ id: String, probability: Double, npv: Double, use: Double, stranded: Double)
        -> ScenarioFigures
    {
        ScenarioFigures(
            scenario: ScenarioID(id), probability: probability, npv: npv * 1e6,
            fleet: [
                .init(year: 2026, utilization: use, stranded: 0, atRisk: 0),
                .init(year: 2027, utilization: 0.5, stranded: stranded * 1e6, atRisk: stranded * 2e6),
            ],
            belowBreakevenFinalYear: use < 0.6)
    }

    static let npvs: [Double] = [7, -3, 12, 0, 5, 9, -8, 2, 15, 1]

    static var report: RiskReport {
        let paths = npvs.enumerated().map { i, npv in
            figures(
                String(format: "path-%05d", i + 1), probability: 0.1, npv: npv, use: Double(i + 1) / 10,
                stranded: Double(i + 1))
        }
        let inSample = [
            figures("base", probability: 0.5, npv: 4, use: 0.7, stranded: 0),
            figures("bust", probability: 0.5, npv: -12, use: 0.2, stranded: 20),
        ]
        return RiskReport(
            studyPath: "tiny.yaml", alpha: 0.9, seed: 7, sampler: "latin-hypercube", paths: paths, inSample: inSample)
    }

    @Test func binsAndMarkersAreTheHandDerivedOnes() throws {
        #expect(RiskHistogram(Self.report.paths.map(\.npv), covering: [4e6, -12e6]).bins.map(\.count) == [0, 2, 6, 2])
        var html = HTMLReport(OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(TinyStudy().study())))
        #expect(!html.rendered().contains("id=\"risk\""))
        html.risk = Self.report
        let page = html.rendered()
        #expect(page == html.rendered())
        #expect(page.contains("<h2>7. Risk over sampled paths</h2>") && page.contains("href=\"#risk\""))
        // The page stays well-formed XML.
        _ = try XMLDocument(xmlString: page)

        let npv = try Self.svg(page, id: "risk-npv-histogram")
        #expect(
            Self.bars(npv) == [
                ["-20000000", "-10000000", "0"], ["-10000000", "0", "2"], ["0", "10000000", "6"],
                ["10000000", "20000000", "2"],
            ])
        #expect(Self.attributes("data-scenario", in: npv) == ["base", "bust"])
        #expect(Self.attributes("data-value", in: npv) == ["4000000", "-12000000", "4000000"])

        let stranded = try Self.svg(page, id: "risk-stranded-histogram")
        #expect(Self.bars(stranded).map { $0[2] } == ["4", "5", "1", "0", "0"])
        #expect(Self.attributes("data-value", in: stranded) == ["0", "20000000", "5500000"])

        let fan = try Self.svg(page, id: "risk-utilization-fan")
        #expect(fan.contains("2026: P5 10.0%, P25 30.0%, median 50.0%, P75 80.0%, P95 100.0%"))
        #expect(fan.contains("2027: P5 50.0%, P25 50.0%, median 50.0%, P75 50.0%, P95 50.0%"))
        #expect(fan.contains("class=\"fan-p5-p95\"") && fan.contains("class=\"fan-median\""))

        // The table: in-sample expected NPV (4 - 12) / 2 = -4 M, out-of-sample 4 M; P(below
        // breakeven) in-sample is "bust" alone (1/2), out-of-sample the five paths under 60% (1/2).
        let table = try #require(page.components(separatedBy: "<table id=\"risk-table\"").last)
        #expect(table.contains("<td class=\"text\">expected NPV (USD)</td><td class=\"num\">-4.0 M</td>"))
        #expect(table.contains("<td class=\"num\">4.0 M</td>"))
    }

    @Test func theWorkbookHoldsTheBinsPathsAndCharts() throws {
        let report = Self.report
        let (book, file) = try Self.written(report.workbook())
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(
            book.sheetNames == [
                "Summary", "Paths", "In-sample", "NPV histogram", "Utilization fan", "Stranded histogram",
            ])
        let histogram = try book.rows(of: "NPV histogram")
        #expect(histogram.dropFirst().map { $0[3].value } == ["0", "2", "6", "2"])
        #expect(histogram.dropFirst().map { $0[1].value } == ["-20000000", "-10000000", "0", "10000000"])
        #expect(histogram[1].last?.value == "bust" && histogram[3].last?.value == "base")
        let paths = try book.rows(of: "Paths")
        #expect(paths.count == 11)
        #expect(
            paths[0].map(\.value)[0...4] == ["id", "probability", "NPV (USD)", "utilization 2026", "utilization 2027"])
        #expect(paths[1][0].value == "path-00001" && paths[1][2].value == "7000000")
        #expect(paths[10][3].value == "1" && paths[10].last?.value == "no")
        let fan = try book.rows(of: "Utilization fan")
        #expect(fan[1].map(\.value).prefix(6) == ["2026", "0.1", "0.3", "0.5", "0.8", "1"])
        let summary = try book.rows(of: "Summary")
        let expected = try #require(summary.first { $0.first?.value == "expected NPV" })
        #expect(expected[1].value == "-4000000")
        #expect(abs((expected[2].value.flatMap(Double.init) ?? 0) - 4e6) < 1e-6)
        // The seed is an out-of-sample figure: column C (the in-sample cell is empty).
        let seed = try #require(summary.first { $0.first?.value == "seed" })
        #expect(seed.first { $0.reference.hasPrefix("C") }?.value == "7")
        let charts = try book.charts.map { try book.text($0) }
        // The histograms: columns that touch (gap 0), no legend.
        let histograms = charts.filter { $0.contains("<c:barChart>") }
        #expect(histograms.count == 2)
        #expect(histograms.allSatisfy { $0.contains("<c:gapWidth val=\"0\"/>") && !$0.contains("<c:legend>") })
        #expect(charts.filter { $0.contains("<c:lineChart>") }.count == 1)
        #expect(charts.contains { $0.contains("'NPV histogram'!$D$2:$D$5") })
        #expect(try book.text("xl/styles.xml").contains("formatCode=\"0.0%\""))
    }

    @Test func theReportsWorkbookNamesTheRiskSheets() throws {
        var html = HTMLReport(OptimizeReport(studyPath: "tiny.yaml", result: try TestPlanning.run(TinyStudy().study())))
        html.risk = Self.report
        let names = html.workbook().sheets.map(\.name)
        #expect(names.first == "Summary")
        #expect(
            Array(names.suffix(6)) == [
                "Risk summary", "Risk paths", "Risk in-sample", "Risk NPV histogram", "Risk utilization fan",
                "Risk stranded histogram",
            ])
        #expect(names.count == html.report.workbook().sheets.count + 6)
    }

    /// Labels are 0.6 x 10 px a character wide, plus 2 px each side, placed left to right:
    /// "efficiency" at x 5 (+- 32) is moved right to 32 to stay inside the chart, row 0 (to 64);
    /// "video-litigation" (16 characters, 90 +- 50) starts at 40, before 64 + 4: row 1 (to 140);
    /// "base" (100 +- 14) starts at 86, clear of row 0's 68 but not of row 1's 144: row 0;
    /// "far" (400 +- 11): row 0. Without "efficiency", "base" would take row 1 under "video-litigation".
    @Test func markerLabelsDoNotOverlap() {
        let placed = HTMLReport.markerLabels(
            [("base", 100), ("video-litigation", 90), ("far", 400), ("efficiency", 5)], width: 600)
        #expect(placed.map(\.row) == [0, 1, 0, 0])
        #expect(placed.map(\.x) == [100, 90, 400, 32])
        let alone = HTMLReport.markerLabels([("base", 100), ("video-litigation", 90)], width: 600)
        #expect(alone.map(\.row) == [1, 0])
    }

    /// The `<svg id="...">` element of the page.
    static func svg(_ page: String, id: String) throws -> String {
        let start = try #require(page.range(of: "<svg id=\"\(id)\""))
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Each histogram bar's lower edge, upper edge and count, in order.
    static func bars(_ svg: String) -> [[String]] {
        svg.components(separatedBy: "class=\"hist-bar\"").dropFirst().map { bar in
            ["data-lower", "data-upper", "data-count"].map { attributes($0, in: bar).first ?? "" }
        }
    }

    static func attributes(_ name: String, in text: String) -> [String] {
        text.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.split(separator: "\"").first }.map(
            String.init)
    }

    static func written(_ workbook: PlacementWorkbook.Workbook) throws -> (XLSXPackage, URL) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("risk-\(UUID().uuidString).xlsx")
        try workbook.xlsx().write(to: file)
        return (try XLSXPackage(path: file.path), file)
    }
}
