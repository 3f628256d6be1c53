import PlacementModel
import PlacementOptimizer

/// How busy the plan's capacity is (docs/design.md §4): per fleet, per facility and for the
/// whole fleet, per year and scenario, with the category mix of accelerator-hours.
///
/// `utilization = used accelerator-hours / (8760 x installed units)`; undefined (nil) where
/// nothing is installed. The fleet counts every installed unit, busy or not.
///
/// ```swift
/// let utilization = Utilization(plan: plan)
/// utilization.fleet(year: 2030, scenario: "base")   // 0.71
/// ```
public struct Utilization: Sendable {
    public struct Entry: Sendable, Hashable {
        public var facility: FacilityID?
        public var hardware: HardwareID?
        public var year: Int
        public var scenario: ScenarioID
        public var usedHours: Double
        public var installedUnits: Double
        /// Accelerators busy in the busiest slice (max over k of used_k).
        public var peakBusy: Double
        /// Busy hours by workload (plan.workloads order).
        public var hoursByWorkload: [Double]

        public var utilization: Double? {
            installedUnits > 0 ? usedHours / (Horizon.hoursPerYear * installedUnits) : nil
        }

        /// Shares of busy hours by workload; nil when idle.
        public var categoryMix: [Double]? {
            let total = hoursByWorkload.reduce(0, +)
            return total > 0 ? hoursByWorkload.map { $0 / total } : nil
        }

        /// Herfindahl index of the category mix (1 = one workload only).
        public var herfindahl: Double? { categoryMix.map { $0.reduce(0) { $0 + $1 * $1 } } }
    }

    /// Per (facility, hardware, year, scenario), in plan order.
    public let fleets: [Entry]
    /// Per (facility, year, scenario), hardware summed.
    public let facilities: [Entry]
    /// Per (year, scenario), everything summed.
    public let total: [Entry]

    public init(plan: Plan) {
        let capacity = Dictionary(plan.fleetYears.map { (FleetKey($0.facility, $0.hardware, $0.year), $0.capacity) },
                                  uniquingKeysWith: +)
        var fleets = [Entry]()
        for dispatch in plan.dispatch {
            fleets.append(Entry(
                facility: dispatch.facility, hardware: dispatch.hardware, year: dispatch.year,
                scenario: dispatch.scenario, usedHours: dispatch.acceleratorHours,
                installedUnits: capacity[FleetKey(dispatch.facility, dispatch.hardware, dispatch.year)] ?? 0,
                peakBusy: dispatch.busyBySlice.max() ?? 0, hoursByWorkload: dispatch.hoursByWorkload))
        }
        self.fleets = fleets
        facilities = Self.aggregate(fleets) { Entry(facility: $0.facility, hardware: nil, year: $0.year, scenario: $0.scenario,
                                                    usedHours: 0, installedUnits: 0, peakBusy: 0, hoursByWorkload: []) }
        total = Self.aggregate(fleets) { Entry(facility: nil, hardware: nil, year: $0.year, scenario: $0.scenario,
                                               usedHours: 0, installedUnits: 0, peakBusy: 0, hoursByWorkload: []) }
    }

    public func fleet(year: Int, scenario: ScenarioID) -> Double? {
        total.first { $0.year == year && $0.scenario == scenario }?.utilization
    }

    public func facility(_ id: FacilityID, year: Int, scenario: ScenarioID) -> Entry? {
        facilities.first { $0.facility == id && $0.year == year && $0.scenario == scenario }
    }

    private struct FleetKey: Hashable {
        var facility: FacilityID, hardware: HardwareID, year: Int
        init(_ facility: FacilityID, _ hardware: HardwareID, _ year: Int) {
            self.facility = facility
            self.hardware = hardware
            self.year = year
        }
    }

    /// Sums entries that map to the same key, keeping first-seen order. Peak busy of a sum is
    /// the sum of peaks (an upper bound; fleet-level stranding uses per-fleet peaks).
    private static func aggregate(_ entries: [Entry], key: (Entry) -> Entry) -> [Entry] {
        var order = [Entry]()
        var positions = [String: Int]()
        for entry in entries {
            var bucket = key(entry)
            let id = "\(bucket.facility?.rawValue ?? "")|\(bucket.year)|\(bucket.scenario.rawValue)"
            if let position = positions[id] {
                bucket = order[position]
            } else {
                positions[id] = order.count
                bucket.hoursByWorkload = Array(repeating: 0, count: entry.hoursByWorkload.count)
                order.append(bucket)
            }
            let position = positions[id]!
            order[position].usedHours += entry.usedHours
            order[position].installedUnits += entry.installedUnits
            order[position].peakBusy += entry.peakBusy
            for (w, hours) in entry.hoursByWorkload.enumerated() { order[position].hoursByWorkload[w] += hours }
        }
        return order
    }
}
