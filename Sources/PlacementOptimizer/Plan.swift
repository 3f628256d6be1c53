import LinearProgramming
import PlacementModel

/// A placement plan read back in USD and units: capacity from the investment solve, dispatch
/// from the canonical stage of each (year, scenario) block (docs/design.md §4, revision 2).
///
/// ```swift
/// let result = try PlanningPipeline(solver: GLPKSolver()).run(study)
/// if let plan = result.plan {
///     for row in plan.fleetYears where row.built > 0 { print(row.facility, row.hardware, row.year, row.built) }
///     print(plan.expectedNPV, plan.fleetYear(BuildKey(facility: "abu-dhabi", hardware: "gpu-h200", year: 2028))?.capacity ?? 0)
/// }
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
        /// Depreciated book value of the installed units (straight line per vintage, docs/design.md §4).
        public var bookValueUSD: Double
        /// The scenario whose capacity this is when capacity depends on the scenario (adaptive
        /// decisions, docs/design.md §9); nil when every scenario has it.
        public var scenario: ScenarioID? = nil

        public var key: BuildKey { BuildKey(facility: facility, hardware: hardware, year: year) }
    }

    /// How one fleet was used in one year and case (a scenario, or a stress case of the reference).
    public struct Dispatch: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        public var scenario: ScenarioID
        /// Accelerators busy in each UTC slice (`used_k`).
        public var busyBySlice: [Double]
        /// Busy accelerator-hours in the year, by workload (study order).
        public var hoursByWorkload: [Double]
        /// Units the stranded write-off retires at no loss of value (0 when it was not run).
        public var retiredUnits: Double
        public var acceleratorHours: Double { hoursByWorkload.reduce(0, +) }
        public var key: BuildKey { BuildKey(facility: facility, hardware: hardware, year: year) }
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

    /// Busy accelerator-hours serving one zone's demand at one facility in a year and scenario.
    /// Demand merged over interchangeable zones is split by the tenants' zone shares (exact: the
    /// zones have the same arcs and daily shape).
    public struct Service: Sendable, Hashable {
        public var zone: ZoneID
        public var facility: FacilityID
        public var year: Int
        public var scenario: ScenarioID
        public var acceleratorHours: Double
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

    /// A node of the scenario tree (docs/design.md §9): the scenarios that have agreed in every
    /// year before `year`, and what they build at its start.
    public struct Node: Sendable, Hashable {
        /// Accelerators of one type built at one facility.
        public struct Build: Sendable, Hashable {
            public var facility: FacilityID
            public var hardware: HardwareID
            public var units: Double

            public init(facility: FacilityID, hardware: HardwareID, units: Double) {
                self.facility = facility
                self.hardware = hardware
                self.units = units
            }
        }

        public var year: Int
        /// The node's position among its year's nodes (from 0).
        public var id: Int
        public var scenarios: [ScenarioID]
        /// The node's builds with units, fleets in plan order.
        public var builds: [Build]

        public init(year: Int, id: Int, scenarios: [ScenarioID], builds: [Build]) {
            self.year = year
            self.id = id
            self.scenarios = scenarios
            self.builds = builds
        }

        /// The builds a person is shown: without the simplex's round-off (under a millionth of a
        /// unit, which printed as "0 (0.0 MW)").
        public var shownBuilds: [Build] { builds.filter { abs($0.units) >= 1e-6 } }
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
    public let years: [Int]
    public let scenarios: [ScenarioID]
    public let scenarioWeights: [Double]
    public let workloads: [WorkloadID]
    public let fleetYears: [FleetYear]
    /// Per (fleet, year, scenario), fleets in `fleetYears` order.
    public let dispatch: [Dispatch]
    public let demand: [DemandOutcome]
    public let service: [Service]
    public let financials: [Financials]
    /// NPV of each scenario (order of `scenarios`), discounted to the horizon start.
    public let npvByScenario: [Double]
    /// Value of one more MW at a facility in a year (USD/MW); LP only.
    public let powerShadowPrices: [ShadowPrice]
    /// Value of one more USD of budget; LP only, nil without a budget.
    public let budgetShadowPrice: ShadowPrice?
    public let unreachable: [PlacementIndex.UnreachableDemand]
    public let hoursPerSlice: Double
    /// When builds were decided (docs/design.md §9).
    public let decisions: DecisionMode
    /// The scenario tree's nodes, year by year, each with its builds.
    public let nodes: [Node]

    private let fleetYearPosition: [BuildKey: Int]
    private let scenarioFleetYearPosition: [ScenarioBuildKey: Int]

    private struct ScenarioBuildKey: Hashable {
        var key: BuildKey
        var scenario: ScenarioID
    }

    public init(
        termination: TerminationStatus, primalStatus: ResultStatus, objectiveUSD: Double, years: [Int],
        scenarios: [ScenarioID], scenarioWeights: [Double], workloads: [WorkloadID], fleetYears: [FleetYear],
        dispatch: [Dispatch], demand: [DemandOutcome], service: [Service], financials: [Financials],
        npvByScenario: [Double], powerShadowPrices: [ShadowPrice], budgetShadowPrice: ShadowPrice?,
        unreachable: [PlacementIndex.UnreachableDemand], hoursPerSlice: Double,
        decisions: DecisionMode = .hereAndNow, nodes: [Node] = []
    ) {
        self.termination = termination
        self.primalStatus = primalStatus
        self.objectiveUSD = objectiveUSD
        self.years = years
        self.scenarios = scenarios
        self.scenarioWeights = scenarioWeights
        self.workloads = workloads
        self.fleetYears = fleetYears
        self.dispatch = dispatch
        self.demand = demand
        self.service = service
        self.financials = financials
        self.npvByScenario = npvByScenario
        self.powerShadowPrices = powerShadowPrices
        self.budgetShadowPrice = budgetShadowPrice
        self.unreachable = unreachable
        self.hoursPerSlice = hoursPerSlice
        self.decisions = decisions
        self.nodes = nodes
        fleetYearPosition = Dictionary(
            fleetYears.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        scenarioFleetYearPosition = Dictionary(
            fleetYears.enumerated().compactMap { position, row in
                row.scenario.map { (ScenarioBuildKey(key: row.key, scenario: $0), position) }
            }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether capacity depends on the scenario (a tree with more than one node in some year):
    /// ``fleetYears`` then has a row per scenario.
    public var capacityByScenario: Bool { fleetYears.contains { $0.scenario != nil } }

    /// Capacity of a (facility, hardware, year), if the plan has that fleet (the first scenario's
    /// when capacity depends on the scenario: see ``fleetYear(_:scenario:)``).
    public func fleetYear(_ key: BuildKey) -> FleetYear? { fleetYearPosition[key].map { fleetYears[$0] } }

    /// Capacity of a (facility, hardware, year) in one scenario.
    public func fleetYear(_ key: BuildKey, scenario: ScenarioID) -> FleetYear? {
        scenarioFleetYearPosition[ScenarioBuildKey(key: key, scenario: scenario)].map { fleetYears[$0] }
            ?? fleetYear(key)
    }

    /// The probability of each scenario, by id.
    public func weight(of scenario: ScenarioID?) -> Double {
        guard let scenario, let s = scenarios.firstIndex(of: scenario) else { return 1 }
        return scenarioWeights[s]
    }

    /// Probability-weighted NPV.
    public var expectedNPV: Double { zip(npvByScenario, scenarioWeights).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Builds by (facility, hardware, year); expected over the scenarios when they depend on the scenario.
    public var builtUnits: [BuildKey: Double] {
        var units: [BuildKey: Double] = [:]
        for row in fleetYears where row.built > 0 { units[row.key, default: 0] += row.built * weight(of: row.scenario) }
        return units
    }

    /// Total capital spent on builds (USD); expected over the scenarios when they depend on the scenario.
    public var capexUSD: Double {
        fleetYears.reduce(0) { $0 + $1.built * $1.unitCapexUSD * weight(of: $1.scenario) }
    }
}
