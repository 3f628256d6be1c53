import LinearProgramming
import PlacementModel

/// What one (year, scenario) block's dispatch did, read from a solution of its columns: the
/// per-fleet use, demand outcomes, money and service, in units and USD.
///
/// ```swift
/// let dispatch = BlockDispatch(layout: block.layout, index: index, values: solution.primal!.values)
/// dispatch.fleets[0].busyBySlice   // accelerators busy in each slice
/// ```
public struct BlockDispatch: Sendable {
    /// One fleet's use in the block.
    public struct FleetUse: Sendable, Hashable {
        public var busyBySlice: [Double]
        public var hoursByWorkload: [Double]
        public var retiredUnits: Double
    }

    /// Year position and scenario position of the block.
    public let year: Int
    public let scenario: Int
    /// Per fleet of the index.
    public var fleets: [FleetUse]
    /// Per demand point of the index.
    public var demand: [Plan.DemandOutcome]
    public var service: [Plan.Service]
    /// USD, not discounted.
    public var revenue = 0.0
    public var energy = 0.0
    public var penalty = 0.0

    /// Reads the block from `values`, the column values of the LP holding `layout` (the block's own
    /// LP or the investment LP); `retire` adds the write-off columns' values when given.
    /// `demandScale` is the stress scaling the LP was solved with.
    public init(
        layout: DispatchBlockLayout, index: PlacementIndex, values: [Double],
        retire: [Variable?]? = nil, demandScale: [WorkloadID: Double] = [:]
    ) {
        let study = index.study
        let economics = Economics(study: study)
        let hours = economics.hoursPerSlice
        let slices = index.slices
        let y = layout.year
        let s = layout.scenario
        let year = index.years[y]
        let scenario = index.scenarios[s]
        self.year = y
        self.scenario = s
        let workloadCount = study.workloads.count
        var fleets = Array(
            repeating: FleetUse(
                busyBySlice: Array(repeating: 0, count: slices),
                hoursByWorkload: Array(repeating: 0, count: workloadCount), retiredUnits: 0),
            count: index.fleets.count)
        var demand: [Plan.DemandOutcome] = []
        var serviceHours: [Int: Double] = [:]
        var revenue = 0.0
        var energy = 0.0
        var penalty = 0.0
        for (p, point) in index.demandPoints.enumerated() {
            let tenant = study.tenants[point.tenant]
            let price = economics.price(tenant, year: year, scenario: scenario)
            let stress = demandScale[tenant.workload] ?? 1
            let zoneWeights = Self.zoneWeights(point, tenant: tenant, study: study)
            var outcome = Plan.DemandOutcome(
                tenant: tenant.id, zones: point.zones.map { study.zones[$0].id }, year: year,
                scenario: scenario.id, demand: 0, served: 0, unserved: 0, shortfall: 0)
            for k in 0..<slices {
                let position = p * slices + k
                outcome.demand += layout.demandRate[position] * stress * hours
                outcome.unserved += (layout.unserved[position].map { values[$0.index] } ?? 0) * hours
                let short = (layout.shortfall[position].map { values[$0.index] } ?? 0) * hours
                outcome.shortfall += short
                penalty += short * tenant.shortfallPenaltyUSDPerUnit
                layout.forEachServe(point: p, slice: k, index: index) { arc, column in
                    let served = values[column.index]
                    guard served != 0 else { return }
                    let facility = study.facilities[arc.facility]
                    let hardware = study.hardware[arc.hardware]
                    let throughput = economics.effectiveThroughput(
                        hardware, tenant.workload, year: year, scenario: scenario)
                    let accelerators = served / throughput
                    fleets[arc.fleet].busyBySlice[k] += accelerators
                    fleets[arc.fleet].hoursByWorkload[point.workload] += accelerators * hours
                    outcome.served += served * hours
                    revenue += served * hours * price
                    energy +=
                        accelerators * hours
                        * economics.energyCostPerAcceleratorHour(facility, hardware, year: year, scenario: scenario)
                    for (position, zone) in point.zones.enumerated() {
                        serviceHours[zone * study.facilities.count + arc.facility, default: 0] +=
                            accelerators * hours * zoneWeights[position]
                    }
                }
            }
            // Solver noise (the simplex's 1e-7 feasibility tolerance leaves e.g. -7e-7 units unserved
            // of billions) reads as zero: under 1e-9 of the demand.
            let noise = 1e-9 * outcome.demand
            for keyPath in [\Plan.DemandOutcome.served, \.unserved, \.shortfall]
            where abs(outcome[keyPath: keyPath]) <= noise {
                outcome[keyPath: keyPath] = 0
            }
            demand.append(outcome)
        }
        if let retire {
            for (fleet, column) in retire.enumerated() {
                if let column { fleets[fleet].retiredUnits = PlanAssembler.cleaned(values[column.index]) }
            }
        }
        self.fleets = fleets
        self.demand = demand
        service = serviceHours.keys.sorted().compactMap { key in
            let hours = serviceHours[key] ?? 0
            guard hours > 0 else { return nil }
            let facilities = study.facilities.count
            return Plan.Service(
                zone: study.zones[key / facilities].id, facility: study.facilities[key % facilities].id,
                year: year, scenario: scenario.id, acceleratorHours: hours)
        }
        self.revenue = revenue
        self.energy = energy
        self.penalty = penalty
    }

    /// Each merged zone's part of a demand point: its share of the tenant's demand.
    static func zoneWeights(_ point: PlacementIndex.DemandPoint, tenant: Tenant, study: Study) -> [Double] {
        let shares = point.zones.map { tenant.share(of: study.zones[$0].id) }
        let total = shares.reduce(0, +)
        return total > 0 ? shares.map { $0 / total } : shares.map { _ in 1 / Double(shares.count) }
    }
}
