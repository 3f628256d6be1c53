/// One log-normal factor of an uncertainty model: a named multiplier whose yearly log
/// increment is `Normal(drift, volatility^2)` (docs/design.md §8).
///
/// ```swift
/// let video = UncertaintyFactor(kind: .demand, target: "video", drift: 0.05, volatility: 0.3)
/// video.name   // "demand.video"
/// ```
public struct UncertaintyFactor: Hashable, Sendable {
    /// The multiplier a factor moves: the first part of its name.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Demand by workload.
        case demand
        /// Throughput per accelerator by workload.
        case efficiency
        /// Price by workload.
        case price
        /// Electricity price by region.
        case electricity

        /// Whether the part after the dot names a region (else a workload).
        public var targetsRegion: Bool { self == .electricity }
    }

    /// Which multiplier.
    public var kind: Kind
    /// The workload id (the region id for ``Kind/electricity``).
    public var target: String
    /// Mean of the yearly log increment.
    public var drift: Double
    /// Standard deviation of the yearly log increment, >= 0.
    public var volatility: Double

    /// Creates a factor.
    public init(kind: Kind, target: String, drift: Double, volatility: Double) {
        self.kind = kind
        self.target = target
        self.drift = drift
        self.volatility = volatility
    }

    /// The name as files write it, e.g. `demand.video` or `electricity.gulf`.
    public var name: String { "\(kind.rawValue).\(target)" }
}
