/// How the resilience tests stress the plan.
///
/// ```swift
/// let stress = StressSettings(shock: 0.7, reference: "base")
/// ```
public struct StressSettings: Hashable, Sendable {
    /// Fraction by which a stressed workload's demand falls, 0...1 (default 0.7).
    public var shock: Double
    /// The scenario whose dispatch is re-solved (default: the first scenario).
    public var reference: ScenarioID

    /// The default shock.
    public static let defaultShock = 0.7

    /// Creates stress settings.
    public init(shock: Double = StressSettings.defaultShock, reference: ScenarioID) {
        self.shock = shock
        self.reference = reference
    }
}
