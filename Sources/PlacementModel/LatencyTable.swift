/// A zone-facility pair.
public struct LatencyPair: Hashable, Sendable {
    /// Where demand originates.
    public var zone: ZoneID
    /// Where it is served.
    public var facility: FacilityID

    /// Creates a pair.
    public init(zone: ZoneID, facility: FacilityID) {
        self.zone = zone
        self.facility = facility
    }
}

/// One round trip and where it came from.
public struct LatencyEntry: Hashable, Sendable {
    /// Whether a region file measured it or it was estimated from distance.
    public enum Source: String, Hashable, Sendable {
        /// Listed under `latency_ms` in a region file.
        case measured
        /// From the great-circle distance and ``LatencySettings``.
        case estimated
    }

    /// Round trip, ms.
    public var rttMs: Double
    /// Measured or estimated.
    public var source: Source
    /// Great-circle distance between the zone and the facility, km.
    public var greatCircleKilometres: Double

    /// Creates an entry.
    public init(rttMs: Double, source: Source, greatCircleKilometres: Double) {
        self.rttMs = rttMs
        self.source = source
        self.greatCircleKilometres = greatCircleKilometres
    }
}

/// The round trip for every (zone, facility) pair of a study.
///
/// Measured values win; every other pair is estimated with ``LatencySettings``.
///
/// ```swift
/// let table = LatencyTable(zones: zones, facilities: facilities,
///                          measured: [LatencyPair(zone: "dubai", facility: "abu-dhabi-campus"): 3],
///                          settings: LatencySettings())
/// table.rttMs(zone: "dubai", facility: "abu-dhabi-campus")   // 3
/// ```
public struct LatencyTable: Hashable, Sendable {
    /// Measured round trips, ms.
    public private(set) var measured: [LatencyPair: Double]
    /// The settings the estimates use.
    public private(set) var settings: LatencySettings
    private var entries: [LatencyPair: LatencyEntry]

    /// Builds the table for every pair of `zones` and `facilities`.
    public init(
        zones: [Zone], facilities: [Facility], measured: [LatencyPair: Double],
        settings: LatencySettings
    ) {
        self.measured = measured
        self.settings = settings
        var entries: [LatencyPair: LatencyEntry] = [:]
        entries.reserveCapacity(zones.count * facilities.count)
        for zone in zones {
            for facility in facilities {
                let pair = LatencyPair(zone: zone.id, facility: facility.id)
                let kilometres = zone.location.greatCircleKilometres(to: facility.location)
                if let rtt = measured[pair] {
                    entries[pair] = LatencyEntry(
                        rttMs: rtt, source: .measured, greatCircleKilometres: kilometres)
                } else {
                    entries[pair] = LatencyEntry(
                        rttMs: settings.estimatedRTTMs(kilometres: kilometres), source: .estimated,
                        greatCircleKilometres: kilometres)
                }
            }
        }
        self.entries = entries
    }

    /// The entry for a pair, or `nil` when the zone or facility is not in the study.
    public func entry(zone: ZoneID, facility: FacilityID) -> LatencyEntry? {
        entries[LatencyPair(zone: zone, facility: facility)]
    }

    /// Round trip in ms (infinite when the pair is not in the study).
    public func rttMs(zone: ZoneID, facility: FacilityID) -> Double {
        entry(zone: zone, facility: facility)?.rttMs ?? .infinity
    }

    /// Number of pairs.
    public var count: Int { entries.count }
}
