import PlacementReports
import Testing

/// Number formatting for tables: every finite double prints, however large (a demand of 1e19
/// units trapped in an Int64 conversion).
@Suite struct FormatTests {
    @Test func groupsDigitsOfOrdinaryNumbers() {
        #expect(Format.grouped(1_234_567.4) == "1,234,567")
        #expect(Format.grouped(-1_234.567, decimals: 2) == "-1,234.57")
        #expect(Format.grouped(0.004, decimals: 2) == "0.00")
        #expect(Format.money(2.5e9) == "2.50 B")
        #expect(Format.percent(0.1234) == "12.3%")
    }

    @Test func numbersBeyondInt64PrintInFull() {
        #expect(Format.grouped(1e19) == "10,000,000,000,000,000,000")
        #expect(Format.grouped(-1.5e19, decimals: 1) == "-15,000,000,000,000,000,000.0")
        #expect(Format.grouped(9.3e18) == "9,300,000,000,000,000,000")
        #expect(Format.money(1e30) == "1.000e+21 B")
        #expect(Format.grouped(.infinity) == "-")
        #expect(Format.grouped(1.7e308) == "1.700e+308")
        #expect(Format.grouped(-1.7e308, decimals: 2) == "-1.700e+308")
        #expect(Format.percent(-1e300) == "-1.000e+302%")
    }
}
