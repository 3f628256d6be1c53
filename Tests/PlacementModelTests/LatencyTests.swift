import PlacementModel
import Testing

/// Haversine distances and round-trip estimates.
@Suite("Latency")
struct LatencyTests {
    static let london = GeoCoordinate(latitude: 51.5074, longitude: -0.1278)
    static let paris = GeoCoordinate(latitude: 48.8566, longitude: 2.3522)

    @Test func haversineMatchesKnownDistances() {
        // London-Paris by the haversine formula with R = 6371.0 km: 343.56 km.
        #expect(abs(Self.london.greatCircleKilometres(to: Self.paris) - 343.56) < 0.01)
        // A quarter of the equator: pi/2 * 6371.
        let quarter = GeoCoordinate(latitude: 0, longitude: 0)
            .greatCircleKilometres(to: GeoCoordinate(latitude: 0, longitude: 90))
        #expect(abs(quarter - Double.pi / 2 * 6371) < 1e-9)
        #expect(Self.paris.greatCircleKilometres(to: Self.paris) == 0)
        let antipodes = GeoCoordinate(latitude: 10, longitude: 20)
            .greatCircleKilometres(to: GeoCoordinate(latitude: -10, longitude: -160))
        #expect(abs(antipodes - Double.pi * 6371) < 1e-3)  // asin loses digits near 1: within a metre
    }

    @Test func estimateIsTwiceTheRouteInFibrePlusBase() {
        #expect(LatencySettings().estimatedRTTMs(kilometres: 1000) == 20)
        #expect(LatencySettings(routeFactor: 2, baseMs: 1).estimatedRTTMs(kilometres: 500) == 11)
        #expect(LatencySettings().estimatedRTTMs(kilometres: 0) == 4)
    }

    @Test func tableUsesMeasuredValuesAndEstimatesTheRest() {
        let zone = Zone(id: "london", region: "europe", jurisdiction: "GB", location: Self.london, utcOffsetHours: 0)
        func site(_ id: FacilityID, _ location: GeoCoordinate) -> Facility {
            Facility(
                id: id, region: "europe", jurisdiction: "FR", location: location, powerMW: YearSeries([2026: 1]),
                pue: 1.2, electricityUSDPerMWh: 50, shellCapexUSDPerMW: 1, fixedOMUSDPerMWYear: 1)
        }
        let table = LatencyTable(
            zones: [zone], facilities: [site("paris", Self.paris), site("slough", Self.london)],
            measured: [LatencyPair(zone: "london", facility: "paris"): 7], settings: LatencySettings())
        #expect(table.entry(zone: "london", facility: "paris")?.source == .measured)
        #expect(table.rttMs(zone: "london", facility: "paris") == 7)
        #expect(
            table.entry(zone: "london", facility: "slough")
                == LatencyEntry(
                    rttMs: 4, source: .estimated, greatCircleKilometres: 0))
        #expect(table.rttMs(zone: "london", facility: "nowhere") == .infinity)
    }
}
