/// The `uncertainty:` section of a scenarios file: which multipliers move as log-normal
/// factors, from which scenario, and how their yearly shocks are correlated
/// (docs/design.md §8). It does not change `optimize`; `placement sample` draws paths from it.
///
/// ```swift
/// let model = UncertaintyModel(
///     reference: "base",
///     factors: [
///         UncertaintyFactor(kind: .demand, target: "video", drift: 0.05, volatility: 0.3),
///         UncertaintyFactor(kind: .efficiency, target: "video", drift: 0.2, volatility: 0.15),
///     ],
///     correlations: [FactorCorrelation(first: "demand.video", second: "efficiency.video", rho: -0.4)])
/// model.correlationMatrix()   // [[1, -0.4], [-0.4, 1]]
/// ```
public struct UncertaintyModel: Hashable, Sendable {
    /// The scenario whose multipliers every path starts from; `nil`: all multipliers 1.
    public var reference: ScenarioID?
    /// The factors, in file order.
    public var factors: [UncertaintyFactor]
    /// Correlations between factors' shocks within a year; unlisted pairs are uncorrelated.
    public var correlations: [FactorCorrelation]

    /// Creates an uncertainty model.
    public init(reference: ScenarioID?, factors: [UncertaintyFactor], correlations: [FactorCorrelation] = []) {
        self.reference = reference
        self.factors = factors
        self.correlations = correlations
    }

    /// The factors' correlation matrix, in ``factors`` order: 1 on the diagonal, each listed
    /// pair's rho at both of its places, 0 elsewhere. Pairs naming an unknown factor are ignored.
    public func correlationMatrix() -> [[Double]] {
        let position = Dictionary(factors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var matrix = Array(repeating: Array(repeating: 0.0, count: factors.count), count: factors.count)
        for index in factors.indices { matrix[index][index] = 1 }
        for pair in correlations {
            guard let first = position[pair.first], let second = position[pair.second], first != second else {
                continue
            }
            matrix[first][second] = pair.rho
            matrix[second][first] = pair.rho
        }
        return matrix
    }
}
