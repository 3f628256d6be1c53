import PlacementModel
import PlacementOptimizer

/// How busy the plan's capacity is (docs/design.md §4): per fleet, per facility and for the
/// whole fleet, per year and case, with the category mix of accelerator-hours. It reads the
/// canonical dispatch, so every figure is the same whatever vertex the solver stopped at.
///
/// `utilization = used accelerator-hours / (8760 x installed units)`; undefined (nil) where
/// nothing is installed. The fleet counts every installed unit, busy or not.
///
/// ```swift
/// let utilization = Utilization(plan: plan)
/// utilization.fleet(year: 2030, scenario: "base")   // 0.71
/// utilization.facility("abu-dhabi", year: 2030, scenario: "base")?.herfindahl
/// ```
public struct Utilization: Sendable {
    public struct Entry: Sendable, Hashable {
        public var facility: FacilityID?
        public var hardware: HardwareID?
        public var year: Int
        public var scenario: ScenarioID
        public var usedHours: Double
        public var installedUnits: Double
        /// Accelerators busy in the busiest slice (max over k of used_k); for a sum of fleets the
        /// sum of their peaks.
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

    /// (facility or nil for the fleet, year, case).
    struct Key: Hashable {
        var facility: FacilityID?
        var year: Int
        var scenario: ScenarioID
    }

    /// Per (facility, hardware, year, case), in dispatch order.
    public let fleets: [Entry]
    /// Per (facility, year, case), hardware summed, in first-seen order.
    public let facilities: [Entry]
    /// Per (year, case), everything summed.
    public let total: [Entry]
    private let position: [Key: Int]
    private let totalPosition: [Key: Int]

    /// The plan's own dispatch (every scenario).
    public init(plan: Plan) {
        self.init(plan: plan, dispatch: plan.dispatch)
    }

    /// Another dispatch of the plan's capacity (a stress case).
    public init(plan: Plan, dispatch: [Plan.Dispatch]) {
        fleets = dispatch.map { entry in
            Entry(
                facility: entry.facility, hardware: entry.hardware, year: entry.year, scenario: entry.scenario,
                usedHours: entry.acceleratorHours,
                installedUnits: plan.fleetYear(entry.key, scenario: entry.scenario)?.capacity ?? 0,
                peakBusy: entry.busyBySlice.max() ?? 0, hoursByWorkload: entry.hoursByWorkload)
        }
        (facilities, position) = Self.aggregate(fleets) {
            Key(facility: $0.facility, year: $0.year, scenario: $0.scenario)
        }
        (total, totalPosition) = Self.aggregate(fleets) { Key(facility: nil, year: $0.year, scenario: $0.scenario) }
    }

    /// Fleet utilization in a year and case; nil when nothing is installed.
    public func fleet(year: Int, scenario: ScenarioID) -> Double? {
        totalPosition[Key(facility: nil, year: year, scenario: scenario)].flatMap { total[$0].utilization }
    }

    public func facility(_ id: FacilityID, year: Int, scenario: ScenarioID) -> Entry? {
        position[Key(facility: id, year: year, scenario: scenario)].map { facilities[$0] }
    }

    /// Sums entries that map to the same key, keeping first-seen order.
    private static func aggregate(_ entries: [Entry], key: (Entry) -> Key) -> ([Entry], [Key: Int]) {
        var order: [Entry] = []
        var positions: [Key: Int] = [:]
        for entry in entries {
            let id = key(entry)
            let position =
                positions[id]
                ?? {
                    order.append(
                        Entry(
                            facility: id.facility, hardware: nil, year: id.year, scenario: id.scenario, usedHours: 0,
                            installedUnits: 0, peakBusy: 0,
                            hoursByWorkload: Array(repeating: 0, count: entry.hoursByWorkload.count)))
                    positions[id] = order.count - 1
                    return order.count - 1
                }()
            order[position].usedHours += entry.usedHours
            order[position].installedUnits += entry.installedUnits
            order[position].peakBusy += entry.peakBusy
            for (w, hours) in entry.hoursByWorkload.enumerated() { order[position].hoursByWorkload[w] += hours }
        }
        return (order, positions)
    }
}
