/// Where demand originates: a city or metro area in a region.
///
/// ```swift
/// let dubai = Zone(id: "dubai", region: "gulf", jurisdiction: "AE",
///                  location: GeoCoordinate(latitude: 25.20, longitude: 55.27),
///                  utcOffsetHours: 4)
/// ```
public struct Zone: Hashable, Sendable, Identifiable {
    /// The zone's identifier.
    public var id: ZoneID
    /// Display name; optional in the files.
    public var name: String?
    /// The region whose file declares the zone.
    public var region: RegionID
    /// ISO 3166-1 alpha-2 country code, e.g. `AE`.
    public var jurisdiction: String
    /// Where the zone is, for the latency estimate.
    public var location: GeoCoordinate
    /// Local time minus UTC, in hours (may be fractional, e.g. 5.5).
    public var utcOffsetHours: Double

    /// Creates a zone.
    public init(
        id: ZoneID, name: String? = nil, region: RegionID, jurisdiction: String,
        location: GeoCoordinate, utcOffsetHours: Double
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.jurisdiction = jurisdiction
        self.location = location
        self.utcOffsetHours = utcOffsetHours
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }
}
