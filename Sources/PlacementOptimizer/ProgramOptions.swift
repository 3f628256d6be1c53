import PlacementModel

/// What to build: the full investment LP, or a dispatch-only LP around a fixed plan.
///
/// ```swift
/// let full = ProgramOptions()
/// // Dispatch of the reference scenario with capacity held at a plan's builds:
/// let dispatch = ProgramOptions(scenarios: [study.referenceScenario.id], fixedBuilds: plan.builtUnits)
/// ```
public struct ProgramOptions: Sendable {
    /// Scenarios to include, in study order; nil means all. With a subset the
    /// probabilities are renormalised over it.
    public var scenarios: [ScenarioID]?
    /// When set, capacity is fixed at these builds (units by facility, hardware, year):
    /// build columns are fixed, the power and budget rows and the CVaR terms drop out.
    public var fixedBuilds: [BuildKey: Double]?
    /// Demand multipliers by workload on top of the scenarios' (stress cases).
    public var demandScale: [WorkloadID: Double]

    public init(scenarios: [ScenarioID]? = nil, fixedBuilds: [BuildKey: Double]? = nil,
                demandScale: [WorkloadID: Double] = [:]) {
        self.scenarios = scenarios
        self.fixedBuilds = fixedBuilds
        self.demandScale = demandScale
    }
}

/// A (facility, hardware, year) triple.
public struct BuildKey: Hashable, Sendable, Comparable {
    public var facility: FacilityID
    public var hardware: HardwareID
    public var year: Int

    public init(facility: FacilityID, hardware: HardwareID, year: Int) {
        self.facility = facility
        self.hardware = hardware
        self.year = year
    }

    public static func < (lhs: BuildKey, rhs: BuildKey) -> Bool {
        (lhs.facility, lhs.hardware, lhs.year) < (rhs.facility, rhs.hardware, rhs.year)
    }
}
