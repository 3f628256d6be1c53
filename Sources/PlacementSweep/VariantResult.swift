import PlacementModel

/// The figures of one solved sweep variant: one CSV row / JSONL line.
public struct VariantResult: Sendable, Hashable {
    public var id: Int
    /// The varied values, in the sweep's dimension order.
    public var values: [Double]
    /// The solver's termination status, or a failure.
    public var status: VariantStatus
    public var expectedNPV: Double?
    /// Expected NPV of the worst 1 - alpha of scenarios.
    public var cvarNPV: Double?
    /// Fleet utilization in the final year, expected over scenarios.
    public var fleetUtilization: Double?
    /// Fleet resilience in the final year.
    public var resilience: Double?
    /// Expected stranded book value of the fleet in the final year (USD).
    public var expectedStranded: Double?
    /// Simplex iterations of the main solve and the stress re-solves.
    public var iterations: Int
    public var seconds: Double
    /// Whether the main solve started from the previous variant's basis.
    public var warmStarted: Bool
    /// Why the variant failed, when it did.
    public var message: String?

    public init(
        id: Int, values: [Double], status: VariantStatus, expectedNPV: Double? = nil, cvarNPV: Double? = nil,
        fleetUtilization: Double? = nil, resilience: Double? = nil, expectedStranded: Double? = nil,
        iterations: Int = 0, seconds: Double = 0, warmStarted: Bool = false, message: String? = nil
    ) {
        self.id = id
        self.values = values
        self.status = status
        self.expectedNPV = expectedNPV
        self.cvarNPV = cvarNPV
        self.fleetUtilization = fleetUtilization
        self.resilience = resilience
        self.expectedStranded = expectedStranded
        self.iterations = iterations
        self.seconds = seconds
        self.warmStarted = warmStarted
        self.message = message
    }
}
