import PlacementModel

/// Which part of a study a program covers.
///
/// ```swift
/// let full = ProgramOptions()
/// let reference = ProgramOptions(scenarios: [study.referenceScenario.id])
/// ```
public struct ProgramOptions: Sendable, Hashable {
    /// Scenarios to include, in study order; nil means all. With a subset the
    /// probabilities are renormalised over it.
    public var scenarios: [ScenarioID]?

    public init(scenarios: [ScenarioID]? = nil) {
        self.scenarios = scenarios
    }
}

/// A (facility, hardware, year) triple: the key of capacity, builds and dispatch by year.
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
