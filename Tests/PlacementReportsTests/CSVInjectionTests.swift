import PlacementReports
import Testing

/// Every CSV cell of text that a spreadsheet would run as a formula starts with `'`; numbers stay numbers.
@Suite struct CSVInjectionTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+cmd|'/c calc'!A1", "'+cmd|'/c calc'!A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("-inf", "'-inf"),
        ("-", "'-"),
        ("-5", "-5"),
        ("-1.5e-05", "-1.5e-05"),
        ("+7", "+7"),
        ("gpu-h200", "gpu-h200"),
        ("a,b", "\"a,b\""),
    ])
    func aFormulaIsWrittenAsText(field: String, written: String) {
        #expect(CSVTable.escape(field) == written)
    }

    @Test func aTableEscapesEveryCell() {
        var table = CSVTable(header: ["name", "value"])
        table.append(["=1+1", CSVTable.number(-3)])
        #expect(table.text == "name,value\n'=1+1,-3\n")
    }
}
