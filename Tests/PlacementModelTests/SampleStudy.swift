import PlacementModel

/// A small study built in code, for number paths and sweeps.
enum SampleStudy {
    static func make() throws -> Study {
        let dubai = Zone(
            id: "dubai", region: "gulf", jurisdiction: "AE",
            location: GeoCoordinate(latitude: 25.2, longitude: 55.27), utcOffsetHours: 4)
        let campus = Facility(
            id: "abu-dhabi-campus", region: "gulf", jurisdiction: "AE",
            location: GeoCoordinate(latitude: 24.45, longitude: 54.38), powerMW: YearSeries([2026: 200, 2028: 1000]),
            pue: 1.35, electricityUSDPerMWh: 45, shellCapexUSDPerMW: 9.2e6, fixedOMUSDPerMWYear: 2.5e5,
            allowedHardware: ["gpu-h200"], existingUnits: ["gpu-h200": 100])
        let h200 = Hardware(
            id: "gpu-h200", memoryGB: 141, powerKW: 1.2, capexUSD: 35_000, lifetimeYears: 5,
            throughput: ["video": 1800])
        let video = Workload(
            id: "video", unit: "second", latencySLOMs: 80, minMemoryGB: 80,
            dailyProfile: DailyProfile([1, 3])!)
        let studio = Tenant(
            id: "studio", workload: "video", priceUSDPerUnit: 0.06, committedShare: 0.3,
            shortfallPenaltyUSDPerUnit: 0.02, residency: .inRegion,
            annualUnits: DemandCurve(YearSeries([2026: 100, 2028: 400])), zoneShares: [("dubai", 1)])
        return try Study(
            regions: [Region(id: "gulf", zones: [dubai], facilities: [campus])], hardware: [h200], workloads: [video],
            tenants: [studio],
            scenarios: [
                Scenario(id: "base", probability: 0.6),
                Scenario(id: "boom", probability: 0.4, demand: ["video": YearSeries([2027: 1.5])]),
            ],
            horizon: Horizon(start: 2026, end: 2030), discountRate: 0.08)
    }
}
