import Testing

@testable import PlacementLoader

/// Path display and scalar syntax, which diagnostics and every number depend on.
@Suite("Loader internals")
struct InternalsTests {
    @Test func referencedPathsAreJoinedAndNormalised() {
        #expect(PathDisplay.resolve("../Regions/india.yaml", from: "Models/baseline.yaml") == "Regions/india.yaml")
        #expect(PathDisplay.resolve("hardware.yaml", from: "Models/baseline.yaml") == "Models/hardware.yaml")
        #expect(PathDisplay.resolve("../Regions/india.yaml", from: "baseline.yaml") == "../Regions/india.yaml")
        #expect(PathDisplay.resolve("../../x.yaml", from: "/a/b/c.yaml") == "/x.yaml")
        #expect(PathDisplay.resolve("/abs/x.yaml", from: "Models/baseline.yaml") == "/abs/x.yaml")
        #expect(
            PathDisplay.resolve("./sweeps/../hardware.yaml", from: "./Models/baseline.yaml") == "Models/hardware.yaml")
    }

    @Test(arguments: [
        ("9.2e6", 9.2e6), ("1_000", 1000), (".5", 0.5), ("-3", -3), ("+4", 4), ("5.", 5), ("1E-3", 0.001),
    ])
    func numbersInEveryAcceptedNotation(text: String, value: Double) {
        #expect(ScalarSyntax.number(text) == .finite(value))
    }

    @Test(arguments: ["", "abc", "1,000", "0x10", "_1", "1_", "1__0", "1e", "--1", "1.2.3", "NO", "true", "2026-01-01"])
    func textThatIsNotANumber(text: String) {
        #expect(ScalarSyntax.number(text) == .notANumber)
    }

    @Test(arguments: [".inf", "-.inf", ".NaN", "1e999", "-1e400"])
    func nonFiniteNumbers(text: String) {
        #expect(ScalarSyntax.number(text) == .nonFinite)
    }

    @Test func preScanIgnoresBracketsInQuotesCommentsAndBlockScalars() {
        let scan = StructurePreScan(maximumDepth: 3)
        let text = """
            a: "[[[[[["
            b: '{{{{{{' # [[[[[[
            c: |
              [[[[[[[[
              *alias: x
            d: [1, [2]]
            e: value*with[brackets
            """
        #expect(scan.check(Array(text.utf8)) == nil)
        #expect(scan.check(Array("a: [[[[1]]]]".utf8))?.column == 6)
    }
}
