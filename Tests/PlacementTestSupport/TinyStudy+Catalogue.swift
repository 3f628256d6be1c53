import PlacementModel

extension TinyStudy {
    /// The hand-derived variants of the optimizer tests, by name: HandDerivedOptimaTests derives
    /// their optima, MathProgExportTests solves them with glpsol and DecompositionTests checks the
    /// decomposed solve against the monolithic one on them. Read one with `variant(_:)`.
    public static var catalogue: [(name: String, study: TinyStudy)] {
        var entries: [(String, TinyStudy)] = []
        entries.append(("base", TinyStudy()))

        // `far` has free electricity, 50 ms away: out of reach of a 20 ms target, chosen at 60 ms.
        var filtered = TinyStudy()
        filtered.facilities.append(facility("far", electricity: 0))
        filtered.latency[LatencyPair(zone: "home", facility: "far")] = 50
        entries.append(("latency filtered", filtered))

        var latency = filtered
        latency.workloads = [workload("video", slo: 60)]
        entries.append(("latency", latency))

        var residency = TinyStudy()
        residency.facilities.append(facility("abroad", jurisdiction: "SA", electricity: 0))
        residency.latency[LatencyPair(zone: "home", facility: "abroad")] = 10
        residency.tenants = [tenant("gov", workload: "video", unitsPerYear: 876_000, residency: .inCountry)]
        entries.append(("residency", residency))

        var anywhere = residency
        anywhere.tenants = [tenant("gov", workload: "video", unitsPerYear: 876_000, residency: .anywhere)]
        entries.append(("residency anywhere", anywhere))

        var memory = TinyStudy()
        memory.hardware.append(gpu("small", memory: 40, capex: 100))
        memory.workloads = [workload("video", slo: 20, memory: 80)]
        entries.append(("memory", memory))

        var noFloor = memory
        noFloor.workloads = [workload("video", slo: 20, memory: 0)]
        entries.append(("memory no floor", noFloor))

        var slices = TinyStudy()
        slices.timeSlices = 2
        slices.zones = [zone("home", "AE", utc: -3)]
        slices.workloads = [workload("video", slo: 20, profile: [1, 3])]
        entries.append(("time slices", slices))

        var power = TinyStudy()
        power.facilities = [facility("near", powerMW: 0.006)]
        entries.append(("power limit", power))

        var budget = TinyStudy()
        budget.budget = 7_000
        entries.append(("budget", budget))

        var lifetime = TinyStudy()
        lifetime.horizon = Horizon(start: 2026, end: 2027)
        entries.append(("lifetime", lifetime))

        var twoYearLife = lifetime
        twoYearLife.hardware = [gpu(lifetime: 2)]
        entries.append(("lifetime two years", twoYearLife))

        var existing = TinyStudy()
        existing.horizon = Horizon(start: 2026, end: 2027)
        existing.hardware = [gpu(lifetime: 2)]
        existing.facilities = [facility("near", fixedOM: 100_000, existing: ["gpu": 10])]
        entries.append(("existing units", existing))

        var committed = TinyStudy()
        committed.facilities = [facility("near", powerMW: 0.006)]
        committed.tenants = [tenant("fleet", workload: "video", unitsPerYear: 876_000, committed: 0.9, penalty: 5)]
        entries.append(("committed share", committed))

        var share = TinyStudy()
        share.workloads = [workload("video", slo: 60), workload("reasoning", slo: 20)]
        share.tenants = [
            tenant("stream", workload: "video", unitsPerYear: 3 * 876_000),
            tenant("think", workload: "reasoning", unitsPerYear: 876_000),
        ]
        share.facilities.append(facility("video-only"))
        share.latency[LatencyPair(zone: "home", facility: "video-only")] = 50
        share.policy = PolicySettings(maxCategoryShare: 0.6)
        entries.append(("category share", share))

        var noShare = share
        noShare.policy = PolicySettings(maxCategoryShare: 1)
        entries.append(("category share 1", noShare))

        var neutral = TinyStudy()
        neutral.hardware = [gpu(capex: 30_000)]
        neutral.scenarios = [
            Scenario(id: "base", probability: 0.5),
            Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2026: 0.5])]),
        ]
        entries.append(("CVaR weight 0", neutral))

        var cvar = neutral
        cvar.risk = RiskSettings(alpha: 0.5, weight: 0.5)
        entries.append(("CVaR weight 0.5", cvar))

        var blocks = TinyStudy()
        blocks.blocks = 4
        entries.append(("blocks", blocks))

        var tightBlocks = blocks
        tightBlocks.facilities = [facility("near", powerMW: 0.011)]
        entries.append(("blocks tight", tightBlocks))

        // Four zones with 30-character ids, a quarter of the demand each, merge into one
        // demand point (same latency to every facility).
        var longZones = TinyStudy()
        longZones.zones = (0..<4).map { zone(longZone($0), "AE", utc: 0) }
        longZones.latency = Dictionary(
            uniqueKeysWithValues: (0..<4).map { (LatencyPair(zone: longZone($0), facility: "near"), 10.0) })
        var spread = tenant("stream", workload: "video", unitsPerYear: 876_000)
        spread.zoneShares = (0..<4).map { Tenant.ZoneShare(zone: longZone($0), share: 0.25) }
        longZones.tenants = [spread]
        entries.append(("long zones", longZones))

        // Every id at the maximum length, twenty zones merged into one demand point: the base case
        // with the longest names the loader allows.
        entries.append(("maximum ids", maximumIDs()))
        return entries
    }

    /// An id of `IdentifierSyntax.maximumLength` bytes: `prefix`, x's, `-i`.
    public static func maximumID(_ prefix: String, _ i: Int = 0) -> String {
        let tail = "-\(i)"
        return prefix + String(repeating: "x", count: IdentifierSyntax.maximumLength - prefix.count - tail.count) + tail
    }

    private static func maximumIDs() -> TinyStudy {
        var tiny = TinyStudy()
        let zones = (0..<20).map { ZoneID(maximumID("zone", $0)) }
        let facility = FacilityID(maximumID("facility"))
        let hardware = HardwareID(maximumID("hardware"))
        let workload = WorkloadID(maximumID("workload"))
        tiny.zones = zones.map { zone($0, "AE", utc: 0) }
        tiny.facilities = [TinyStudy.facility(facility)]
        tiny.hardware = [gpu(hardware, throughput: [workload: 10])]
        tiny.workloads = [TinyStudy.workload(workload, slo: 20)]
        var spread = tenant(TenantID(maximumID("tenant")), workload: workload, unitsPerYear: 876_000)
        spread.zoneShares = zones.map { Tenant.ZoneShare(zone: $0, share: 0.05) }
        tiny.tenants = [spread]
        tiny.scenarios = [Scenario(id: ScenarioID(maximumID("scenario")), probability: 1)]
        tiny.latency = Dictionary(uniqueKeysWithValues: zones.map { (LatencyPair(zone: $0, facility: facility), 10.0) })
        return tiny
    }

    /// The catalogue's variant of that name.
    public static func variant(_ name: String) throws -> TinyStudy {
        guard let entry = catalogue.first(where: { $0.name == name }) else {
            throw UnknownVariant(name: name)
        }
        return entry.study
    }

    /// The id of the `i`th zone of the "long zones" variant.
    public static func longZone(_ i: Int) -> ZoneID { ZoneID("zone-with-a-long-identifier-0\(i)") }

    /// `variant(_:)` was asked for a name the catalogue does not have.
    public struct UnknownVariant: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "no tiny study named \(name) in TinyStudy.catalogue" }
    }
}
