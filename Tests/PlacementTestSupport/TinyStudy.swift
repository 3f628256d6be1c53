import PlacementModel

/// A small study assembled in code, with the numbers the hand derivations start from:
/// one zone `home` (AE) and one facility `near` at 10 ms, one accelerator `gpu` (1 kW,
/// 1,000 USD, 1-year life, 10 units/hour, 80 GB), one workload `video` (20 ms target),
/// one tenant buying 876,000 units a year (100 units/hour) at 1 USD, uncommitted; one
/// scenario, one year (2026), one time slice, discount rate 0, electricity 100 USD/MWh at
/// PUE 1 (0.1 USD per busy accelerator-hour), no shell cost, no fixed O&M, 10 MW of power.
///
/// Serving one unit earns 1 - 0.1/10 = 0.99 USD; an accelerator busy all year earns
/// 10 x 8760 x 0.99 = 86,724 USD against a 1,000 USD capital charge (crf = 1/1 at rate 0).
/// So the base optimum serves everything with 10 accelerators: NPV = 876,000 - 8,760 -
/// 10,000 = 857,240.
public struct TinyStudy {
    public var zones: [Zone] = [zone("home", "AE", utc: 0)]
    public var facilities: [Facility] = [facility("near")]
    public var hardware: [Hardware] = [gpu()]
    public var workloads: [Workload] = [workload("video", slo: 20)]
    public var tenants: [Tenant] = [tenant("stream", workload: "video", unitsPerYear: 876_000)]
    public var scenarios: [Scenario] = [Scenario(id: "base", probability: 1)]
    public var latency: [LatencyPair: Double] = [LatencyPair(zone: "home", facility: "near"): 10]
    public var horizon = Horizon(start: 2026, end: 2026)
    public var timeSlices = 1
    public var discountRate = 0.0
    public var budget: Double?
    public var risk = RiskSettings()
    public var policy = PolicySettings()
    public var blocks: Int?
    /// The stress settings (default: shock 0.7 on the first scenario).
    public var stress: StressSettings?

    public init() {}

    public static func zone(_ id: ZoneID, _ jurisdiction: String, utc: Double) -> Zone {
        Zone(
            id: id, region: "gulf", jurisdiction: jurisdiction,
            location: GeoCoordinate(latitude: 25, longitude: 55), utcOffsetHours: utc)
    }

    public static func facility(
        _ id: FacilityID, jurisdiction: String = "AE", powerMW: Double = 10,
        electricity: Double = 100, fixedOM: Double = 0, existing: [HardwareID: Double] = [:]
    ) -> Facility {
        Facility(
            id: id, region: "gulf", jurisdiction: jurisdiction, location: GeoCoordinate(latitude: 25, longitude: 55),
            powerMW: YearSeries([2026: powerMW]), pue: 1, electricityUSDPerMWh: electricity,
            shellCapexUSDPerMW: 0, fixedOMUSDPerMWYear: fixedOM, existingUnits: existing)
    }

    public static func gpu(
        _ id: HardwareID = "gpu", memory: Double = 80, capex: Double = 1000, lifetime: Int = 1,
        throughput: [WorkloadID: Double] = ["video": 10, "reasoning": 10]
    ) -> Hardware {
        Hardware(id: id, memoryGB: memory, powerKW: 1, capexUSD: capex, lifetimeYears: lifetime, throughput: throughput)
    }

    public static func workload(_ id: WorkloadID, slo: Double, memory: Double = 0, profile: [Double] = [1]) -> Workload
    {
        Workload(id: id, unit: "unit", latencySLOMs: slo, minMemoryGB: memory, dailyProfile: DailyProfile(profile)!)
    }

    public static func tenant(
        _ id: TenantID, workload: WorkloadID, unitsPerYear: Double, price: Double = 1,
        committed: Double = 0, penalty: Double = 0, residency: Residency = .anywhere,
        zone: ZoneID = "home"
    ) -> Tenant {
        Tenant(
            id: id, workload: workload, priceUSDPerUnit: price, committedShare: committed,
            shortfallPenaltyUSDPerUnit: penalty, residency: residency,
            annualUnits: DemandCurve(YearSeries([2026: unitsPerYear])), zoneShares: [(zone, 1)])
    }

    public func study() throws -> Study {
        try Study(
            regions: [Region(id: "gulf", zones: zones, facilities: facilities)], hardware: hardware,
            workloads: workloads, tenants: tenants, scenarios: scenarios, stress: stress, horizon: horizon,
            discountRate: discountRate, timeSlices: timeSlices, budgetUSD: budget, risk: risk, policy: policy,
            integerBuildUnits: blocks, measuredLatency: latency)
    }
}
