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
        #expect(Format.money(1e30).hasPrefix("999,999,999,999,999,") && Format.money(1e30).hasSuffix(".00 B"))
        #expect(Format.grouped(.infinity) == "-")
        let huge = Format.grouped(1.7e308)
        #expect(huge.hasPrefix("169,999,999,999,999,993,883") && huge.count == 309 + 102)
    }
}
