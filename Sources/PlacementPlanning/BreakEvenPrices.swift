import PlacementModel

/// What would change the plan (docs/design.md §10): for every fleet (facility, accelerator),
/// the unit capex at which the optimal plan starts or stops building it, found by bisection on
/// re-solves, with the power limits' and the budget's shadow prices beside them.
///
/// ```swift
/// let prices = try PlanningPipeline(solver: GLPKSolver()).explain(study)
/// for fleet in prices.fleets where fleet.verdict == .breakEven {
///     print(fleet.facility, fleet.hardware, fleet.breakEvenUnitCapexUSD ?? .nan)
/// }
/// ```
public struct BreakEvenPrices: Sendable {
    /// What the search found for one fleet.
    public enum Verdict: String, Sendable {
        /// A unit capex where the plan starts (unbuilt fleet) or stops (built fleet) building it.
        case breakEven = "break_even"
        /// The plan builds none of it even at zero capex (``Fleet/reason`` says why).
        case neverBuilds = "never_builds"
        /// The plan still builds it at the search's ceiling (``searchCeiling`` times today's capex).
        case alwaysBuilds = "always_builds"
    }

    /// Why a fleet is not built even at zero capex.
    public enum Reason: String, Sendable {
        /// No demand can use it (latency, residency, memory or throughput rule it out everywhere).
        case noDemandWithinReach = "no_demand_within_reach"
        /// The facility has no power for one more build unit in any year.
        case noPowerRoom = "no_power_room"
        /// It could be built, but even free its running costs (energy, fixed O&M) or the limits on
        /// the rest of the plan leave it worth less than what the plan does without it.
        case notWorthItAtZeroCapex = "not_worth_it_at_zero_capex"
    }

    public struct Fleet: Sendable {
        public var facility: FacilityID
        public var hardware: HardwareID
        /// Whether the optimal plan builds any of it.
        public var built: Bool
        /// Accelerators the optimal plan builds over the horizon (adaptive decisions: expected, each
        /// node's builds at its probability).
        public var builtUnits: Double
        /// Today's unit capex: accelerator plus its share of the shell (USD).
        public var unitCapexUSD: Double
        public var verdict: Verdict
        /// The bisection's verified end nearest the change: for an unbuilt fleet the largest
        /// capex found at which the plan builds it; for a built one the least found at which it
        /// builds none. Within ``BreakEvenPrices/tolerance`` of the true break-even.
        public var breakEvenUnitCapexUSD: Double?
        /// The final bracket: the plan builds the fleet at `builds` and none at `buildsNone`.
        public var bracket: (builds: Double, buildsNone: Double)?
        public var reason: Reason?
        /// Re-solves (bisection steps) the search took for this fleet.
        public var steps: Int

        /// The break-even as a change from today's unit capex (-0.17 for 17% less).
        public var change: Double? {
            guard let breakEven = breakEvenUnitCapexUSD, unitCapexUSD > 0 else { return nil }
            return breakEven / unitCapexUSD - 1
        }
    }

    /// A limit's shadow price at the optimum: the objective's gain from one more unit of it.
    public struct Limit: Sendable {
        /// The facility of a power limit; nil for the budget.
        public var facility: FacilityID?
        public var year: Int?
        /// USD of objective per MW of power, or per USD of budget.
        public var shadowPrice: Double
        public var binding: Bool
    }

    /// The bisection's relative width: a bracket is closed when its ends differ by at most this
    /// share of the upper end.
    public var tolerance: Double
    /// Built fleets are searched up to this multiple of today's unit capex.
    public var searchCeiling: Double
    /// The optimal objective (USD).
    public var objectiveUSD: Double
    /// Every fleet, facilities and accelerators in study order.
    public var fleets: [Fleet]
    /// Power limits and the budget at the optimum; empty for integer builds (a MIP has no duals).
    public var powerLimits: [Limit]
    public var budget: Limit?
    /// Whether the study's builds are integer blocks (each step a branch and bound).
    public var integer: Bool
    /// Master re-solves and block evaluations the search took, after the optimal solve.
    public var masterSolves: Int
    public var evaluations: Int
    /// Whether the study's tree has several nodes in some year (adaptive or wait-and-see
    /// decisions with scenarios that part): ``Fleet/builtUnits`` are then expected units.
    public var builtUnitsAreExpected = false
}
