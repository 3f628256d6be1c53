/// Where a tenant's data may be served from.
public enum Residency: String, Hashable, Sendable, CaseIterable {
    /// Only from a facility in the zone's jurisdiction (country).
    case inCountry = "in-country"
    /// Only from a facility in the zone's region.
    case inRegion = "in-region"
    /// From any facility.
    case anywhere = "anywhere"

    /// Whether demand from `zone` may be served at `facility` under this rule.
    public func permits(zone: Zone, facility: Facility) -> Bool {
        switch self {
        case .inCountry: zone.jurisdiction == facility.jurisdiction
        case .inRegion: zone.region == facility.region
        case .anywhere: true
        }
    }
}
