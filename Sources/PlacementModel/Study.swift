/// A fully resolved study: every region, accelerator, workload, tenant and scenario,
/// the settings, and the round trip of every zone-facility pair.
///
/// Orders are stable: regions in study order, zones and facilities in region-file
/// order, everything else in file order. Lookups by id use dictionaries built once.
///
/// ```swift
/// let study = try StudyLoader().loadStudy(at: "Models/baseline.yaml").study
/// for year in study.horizon.years {
///     for facility in study.facilities {
///         let mw = facility.powerMW(in: year)
///         ...
///     }
/// }
/// let rtt = study.rttMs(zone: "dubai", facility: "abu-dhabi-campus")
/// let factors = study.profileFactors(workload: "video", zone: "dubai")   // timeSlices values
/// try study.setNumber(at: "facilities.abu-dhabi-campus.power_mw.2028", to: 800)
/// ```
public struct Study: Sendable {
    /// Regions in study order, each with its zones and facilities in file order.
    public internal(set) var regions: [Region]
    /// Every facility, regions in study order, facilities in file order.
    public internal(set) var facilities: [Facility]
    /// Every zone, in the same order as ``facilities``.
    public internal(set) var zones: [Zone]
    /// Accelerators in file order.
    public internal(set) var hardware: [Hardware]
    /// Workloads in file order.
    public internal(set) var workloads: [Workload]
    /// Tenants in file order.
    public internal(set) var tenants: [Tenant]
    /// Scenarios in file order; probabilities sum to 1.
    public internal(set) var scenarios: [Scenario]
    /// Resilience test settings.
    public internal(set) var stress: StressSettings
    /// Planning years.
    public internal(set) var horizon: Horizon
    /// Annual discount rate (0 allowed).
    public internal(set) var discountRate: Double
    /// Equal slices of the UTC day; divides 24 (default 6).
    public internal(set) var timeSlices: Int
    /// Capital budget over the horizon, USD; `nil` means unlimited.
    public internal(set) var budgetUSD: Double?
    /// CVaR settings.
    public internal(set) var risk: RiskSettings
    /// Diversification policy.
    public internal(set) var policy: PolicySettings
    /// Accelerators per integer build unit when builds are whole multiples of it (the YAML's
    /// `integer_blocks.units`); `nil` for a pure LP.
    public internal(set) var integerBuildUnits: Int?
    /// The former name of ``integerBuildUnits``.
    @available(*, deprecated, renamed: "integerBuildUnits")
    public var integerBlockUnits: Int? { integerBuildUnits }
    /// Utilization below which a unit does not pay for itself (default 0.6).
    public internal(set) var breakevenUtilization: Double
    /// Round trips of every (zone, facility) pair.
    public internal(set) var latency: LatencyTable
    /// The scenarios file's `uncertainty:` section, if any (docs/design.md §8); it does not
    /// change the program, only what `placement sample` draws.
    public internal(set) var uncertainty: UncertaintyModel?
    /// When builds are decided (docs/design.md §9): here-and-now (the default) or adaptive.
    public internal(set) var decisions: DecisionMode = .hereAndNow

    var index: StudyIndex

    /// The default number of time slices.
    public static let defaultTimeSlices = 6
    /// The default breakeven utilization.
    public static let defaultBreakevenUtilization = 0.6

    /// Assembles a study and checks that its ids are unique and its references resolve.
    ///
    /// - Parameters:
    ///   - regions: the regions with their facilities.
    ///   - hardware: the accelerator catalogue.
    ///   - workloads: the workload classes.
    ///   - tenants: the tenants and their demand.
    ///   - scenarios: the demand scenarios with their probabilities.
    ///   - stress: the stress-test settings, if any.
    ///   - horizon: the planning years.
    ///   - discountRate: the yearly discount rate.
    ///   - timeSlices: slices of a day; must divide 24.
    ///   - budgetUSD: the capital budget, if any.
    ///   - risk: the CVaR weight and level.
    ///   - policy: the sovereignty policy settings.
    ///   - integerBuildUnits: accelerators per integer build unit, or nil for continuous builds.
    ///   - latencySettings: how unmeasured latencies are estimated.
    ///   - breakevenUtilization: the utilization below which a fleet loses money.
    ///   - measuredLatency: measured round trips in ms; every other pair is estimated.
    ///   - uncertainty: the uncertainty model of the scenarios file, if any.
    ///   - decisions: when builds are decided (default here-and-now).
    /// - Throws: ``StudyError`` for duplicate ids, dangling references, no scenario, or
    ///   `timeSlices` not dividing 24.
    public init(
        regions: [Region], hardware: [Hardware], workloads: [Workload], tenants: [Tenant],
        scenarios: [Scenario], stress: StressSettings? = nil, horizon: Horizon,
        discountRate: Double, timeSlices: Int = Study.defaultTimeSlices, budgetUSD: Double? = nil,
        risk: RiskSettings = RiskSettings(), policy: PolicySettings = PolicySettings(),
        integerBuildUnits: Int? = nil, latencySettings: LatencySettings = LatencySettings(),
        breakevenUtilization: Double = Study.defaultBreakevenUtilization,
        measuredLatency: [LatencyPair: Double] = [:], uncertainty: UncertaintyModel? = nil,
        decisions: DecisionMode = .hereAndNow
    ) throws(StudyError) {
        guard let firstScenario = scenarios.first else { throw StudyError("a study needs a scenario") }
        guard timeSlices > 0, 24 % timeSlices == 0 else {
            throw StudyError("time_slices \(timeSlices) does not divide 24")
        }
        self.regions = regions
        self.facilities = regions.flatMap(\.facilities)
        self.zones = regions.flatMap(\.zones)
        self.hardware = hardware
        self.workloads = workloads
        self.tenants = tenants
        self.scenarios = scenarios
        self.stress = stress ?? StressSettings(reference: firstScenario.id)
        self.horizon = horizon
        self.discountRate = discountRate
        self.timeSlices = timeSlices
        self.budgetUSD = budgetUSD
        self.risk = risk
        self.policy = policy
        self.integerBuildUnits = integerBuildUnits
        self.breakevenUtilization = breakevenUtilization
        self.uncertainty = uncertainty
        self.decisions = decisions
        self.latency = LatencyTable(
            zones: zones, facilities: facilities, measured: measuredLatency, settings: latencySettings)
        self.index = try StudyIndex(
            regions: regions, hardware: hardware, workloads: workloads, tenants: tenants,
            scenarios: scenarios)
        try StudyIndex.checkReferences(of: self)
    }

    /// This study with builds decided as `decisions` says (the value of information compares modes).
    ///
    /// ```swift
    /// let adaptive = study.withDecisions(.adaptive)
    /// ```
    public func withDecisions(_ decisions: DecisionMode) -> Study {
        var study = self
        study.decisions = decisions
        return study
    }

    /// The scenario tree of the study's own scenarios and decision mode (docs/design.md §9).
    public var scenarioTree: ScenarioTree {
        ScenarioTree(scenarios: scenarios, years: horizon.years, mode: decisions)
    }

    /// The latency settings the estimates use.
    public var latencySettings: LatencySettings { latency.settings }

    // MARK: Lookups

    /// The region with `id`.
    public func region(_ id: RegionID) -> Region? { index.regions[id].map { regions[$0] } }
    /// The zone with `id`.
    public func zone(_ id: ZoneID) -> Zone? { index.zones[id].map { zones[$0] } }
    /// The facility with `id`.
    public func facility(_ id: FacilityID) -> Facility? { index.facilities[id].map { facilities[$0] } }
    /// The accelerator with `id`.
    public func hardware(_ id: HardwareID) -> Hardware? { index.hardware[id].map { hardware[$0] } }
    /// The workload with `id`.
    public func workload(_ id: WorkloadID) -> Workload? { index.workloads[id].map { workloads[$0] } }
    /// The tenant with `id`.
    public func tenant(_ id: TenantID) -> Tenant? { index.tenants[id].map { tenants[$0] } }
    /// The scenario with `id`.
    public func scenario(_ id: ScenarioID) -> Scenario? { index.scenarios[id].map { scenarios[$0] } }

    /// The scenario the stress tests re-solve.
    public var referenceScenario: Scenario { scenario(stress.reference) ?? scenarios[0] }

    // MARK: Derived values

    /// Round trip between a zone and a facility, ms (infinite for ids not in the study).
    public func rttMs(zone: ZoneID, facility: FacilityID) -> Double {
        latency.rttMs(zone: zone, facility: facility)
    }

    /// `prof(w, z, k)` for every slice `k` (``timeSlices`` values averaging 1).
    public func profileFactors(workload: WorkloadID, zone: ZoneID) -> [Double] {
        guard let workload = self.workload(workload), let zone = self.zone(zone) else {
            return Array(repeating: 1, count: timeSlices)
        }
        return workload.profileFactors(slices: timeSlices, utcOffsetHours: zone.utcOffsetHours)
    }

    /// Existing units of `hardware` at `facility` still in service in `year`
    /// (installed in `start - 1`, retired when `year - (start - 1) >= lifetime`).
    public func existingUnitsAlive(facility: Facility, hardware: Hardware, in year: Int) -> Double {
        let units = facility.existingUnits(of: hardware.id)
        guard units > 0, hardware.isAlive(installedIn: horizon.existingInstallYear, in: year) else { return 0 }
        return units
    }

    /// IT MW that the existing units alive in `year` draw at `facility`.
    public func existingPowerMW(facility: Facility, in year: Int) -> Double {
        hardware.reduce(0) { total, unit in
            total + existingUnitsAlive(facility: facility, hardware: unit, in: year) * unit.powerKW / 1000
        }
    }

    /// Whether tenant demand from `zone` may be served by `hardware` at `facility`
    /// (an arc of the LP): within the workload's latency SLO, allowed by residency,
    /// hardware allowed at the facility, enough memory, and non-zero throughput.
    public func isArc(tenant: Tenant, zone: Zone, facility: Facility, hardware: Hardware) -> Bool {
        guard let workload = workload(tenant.workload) else { return false }
        return rttMs(zone: zone.id, facility: facility.id) <= workload.latencySLOMs
            && tenant.residency.permits(zone: zone, facility: facility)
            && facility.allows(hardware.id)
            && hardware.memoryGB >= workload.minMemoryGB
            && hardware.throughput(for: workload.id) > 0
    }
}
