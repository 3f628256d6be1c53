import PlacementModel

extension TinyStudy {
    /// The hand-derived variants of the optimizer tests, by name, for suites that check a rule on
    /// all of them (the decomposed solve against the monolithic one, say).
    public static var catalogue: [(name: String, study: TinyStudy)] {
        var entries: [(String, TinyStudy)] = []
        entries.append(("base", TinyStudy()))

        var latency = TinyStudy()
        latency.facilities.append(facility("far", electricity: 0))
        latency.latency[LatencyPair(zone: "home", facility: "far")] = 50
        latency.workloads = [workload("video", slo: 60)]
        entries.append(("latency", latency))

        var residency = TinyStudy()
        residency.facilities.append(facility("abroad", jurisdiction: "SA", electricity: 0))
        residency.latency[LatencyPair(zone: "home", facility: "abroad")] = 10
        residency.tenants = [tenant("gov", workload: "video", unitsPerYear: 876_000, residency: .inCountry)]
        entries.append(("residency", residency))

        var memory = TinyStudy()
        memory.hardware.append(gpu("small", memory: 40, capex: 100))
        memory.workloads = [workload("video", slo: 20, memory: 80)]
        entries.append(("memory", memory))

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

        var cvar = TinyStudy()
        cvar.hardware = [gpu(capex: 30_000)]
        cvar.scenarios = [
            Scenario(id: "base", probability: 0.5),
            Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2026: 0.5])]),
        ]
        cvar.risk = RiskSettings(alpha: 0.5, weight: 0.5)
        entries.append(("CVaR weight 0.5", cvar))
        return entries
    }
}
