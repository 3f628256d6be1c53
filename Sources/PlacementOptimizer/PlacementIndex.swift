import PlacementModel

/// The study resolved to integer positions, with the arcs of docs/design.md §3: what the
/// model builder and the plan both walk over.
///
/// Only what can carry flow is kept: (tenant, zone) pairs with a positive share, arcs that
/// pass latency, residency, hardware allow-list, memory and throughput, and the
/// (facility, hardware) pairs that some arc uses.
public struct PlacementIndex: Sendable {
    /// One accelerator type at one facility that can serve something.
    public struct Fleet: Sendable, Hashable {
        public var facility: Int
        public var hardware: Int
    }

    /// One way a (tenant, zone) demand can be served.
    public struct Arc: Sendable, Hashable {
        public var fleet: Int
        public var facility: Int
        public var hardware: Int
    }

    /// A tenant's demand in one zone, or in several zones that are interchangeable (same
    /// arcs and same UTC hour shift, hence the same daily shape): merging them is exact and
    /// keeps the LP smaller.
    public struct DemandPoint: Sendable {
        public var tenant: Int
        /// Zones (positions in `study.zones`) whose demand this point carries, in tenant order.
        public var zones: [Int]
        public var workload: Int
        /// The sum of the zones' shares.
        public var share: Double
        public var arcs: [Arc]
        /// Profile factor for each UTC slice.
        public var profile: [Double]
    }

    /// A demand that no facility can serve, and why.
    public struct UnreachableDemand: Sendable, Hashable {
        public var tenant: TenantID
        public var zone: ZoneID
        public var reason: String
    }

    public let study: Study
    public let years: [Int]
    public let scenarios: [Scenario]
    public let slices: Int
    public let fleets: [Fleet]
    /// (facility, hardware) pairs with existing units alive in the horizon but no arc: installed,
    /// always idle, still paying fixed O&M.
    public let idleExisting: [Fleet]
    public let demandPoints: [DemandPoint]
    public let unreachable: [UnreachableDemand]
    /// Position of each workload id in `study.workloads`.
    public let workloadIndex: [WorkloadID: Int]
    /// Accelerators per unit of a build column: the integer build unit (`integer_blocks.units`),
    /// else 1.
    public let buildUnitSize: Double
    /// The former name of ``buildUnitSize``.
    @available(*, deprecated, renamed: "buildUnitSize")
    public var blockUnits: Double { buildUnitSize }
    /// `buildable[fleet][y]`: the fleet has spare power in year position `y`, so the investment
    /// LP has a build column there (with integer builds: room for at least one build unit).
    public let buildable: [[Bool]]
    /// `capacityPossible[fleet][y]`: existing units or a build column are alive in year position `y`,
    /// so the fleet's arcs get serve columns that year. It depends on the study only, so every
    /// program of one study (investment, master, dispatch blocks) has the same columns.
    public let capacityPossible: [[Bool]]
    /// The scenarios partitioned into nodes per year (docs/design.md §9): one node a year for
    /// here-and-now decisions.
    public let tree: ScenarioTree
    /// The build stages, (year position, node) pairs, year-major: a build column per buildable
    /// fleet and stage. With one node a year, stage y is year position y.
    public let stages: [(year: Int, node: Int)]
    /// The first stage of each year position.
    public let firstStage: [Int]

    /// The stage whose builds scenario position `s` makes at the start of year position `y`.
    public func stage(year y: Int, scenario s: Int) -> Int { firstStage[y] + tree.nodeOf[y][s] }

    /// The stage of node `node` of year position `y`.
    public func stage(year y: Int, node: Int) -> Int { firstStage[y] + node }

    /// A fleet's builds per year position along scenario position `s`'s path, from its builds
    /// per stage.
    public func path(_ builtByStage: [Double], scenario s: Int) -> [Double] {
        years.indices.map { builtByStage[stage(year: $0, scenario: s)] }
    }

    /// Installed units per year position, node of that year and fleet, given the units built per
    /// fleet and stage: every scenario of a node has the same capacity that year.
    public func installedByNode(built: [[Double]]) -> [[[Double]]] {
        years.indices.map { y in
            tree.nodes[y].map { members in
                fleets.indices.map { installed(fleet: $0, in: y, built: path(built[$0], scenario: members[0])) }
            }
        }
    }

    /// The label of a demand point in names and reports: its zone ids joined by `+`.
    public func zoneLabel(of point: DemandPoint) -> String {
        point.zones.map { study.zones[$0].id.rawValue }.joined(separator: "+")
    }

    /// The zones of a demand point in LP names: ``zoneLabel(of:)``, or, past 48 bytes, the first
    /// zone and a count (`dubai+12-more`; unique, a zone is in one point), so that names stay
    /// under GLPK's 255 bytes however many zones merge.
    public func zoneNameLabel(of point: DemandPoint) -> String {
        let label = zoneLabel(of: point)
        guard label.utf8.count > 48 else { return label }
        return "\(study.zones[point.zones[0]].id.rawValue)+\(point.zones.count - 1)-more"
    }

    public init(study: Study, scenarios: [Scenario]? = nil) {
        self.study = study
        years = study.horizon.years
        self.scenarios = scenarios ?? study.scenarios
        slices = study.timeSlices
        let tree = ScenarioTree(scenarios: self.scenarios, years: years, mode: study.decisions)
        self.tree = tree
        var stages: [(year: Int, node: Int)] = []
        var firstStage: [Int] = []
        for y in years.indices {
            firstStage.append(stages.count)
            stages += tree.nodes[y].indices.map { (y, $0) }
        }
        self.stages = stages
        self.firstStage = firstStage
        let workloadIndex = Dictionary(
            uniqueKeysWithValues: study.workloads.enumerated().map { ($0.element.id, $0.offset) })
        let zoneIndex = Dictionary(uniqueKeysWithValues: study.zones.enumerated().map { ($0.element.id, $0.offset) })
        self.workloadIndex = workloadIndex

        var fleetIndex: [Fleet: Int] = [:]
        var fleets: [Fleet] = []
        var points: [DemandPoint] = []
        var unreachable: [UnreachableDemand] = []
        for (t, tenant) in study.tenants.enumerated() {
            guard let w = workloadIndex[tenant.workload] else { continue }
            let workload = study.workloads[w]
            for zoneShare in tenant.zoneShares where zoneShare.share > 0 {
                guard let z = zoneIndex[zoneShare.zone] else { continue }
                let zone = study.zones[z]
                var arcs: [Arc] = []
                for (f, facility) in study.facilities.enumerated() {
                    for (h, hardware) in study.hardware.enumerated()
                    where study.isArc(tenant: tenant, zone: zone, facility: facility, hardware: hardware) {
                        let fleet = Fleet(facility: f, hardware: h)
                        let position =
                            fleetIndex[fleet]
                            ?? {
                                fleets.append(fleet)
                                fleetIndex[fleet] = fleets.count - 1
                                return fleets.count - 1
                            }()
                        arcs.append(Arc(fleet: position, facility: f, hardware: h))
                    }
                }
                if arcs.isEmpty {
                    unreachable.append(
                        UnreachableDemand(
                            tenant: tenant.id, zone: zone.id,
                            reason: Self.whyUnreachable(tenant: tenant, workload: workload, zone: zone, study: study)))
                }
                let profile = workload.profileFactors(slices: study.timeSlices, utcOffsetHours: zone.utcOffsetHours)
                if let same = points.lastIndex(where: { $0.tenant == t && $0.arcs == arcs && $0.profile == profile }) {
                    points[same].zones.append(z)
                    points[same].share += zoneShare.share
                } else {
                    points.append(
                        DemandPoint(
                            tenant: t, zones: [z], workload: w, share: zoneShare.share,
                            arcs: arcs, profile: profile))
                }
            }
        }
        self.fleets = fleets
        let used = Set(fleets)
        idleExisting = study.facilities.indices.flatMap { f in
            study.hardware.indices.map { Fleet(facility: f, hardware: $0) }.filter { pair in
                !used.contains(pair)
                    && study.horizon.years.contains {
                        study.existingUnitsAlive(
                            facility: study.facilities[f], hardware: study.hardware[pair.hardware], in: $0) > 0
                    }
            }
        }
        demandPoints = points
        self.unreachable = unreachable
        let buildUnitSize = Double(study.integerBuildUnits ?? 1)
        self.buildUnitSize = buildUnitSize
        let years = self.years
        let buildable = fleets.map { fleet in
            years.map { year in
                Self.hasRoom(study: study, fleet: fleet, year: year, buildUnitSize: buildUnitSize)
            }
        }
        self.buildable = buildable
        capacityPossible = fleets.enumerated().map { position, fleet in
            let hardware = study.hardware[fleet.hardware]
            return years.indices.map { y in
                study.existingUnitsAlive(facility: study.facilities[fleet.facility], hardware: hardware, in: years[y])
                    > 0
                    || (0...y).contains {
                        buildable[position][$0] && hardware.isAlive(installedIn: years[$0], in: years[y])
                    }
            }
        }
    }

    /// Spare IT power for new builds (power limit less the existing units alive), and with
    /// integer builds room for at least one build unit.
    static func hasRoom(study: Study, fleet: Fleet, year: Int, buildUnitSize: Double) -> Bool {
        let facility = study.facilities[fleet.facility]
        let hardware = study.hardware[fleet.hardware]
        let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
        guard room > 0 else { return false }
        guard study.integerBuildUnits != nil, hardware.powerKW > 0 else { return true }
        return (room * 1000 / hardware.powerKW / buildUnitSize).rounded(.down) > 0
    }

    // MARK: Capacity and the lifetime rule

    /// Year positions whose builds are alive in year position `y` (the one lifetime rule:
    /// `Hardware.isAlive`), limited to buildable years.
    public func buildYearsAlive(fleet: Int, in y: Int) -> [Int] {
        let hardware = study.hardware[fleets[fleet].hardware]
        return (0...y).filter { buildable[fleet][$0] && hardware.isAlive(installedIn: years[$0], in: years[y]) }
    }

    /// Existing (pre-horizon) units of the fleet alive in year position `y`.
    public func existingAlive(fleet: Int, in y: Int) -> Double {
        let entry = fleets[fleet]
        return study.existingUnitsAlive(
            facility: study.facilities[entry.facility],
            hardware: study.hardware[entry.hardware], in: years[y])
    }

    /// Installed units of the fleet in year position `y` given the units built in each year
    /// position (`built[y']`, in accelerators).
    public func installed(fleet: Int, in y: Int, built: [Double]) -> Double {
        buildYearsAlive(fleet: fleet, in: y).reduce(existingAlive(fleet: fleet, in: y)) { $0 + built[$1] }
    }

    /// Position of a (year, scenario) dispatch block: year-major, as the programs lay them out.
    public func block(year y: Int, scenario s: Int) -> Int { y * scenarios.count + s }

    /// The year and scenario positions of block `b`: the inverse of ``block(year:scenario:)``.
    public func position(ofBlock b: Int) -> (year: Int, scenario: Int) {
        (b / scenarios.count, b % scenarios.count)
    }

    public var blockCount: Int { years.count * scenarios.count }

    /// Names the first filter that removes every facility, for a person to act on.
    static func whyUnreachable(tenant: Tenant, workload: Workload, zone: Zone, study: Study) -> String {
        let slo = workload.latencySLOMs
        let withinLatency = study.facilities.filter { study.rttMs(zone: zone.id, facility: $0.id) <= slo }
        if withinLatency.isEmpty {
            let nearest = study.facilities.min {
                study.rttMs(zone: zone.id, facility: $0.id) < study.rttMs(zone: zone.id, facility: $1.id)
            }
            let detail =
                nearest.map {
                    String(
                        format: "; the nearest, %@, is %.1f ms", $0.id.rawValue,
                        study.rttMs(zone: zone.id, facility: $0.id))
                } ?? ""
            return "no facility within the \(workload.id) latency target of \(formatted(slo)) ms\(detail)"
        }
        let resident = withinLatency.filter { tenant.residency.permits(zone: zone, facility: $0) }
        if resident.isEmpty {
            return
                "no facility within \(formatted(slo)) ms satisfies residency \(tenant.residency.rawValue) (zone jurisdiction \(zone.jurisdiction), region \(zone.region))"
        }
        let eligible = resident.count == 1 ? "the 1 eligible facility" : "the \(resident.count) eligible facilities"
        return "no accelerator allowed at \(eligible) has the memory (\(formatted(workload.minMemoryGB)) GB) "
            + "and throughput for \(workload.id)"
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
