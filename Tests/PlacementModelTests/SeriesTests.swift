import PlacementModel
import Testing

/// Year-keyed values: carry-forward series and interpolated demand, computed by hand.
@Suite("Year-keyed values")
struct SeriesTests {
    @Test func seriesCarriesForwardWithACallerDefaultBeforeTheFirstYear() {
        let power = YearSeries([2028: 1000, 2026: 200])
        #expect(power.years == [2026, 2028])
        #expect(power.value(in: 2025, default: 0) == 0)
        #expect(power.value(in: 2026, default: 0) == 200)
        #expect(power.value(in: 2027, default: 0) == 200)
        #expect(power.value(in: 2028, default: 0) == 1000)
        #expect(power.value(in: 2040, default: 0) == 1000)
        #expect(YearSeries([2027: 1.5]).value(in: 2026, default: 1) == 1)
        #expect(YearSeries().value(in: 2030, default: 1) == 1)
    }

    @Test func settingAYearInsertsItInOrder() {
        var series = YearSeries([2026: 1, 2030: 5])
        series.set(3, for: 2028)
        series.set(2, for: 2026)
        #expect(series.years == [2026, 2028, 2030])
        #expect(series.values == [2, 3, 5])
        #expect(series.listedValue(for: 2028) == 3 && series.listedValue(for: 2029) == nil)
    }

    @Test func demandGrowsGeometricallyBetweenListedYears() {
        let demand = DemandCurve(YearSeries([2026: 100, 2028: 400, 2030: 400]))
        #expect(demand.units(in: 2025) == 100)
        #expect(demand.units(in: 2026) == 100)
        #expect(abs(demand.units(in: 2027) - 200) < 1e-9)  // sqrt(100 * 400)
        #expect(demand.units(in: 2029) == 400)
        #expect(demand.units(in: 2035) == 400)
        let thirds = DemandCurve(YearSeries([2026: 8, 2029: 1]))
        #expect(abs(thirds.units(in: 2027) - 4) < 1e-12)  // 8 * (1/8)^(1/3)
        #expect(abs(thirds.units(in: 2028) - 2) < 1e-12)
    }

    @Test func demandIsLinearWhenAnEndPointIsZero() {
        let rising = DemandCurve(YearSeries([2026: 0, 2030: 400]))
        #expect(rising.units(in: 2027) == 100)
        #expect(rising.units(in: 2029) == 300)
        let falling = DemandCurve(YearSeries([2026: 90, 2029: 0]))
        #expect(falling.units(in: 2027) == 60)
        #expect(DemandCurve(YearSeries()).units(in: 2027) == 0)
    }
}
