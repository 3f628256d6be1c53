/// A sovereign region: its demand zones and its facilities, as one region file declares them.
///
/// ```swift
/// let gulf = Region(id: "gulf", name: "Gulf", zones: [dubai], facilities: [campus])
/// gulf.facilities.map(\.id)   // ["abu-dhabi-campus"]
/// ```
public struct Region: Hashable, Sendable, Identifiable {
    /// The region's identifier.
    public var id: RegionID
    /// Display name; optional in the files.
    public var name: String?
    /// Demand zones, in file order.
    public var zones: [Zone]
    /// Facilities, in file order.
    public var facilities: [Facility]

    /// Creates a region.
    public init(id: RegionID, name: String? = nil, zones: [Zone], facilities: [Facility]) {
        self.id = id
        self.name = name
        self.zones = zones
        self.facilities = facilities
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }
}
