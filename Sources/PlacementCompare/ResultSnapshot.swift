/// The figures of one `placement optimize --format json` result that a comparison reads.
///
/// This is the one place that knows the JSON layout (docs/results-json.md), so a change of
/// the result schema is followed here only. Schemas `sovereign-placement.optimize/1`, `/2` and
/// `/3` are read; absent sections (no analysis, no plan) read as empty, and `null` numbers (an
/// empty fleet's utilization) as nil.
///
/// ```swift
/// let base = try ResultSnapshot(json: Data(contentsOf: url), file: "base.json")
/// print(base.expectedNPV ?? .nan, base.finalYear ?? 0)
/// ```
public struct ResultSnapshot: Sendable {
    /// Installed and built accelerators of one (facility, accelerator, year).
    public struct Capacity: Sendable, Hashable {
        public var facility: String
        public var hardware: String
        public var year: Int
        /// The scenario whose capacity this is, when capacity depends on the scenario (an
        /// adaptive plan, optimize/3); nil when every scenario has it.
        public var scenario: String? = nil
        public var built: Double
        public var installed: Double
        public var itMW: Double
    }

    /// Utilization of the fleet (facility nil) or of one facility in a year and scenario.
    public struct Utilization: Sendable, Hashable {
        public var facility: String?
        public var year: Int
        public var scenario: String
        /// Nil when nothing is installed.
        public var utilization: Double?
    }

    /// Resilience of the fleet (facility nil) or of one facility in a year.
    public struct Resilience: Sendable, Hashable {
        public var facility: String?
        public var year: Int
        public var resilience: Double?
        public var worstStress: String?
    }

    /// Book, stranded and at-risk value of the fleet (facility nil) or of one facility in a
    /// year, expected over scenarios.
    public struct Stranded: Sendable, Hashable {
        public var facility: String?
        public var year: Int
        public var bookValue: Double?
        public var strandedExpected: Double?
        public var strandedWorstStress: Double?
        public var atRiskExpected: Double?
    }

    /// The value of one more MW at a facility in a year, and whether its power row binds.
    public struct PowerLimit: Sendable, Hashable {
        public var facility: String
        public var year: Int
        public var shadowPrice: Double?
        public var binding: Bool

        public init(facility: String, year: Int, shadowPrice: Double?, binding: Bool) {
            self.facility = facility
            self.year = year
            self.shadowPrice = shadowPrice
            self.binding = binding
        }
    }

    /// A tenant's demand in a zone that no facility can serve.
    public struct Unreachable: Sendable, Hashable {
        public var tenant: String
        public var zone: String
        public var reason: String
    }

    /// The file or study the result came from, as given.
    public var source: String
    public var schema: String
    /// The solver's termination (optimal, timeLimit, ...).
    public var termination: String
    /// The solve's relative gap (the decomposed solve's, or a MIP's), nil when it proved the
    /// optimum to the simplex's own precision.
    public var relativeGap: Double?
    public var expectedNPV: Double?
    public var cvarNPV: Double?
    public var capex: Double?
    public var scenarios: [String]
    /// Each scenario's probability, in ``scenarios`` order (1 / count where a file lacks them).
    public var probabilities: [Double] = []

    /// The probability of a scenario of the result (0 for one it does not have).
    public func probability(of scenario: String) -> Double {
        scenarios.firstIndex(of: scenario).map { probabilities.indices.contains($0) ? probabilities[$0] : 0 } ?? 0
    }
    /// The plan's rows; empty, with ``hasPlan`` false, in a result without a plan.
    public var capacity: [Capacity]
    /// Whether the result holds a plan (its `capacity` member): a result that found none has no
    /// builds to hold.
    public var hasPlan = true
    public var fleetUtilization: [Utilization]
    public var facilityUtilization: [Utilization]
    public var resilience: [Resilience]
    public var stranded: [Stranded]
    public var powerLimits: [PowerLimit]
    /// The budget row's shadow price (USD per USD) and whether it binds; nil without a budget row.
    public var budget: (shadowPrice: Double?, binding: Bool)?
    public var unreachable: [Unreachable]

    /// The last year of the plan (nil without a plan).
    public var finalYear: Int? { capacity.map(\.year).max() ?? fleetUtilization.map(\.year).max() }
}
