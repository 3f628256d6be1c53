import Foundation
import PlacementTestSupport
import PlacementWorkbook
import Testing

/// Workbooks rendered by libxlsxwriter and read back: strings stay strings, numbers keep their
/// formats, charts are there, and the bytes do not depend on the clock.
struct WorkbookTests {
    static func sample(name: String = "=HYPERLINK(\"http://example.com\",\"x\")") -> Workbook {
        var table = Worksheet(
            name: "Capacity",
            columns: [
                WorkbookColumn("facility"), WorkbookColumn("year"), WorkbookColumn("h100 (accelerators)"),
                WorkbookColumn("b200 (accelerators)"), WorkbookColumn("capex (USD)"), WorkbookColumn("share"),
                WorkbookColumn("IT power (MW)"), WorkbookColumn("index"),
            ],
            charts: [
                WorkbookChart(
                    kind: .stackedColumn, title: "Installed accelerators", categories: 0, values: [2, 3],
                    categoryAxis: "facility", valueAxis: "accelerators"),
                WorkbookChart(
                    kind: .line, title: "Share", categories: 1, values: [5], categoryAxis: "year", valueAxis: "share",
                    valueFormat: .percent),
            ])
        table.append([
            .text(name), .number(2026, .integer), .number(12.5, .quantity), .number(3, .quantity),
            .number(1_234_567.891, .usd), .number(0.8125, .percent), .number(4.2, .megawatts),
            .number(0.123456789, .decimal),
        ])
        table.append([
            .text("plain"), .number(2027, .integer), .number(nil, .quantity), .empty, .number(0.1 + 0.2, .usd),
            .number(.nan, .percent),
        ])
        return Workbook(
            title: "Sample", sheets: [Worksheet(name: "Summary", columns: [WorkbookColumn("item")]), table])
    }

    static func written(_ workbook: Workbook) throws -> (XLSXPackage, URL) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString).xlsx")
        try workbook.xlsx().write(to: file)
        return (try XLSXPackage(path: file.path), file)
    }

    @Test func aNameBeginningWithEqualsIsAStringCellNotAFormula() throws {
        let hostile = "=HYPERLINK(\"http://example.com\",\"x\")"
        let (book, file) = try Self.written(Self.sample(name: hostile))
        defer { try? FileManager.default.removeItem(at: file) }
        let rows = try book.rows(of: "Capacity")
        let cell = try #require(rows[1].first)
        #expect(cell.type == "s" || cell.type == "inlineStr")
        #expect(cell.value == hostile)
        #expect(rows.joined().allSatisfy { $0.formula == nil })
        #expect(!(try book.text("xl/worksheets/sheet2.xml")).contains("<f>"))
    }

    @Test func numbersAreNumbersWithTheirFormatsAndEmptyCellsStayEmpty() throws {
        let (book, file) = try Self.written(Self.sample())
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(book.sheetNames == ["Summary", "Capacity"])
        let rows = try book.rows(of: "Capacity")
        #expect(rows.count == 3)
        #expect(rows[0].map(\.value) == Self.sample().sheets[1].columns.map(\.header))
        #expect(rows[1].map(\.reference) == ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2"])
        #expect(rows[1].dropFirst().allSatisfy { $0.type == nil })
        #expect(rows[1][4].value.flatMap(Double.init) == 1_234_567.891)
        #expect(rows[1][5].value.flatMap(Double.init) == 0.8125)
        // nil, .empty and NaN write no cell at all.
        #expect(rows[2].map(\.reference) == ["A3", "B3", "E3"])
        let styles = try book.text("xl/styles.xml")
        for format in ["#,##0", "0.0%", "#,##0.000", "#,##0.0", "0.0000"] {
            #expect(styles.contains("formatCode=\"\(format)\""), "\(format)")
        }
    }

    @Test func headersAreFrozenFilteredAndColumnsSized() throws {
        let (book, file) = try Self.written(Self.sample())
        defer { try? FileManager.default.removeItem(at: file) }
        let sheet = try book.text("xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:H3\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width="))
    }

    @Test func chartsAreNativeAndReadTheirSheet() throws {
        let (book, file) = try Self.written(Self.sample())
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(book.charts.count == 2)
        let charts = try book.charts.map { try book.text($0) }
        let stacked = try #require(charts.first { $0.contains("<c:barChart>") })
        #expect(stacked.contains("<c:grouping val=\"stacked\"/>"))
        #expect(stacked.contains("<c:f>Capacity!$C$2:$C$3</c:f>"))
        #expect(stacked.contains("<c:f>Capacity!$C$1</c:f>"))
        #expect(charts.contains { $0.contains("<c:lineChart>") })
    }

    @Test func aRangeBarIsAStackedBarWhoseStartIsInvisible() throws {
        let chart = WorkbookChart(
            kind: .rangeBar, title: "Capital", categories: 0, values: [1, 2], categoryAxis: "facility",
            valueAxis: "capital (USD)", valueFormat: .usd)
        let sheet = Worksheet(
            name: "Ranges", headers: ["facility", "least (USD)", "range (USD)"],
            rows: [
                [.text("a"), .number(1, .usd), .number(2, .usd)], [.text("b"), .number(0, .usd), .number(5, .usd)],
            ],
            charts: [chart])
        let (book, file) = try Self.written(Workbook(title: "x", sheets: [sheet]))
        defer { try? FileManager.default.removeItem(at: file) }
        let xml = try book.text(try #require(book.charts.first))
        #expect(xml.contains("<c:barDir val=\"bar\"/>") && xml.contains("<c:grouping val=\"stacked\"/>"))
        // The start series (the first) has no fill and no line; the length has both. No legend: a
        // legend entry of the start alone deleted shows in LibreOffice as the start's name.
        let series = xml.components(separatedBy: "<c:ser>").dropFirst()
        #expect(series.count == 2)
        #expect(series.first?.contains("<a:noFill/>") == true)
        #expect(series.last?.contains("<a:noFill/>") == false)
        #expect(!xml.contains("<c:legend>"))
        // Printed landscape, one page wide, so the chart right of the table is not cut.
        let page = try book.text("xl/worksheets/sheet1.xml")
        #expect(page.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(page.contains("orientation=\"landscape\"") && page.contains("fitToHeight=\"0\""))
        // The values, and their format, are on the horizontal axis.
        let valueAxis = try #require(xml.components(separatedBy: "<c:valAx>").last)
        #expect(valueAxis.contains("formatCode=\"#,##0\"") && valueAxis.contains("capital (USD)"))

        var oneValue = sheet
        oneValue.charts[0].values = [1]
        #expect(throws: WorkbookError.self) { try Workbook(title: "x", sheets: [oneValue]).xlsx() }
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let first = try Self.sample().xlsx()
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.sample().xlsx()
        #expect(first == second)
        let (book, file) = try Self.written(Self.sample())
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try book.text("docProps/core.xml").contains("2026-01-01T00:00:00Z"))
    }

    @Test func sheetsExcelWouldRejectAreRefusedBeforeAnyFile() throws {
        let bad = [
            Workbook(title: "x", sheets: []),
            Workbook(title: "x", sheets: [Worksheet(name: "a/b", columns: [WorkbookColumn("x")])]),
            Workbook(
                title: "x", sheets: [Worksheet(name: String(repeating: "n", count: 32), columns: [WorkbookColumn("x")])]
            ),
            Workbook(
                title: "x",
                sheets: [
                    Worksheet(name: "S", columns: [WorkbookColumn("x")]),
                    Worksheet(name: "s", columns: [WorkbookColumn("y")]),
                ]),
            Workbook(
                title: "x",
                sheets: [
                    Worksheet(
                        name: "S", columns: [WorkbookColumn("x")], rows: [[.text("a")]],
                        charts: [
                            WorkbookChart(
                                kind: .line, title: "t", categories: 0, values: [3], categoryAxis: "", valueAxis: "")
                        ])
                ]),
            Workbook(
                title: "x",
                sheets: [Worksheet(name: "S", columns: [WorkbookColumn("x")], rows: [[.text("a"), .text("b")]])]),
        ]
        for workbook in bad {
            #expect(throws: WorkbookError.self) { try workbook.xlsx() }
        }
    }
}
