/// A buyer of one workload with its price, contract terms and demand.
///
/// ```swift
/// let studio = Tenant(
///     id: "gulf-studios", workload: "video", priceUSDPerUnit: 0.06, committedShare: 0.3,
///     shortfallPenaltyUSDPerUnit: 0.02, residency: .inRegion,
///     annualUnits: DemandCurve(YearSeries([2026: 1e9, 2030: 8e9])),
///     zoneShares: [("dubai", 0.6), ("riyadh", 0.4)])
/// studio.annualUnits(in: 2028)      // ≈ 2.83e9 (geometric)
/// studio.share(of: "dubai")         // 0.6
/// ```
public struct Tenant: Hashable, Sendable, Identifiable {
    /// A zone's share of the tenant's demand.
    public struct ZoneShare: Hashable, Sendable {
        /// The zone.
        public var zone: ZoneID
        /// Its share, 0...1; the shares of a tenant sum to 1.
        public var share: Double

        /// Creates a zone share.
        public init(zone: ZoneID, share: Double) {
            self.zone = zone
            self.share = share
        }
    }

    /// The tenant's identifier.
    public var id: TenantID
    /// Display name; optional in the files.
    public var name: String?
    /// The workload it buys.
    public var workload: WorkloadID
    /// Price paid per work unit served, USD.
    public var priceUSDPerUnit: Double
    /// Share of demand that is contracted and may not go unserved without penalty, 0...1.
    public var committedShare: Double
    /// Penalty per committed work unit not served, USD.
    public var shortfallPenaltyUSDPerUnit: Double
    /// Where its data may be served from.
    public var residency: Residency
    /// Annual work units by year.
    public var annualUnitsCurve: DemandCurve
    /// Where its demand originates, in file order.
    public var zoneShares: [ZoneShare]

    /// Creates a tenant.
    public init(
        id: TenantID, name: String? = nil, workload: WorkloadID, priceUSDPerUnit: Double,
        committedShare: Double, shortfallPenaltyUSDPerUnit: Double, residency: Residency,
        annualUnits: DemandCurve, zoneShares: [(ZoneID, Double)]
    ) {
        self.id = id
        self.name = name
        self.workload = workload
        self.priceUSDPerUnit = priceUSDPerUnit
        self.committedShare = committedShare
        self.shortfallPenaltyUSDPerUnit = shortfallPenaltyUSDPerUnit
        self.residency = residency
        self.annualUnitsCurve = annualUnits
        self.zoneShares = zoneShares.map { ZoneShare(zone: $0.0, share: $0.1) }
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }

    /// Annual work units in `year` (interpolated, see ``DemandCurve``).
    public func annualUnits(in year: Int) -> Double { annualUnitsCurve.units(in: year) }

    /// The share of demand from `zone` (0 when the zone is not listed).
    public func share(of zone: ZoneID) -> Double {
        zoneShares.first { $0.zone == zone }?.share ?? 0
    }
}
