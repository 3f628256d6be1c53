import PlacementReports
import Testing

/// Every CSV cell of text that a spreadsheet would run as a formula starts with `'`; numbers stay
/// numbers. JSON strings escape what a terminal would run.
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

    /// JSON text printed to a terminal is inert too: C1 and bidirectional characters are written
    /// as `\uXXXX` escapes (the same string to any JSON reader).
    @Test func jsonEscapesTerminalControls() {
        let text = JSONValue.string("a\u{1B}[2J\u{9B}31m\u{202E}b\u{7F}").compact()
        #expect(text == #""a\u001b[2J\u009b31m\u202eb\u007f""#)
    }
}
