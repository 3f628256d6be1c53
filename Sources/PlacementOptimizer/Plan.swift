import LinearProgramming
import PlacementModel

/// An optimal (or best found) placement plan, read back from the solution in USD and units.
///
/// ```swift
/// let result = try PlacementOptimizer(solver: GLPKSolver()).optimize(study)
/// for row in result.plan.fleetYears where row.built > 0 {
///     print(row.facility, row.hardware, row.year, row.built)
/// }
/// print(result.plan.expectedNPV)
/// ```
public struct Plan: Sendable {
    /// Capacity of one accelerator type at one facility in one year.
    public struct FleetYear: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        /// Accelerators added at the start of the year.
        public var built: Double
        /// Installed and alive: existing units still alive plus builds still alive.
        public var capacity: Double
        /// Existing (pre-horizon) units still alive.
        public var existing: Double
        public var unitCapexUSD: Double
        public var powerKW: Double
    }

    /// How one fleet was used in one year and scenario.
    public struct Dispatch: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        public var scenario: ScenarioID
        /// Accelerators busy in each UTC slice (`used_k`).
        public var busyBySlice: [Double]
        /// Busy accelerator-hours in the year, by workload (study order).
        public var hoursByWorkload: [Double]
        public var acceleratorHours: Double { hoursByWorkload.reduce(0, +) }
    }

    /// Demand of a tenant in a zone (or interchangeable zones, see `PlacementIndex.DemandPoint`),
    /// year and scenario, and what became of it (units per year).
    public struct DemandOutcome: Sendable, Hashable {
        public var tenant: TenantID
        public var zones: [ZoneID]
        public var year: Int
        public var scenario: ScenarioID
        public var demand: Double
        public var served: Double
        public var unserved: Double
        public var shortfall: Double
    }

    /// One scenario's money in one year, in USD (not discounted).
    public struct Financials: Sendable, Hashable {
        public var scenario: ScenarioID
        public var year: Int
        public var revenue: Double
        public var energy: Double
        public var fixedOM: Double
        public var capital: Double
        public var penalty: Double
        public var net: Double { revenue - energy - fixedOM - capital - penalty }
    }

    /// A dual value in USD per unit of the row (expected over scenarios, as the objective is).
    public struct ShadowPrice: Sendable, Hashable {
        public var facility: FacilityID?
        public var year: Int?
        public var value: Double
        /// The row is at its limit.
        public var binding: Bool
    }

    public var termination: TerminationStatus
    public var primalStatus: ResultStatus
    /// The objective in USD (risk-weighted expected NPV), including its constant.
    public var objectiveUSD: Double
    public var years: [Int]
    public var scenarios: [ScenarioID]
    public var scenarioWeights: [Double]
    public var workloads: [WorkloadID]
    public var fleetYears: [FleetYear]
    public var dispatch: [Dispatch]
    public var demand: [DemandOutcome]
    public var financials: [Financials]
    /// NPV of each scenario (order of `scenarios`), discounted to the horizon start.
    public var npvByScenario: [Double]
    /// Value of one more MW at a facility in a year (USD/MW); LP only.
    public var powerShadowPrices: [ShadowPrice]
    /// Value of one more USD of budget; LP only, nil without a budget.
    public var budgetShadowPrice: ShadowPrice?
    public var unreachable: [PlacementIndex.UnreachableDemand]
    public var hoursPerSlice: Double

    /// Probability-weighted NPV.
    public var expectedNPV: Double { zip(npvByScenario, scenarioWeights).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Builds by (facility, hardware, year), for holding capacity at this plan.
    public var builtUnits: [BuildKey: Double] {
        var units = [BuildKey: Double]()
        for row in fleetYears where row.built > 0 {
            units[BuildKey(facility: row.facility, hardware: row.hardware, year: row.year)] = row.built
        }
        return units
    }

    /// Total capital spent on builds (USD).
    public var capexUSD: Double { fleetYears.reduce(0) { $0 + $1.built * $1.unitCapexUSD } }
}
