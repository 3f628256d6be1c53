import Foundation
import PlacementTestSupport
import Testing

/// `compare --format xlsx` run as a subprocess against a saved result whose facility is renamed to
/// a formula: the sheets hold the JSON's rows and figures, the name stays a string cell, the
/// clustered chart of installed IT MW is there, and two runs give the same bytes.
@Suite(.serialized)
struct ComparisonWorkbookTests {
    static let hostile = #"=HYPERLINK("http://x","y")"#
    static let sheets = [
        "Summary", "Materiality", "Capacity", "Installed IT MW", "Utilization", "Resilience", "Stranded and at risk",
        "Limits", "Reachability",
    ]

    /// The cell of `row` in the 0-based `column` (A to Z): empty cells are not in the sheet XML.
    static func cell(_ row: [XLSXPackage.Cell], _ column: Int) -> XLSXPackage.Cell? {
        let letter = String(UnicodeScalar(UInt8(65 + column)))
        return row.first { $0.reference.hasPrefix(letter) && $0.reference.dropFirst().allSatisfy(\.isNumber) }
    }

    /// A figure's base, changed and difference cells from `column` on against the JSON's figure;
    /// a null in the JSON is an empty cell.
    static func expectFigure(
        _ row: [XLSXPackage.Cell], from column: Int, _ json: Any?, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let figure = json as? [String: Any]
        for (offset, key) in ["base", "changed", "difference"].enumerated() {
            let cell = Self.cell(row, column + offset)
            if figure?[key] is NSNull {
                #expect(cell == nil, "\(key)", sourceLocation: sourceLocation)
            } else {
                WorkbookOutputTests.expectSame(cell, figure?[key], sourceLocation: sourceLocation)
            }
        }
    }

    @Test func compareWritesTheRowsOfItsJSONAndAFormulaNameStaysText() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let saved = try cli.run(["optimize", CommandLineRun.study, "--format", "json", "-o", "a.json"])
        #expect(saved.status == 0, "\(saved.error)")
        let renamed = try cli.read("a.json").replacingOccurrences(
            of: #""riyadh-hexagon""#, with: #""=HYPERLINK(\"http://x\",\"y\")""#)
        try cli.write("b.json", renamed)
        #expect(try cli.run(["compare", "a.json", "b.json", "--format", "json", "-o", "c.json"]).status == 0)
        let run = try cli.run(["compare", "a.json", "b.json", "--format", "xlsx", "-o", "c.xlsx"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.isEmpty)
        #expect(try cli.run(["compare", "a.json", "b.json", "--format", "xlsx", "-o", "d.xlsx"]).status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: cli.path("c.xlsx")))
                == Data(contentsOf: URL(fileURLWithPath: cli.path("d.xlsx"))))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.read("c.json").utf8)) as? [String: Any])
        let book = try XLSXPackage(path: cli.path("c.xlsx"))
        #expect(book.sheetNames == Self.sheets)

        let summary = try book.rows(of: "Summary")
        #expect(summary[1].map(\.value) == ["result", "a.json", "b.json"])
        let npv = try #require(summary.first { $0.first?.value == "expected NPV" })
        Self.expectFigure(npv, from: 1, json["expected_npv_usd"])
        let capex = try #require(summary.first { $0.first?.value == "capex" })
        Self.expectFigure(capex, from: 1, json["capex_usd"])
        let material = (json["capex_usd"] as? [String: Any])?["material"] as? Bool
        #expect(Self.cell(capex, 4)?.value == (material == true ? "yes" : "no"))

        let capacity = try #require(json["capacity"] as? [[String: Any]])
        let capacityRows = try book.rows(of: "Capacity")
        #expect(!capacity.isEmpty)
        #expect(capacityRows.count == capacity.count + 1)
        for (row, change) in zip(capacityRows.dropFirst(), capacity) {
            #expect(Self.cell(row, 0)?.value == change["facility"] as? String)
            #expect(Self.cell(row, 1)?.value == change["hardware"] as? String)
            WorkbookOutputTests.expectSame(Self.cell(row, 2), change["year"])
            Self.expectFigure(row, from: 3, change["built"])
            Self.expectFigure(row, from: 6, change["installed"])
            Self.expectFigure(row, from: 9, change["it_mw"])
        }
        // The renamed facility is a string cell, never a formula, wherever it appears.
        let named = capacityRows.joined().filter { $0.value == Self.hostile }
        #expect(!named.isEmpty)
        #expect(named.allSatisfy { $0.type == "s" })
        for sheet in Self.sheets {
            #expect(try book.rows(of: sheet).joined().allSatisfy { $0.formula == nil }, "\(sheet)")
        }

        for (sheet, key) in [
            ("Utilization", "utilization"), ("Resilience", "resilience"), ("Stranded and at risk", "stranded_assets"),
            ("Reachability", "demand_reachability"),
        ] {
            let list = try #require(json[key] as? [Any])
            #expect(try book.rows(of: sheet).count == list.count + 1, "\(sheet)")
        }
        let stranded = try #require(json["stranded_assets"] as? [[String: Any]])
        if let first = stranded.first {
            let row = try book.rows(of: "Stranded and at risk")[1]
            Self.expectFigure(row, from: 2, first["book_value_usd"])
            Self.expectFigure(row, from: 5, first["stranded_expected_usd"])
        }
        let limits = try #require(json["power_limits"] as? [Any])
        #expect(try book.rows(of: "Limits").count == limits.count + 1 + (json["budget"] is NSNull ? 0 : 1))

        // Installed IT MW in the final year: the old name only in the base, the new only in the changed.
        let installed = try book.rows(of: "Installed IT MW")
        let old = try #require(installed.first { $0.first?.value == "riyadh-hexagon" })
        let new = try #require(installed.first { $0.first?.value == Self.hostile })
        #expect(new.first?.type == "s")
        #expect(Self.cell(old, 1)?.value.flatMap(Double.init) ?? 0 > 0)
        #expect(Self.cell(old, 2)?.value.flatMap(Double.init) == 0)
        #expect(Self.cell(new, 1)?.value.flatMap(Double.init) == 0)
        #expect(Self.cell(new, 2)?.value == Self.cell(old, 1)?.value)

        let charts = try book.charts.map { try book.text($0) }
        #expect(charts.count == 1)
        #expect(charts.first?.contains("<c:grouping val=\"clustered\"/>") == true)
        #expect(charts.first?.contains("'Installed IT MW'!$C$2") == true)
        let styles = try book.text("xl/styles.xml")
        for format in ["#,##0", "0.0%", "#,##0.000", "#,##0.0", "0"] {
            #expect(styles.contains("formatCode=\"\(format)\""), "\(format)")
        }
        #expect(try cli.names() == ["study", "a.json", "b.json", "c.json", "c.xlsx", "d.xlsx"])
    }

    /// An adaptive plan lists a capacity row per scenario: the sheet added them up (389.76 MW at a
    /// 300 MW site, found by hostile use) where the HTML weighs each by its probability. Both weigh.
    @Test func anAdaptivePlansInstalledMWIsExpectedOverItsScenarios() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let first = try cli.run(["optimize", CommandLineRun.study, "--format", "json", "-o", "a.json"])
        try #require(first.status == 0, "\(first.error)")
        try cli.makeStudyAdaptive()
        let adaptive = try cli.run(["optimize", CommandLineRun.study, "--format", "json", "-o", "ad.json"])
        try #require(adaptive.status == 0, "\(adaptive.error)")
        let compare = try cli.run(["compare", "a.json", "ad.json", "--format", "xlsx", "-o", "c.xlsx"])
        try #require(compare.status == 0, "\(compare.error)")

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("ad.json").utf8)) as? [String: Any])
        let probability = Dictionary(
            uniqueKeysWithValues: try #require(json["scenarios"] as? [[String: Any]]).map {
                ($0["id"] as? String ?? "", $0["probability"] as? Double ?? 0)
            })
        let rows = try #require(json["capacity"] as? [[String: Any]])
        let final = rows.compactMap { $0["year"] as? Int }.max()
        var expected: [String: Double] = [:]
        for row in rows where row["year"] as? Int == final {
            let weight = probability[row["scenario"] as? String ?? ""] ?? 0
            expected[row["facility"] as? String ?? "", default: 0] += (row["it_mw"] as? Double ?? 0) * weight
        }
        let book = try XLSXPackage(path: cli.path("c.xlsx"))
        let sheet = try book.rows(of: "Installed IT MW").dropFirst()
        #expect(!sheet.isEmpty)
        for row in sheet {
            let facility = try #require(row.first?.value)
            let changed = try #require(Self.cell(row, 2)?.value.flatMap(Double.init))
            let want = expected[facility] ?? 0
            #expect(abs(changed - want) <= 1e-9 * max(1, want), "\(facility): \(changed) against \(want)")
        }
    }

    @Test func compareRefusesStandardOutputAndAnInput() throws {
        let cli = try CommandLineRun()
        defer { cli.remove() }
        let study = CommandLineRun.study
        let standard = try cli.run(["compare", study, study, "--format", "xlsx"])
        #expect(standard.status == 64)
        #expect(standard.error.contains("--format xlsx writes a binary workbook"))
        let before = try cli.read(study)
        let input = try cli.run(["compare", study, study, "--format", "xlsx", "-o", study])
        #expect(input.status == 64)
        #expect(try cli.read(study) == before)
    }
}
