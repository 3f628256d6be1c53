/// A possible future with its probability and its multipliers on the baseline.
///
/// Multipliers are keyed by workload (by the facility's region for electricity) and
/// year; a year carries forward, and before its first year or when absent a
/// multiplier is 1.
///
/// ```swift
/// let boom = Scenario(id: "video-boom", probability: 0.25,
///                     demand: ["video": YearSeries([2027: 1.5])])
/// boom.demandMultiplier(for: "video", in: 2026)   // 1
/// boom.demandMultiplier(for: "video", in: 2029)   // 1.5
/// ```
public struct Scenario: Hashable, Sendable, Identifiable {
    /// The scenario's identifier.
    public var id: ScenarioID
    /// Display name; optional in the files.
    public var name: String?
    /// Probability, 0...1; the scenarios of a study sum to 1.
    public var probability: Double
    /// Demand multipliers by workload.
    public var demand: [WorkloadID: YearSeries]
    /// Price multipliers by workload.
    public var price: [WorkloadID: YearSeries]
    /// Throughput (efficiency) multipliers by workload.
    public var efficiency: [WorkloadID: YearSeries]
    /// Electricity price multipliers by facility region.
    public var electricity: [RegionID: YearSeries]

    /// Creates a scenario.
    public init(
        id: ScenarioID, name: String? = nil, probability: Double,
        demand: [WorkloadID: YearSeries] = [:], price: [WorkloadID: YearSeries] = [:],
        efficiency: [WorkloadID: YearSeries] = [:], electricity: [RegionID: YearSeries] = [:]
    ) {
        self.id = id
        self.name = name
        self.probability = probability
        self.demand = demand
        self.price = price
        self.efficiency = efficiency
        self.electricity = electricity
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }

    /// `mdem(w, y, s)`.
    public func demandMultiplier(for workload: WorkloadID, in year: Int) -> Double {
        demand[workload]?.value(in: year, default: 1) ?? 1
    }

    /// `mprice(w, y, s)`.
    public func priceMultiplier(for workload: WorkloadID, in year: Int) -> Double {
        price[workload]?.value(in: year, default: 1) ?? 1
    }

    /// `meff(w, y, s)`: multiplies throughput.
    public func efficiencyMultiplier(for workload: WorkloadID, in year: Int) -> Double {
        efficiency[workload]?.value(in: year, default: 1) ?? 1
    }

    /// `melec(r, y, s)` for facilities in `region`.
    public func electricityMultiplier(for region: RegionID, in year: Int) -> Double {
        electricity[region]?.value(in: year, default: 1) ?? 1
    }
}
