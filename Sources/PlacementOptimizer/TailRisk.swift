/// Conditional value at risk of a discrete distribution (Rockafellar–Uryasev).
///
/// ```swift
/// // Loss 10 with p 0.5, loss 0 with p 0.5: the worst 50% averages 10.
/// TailRisk.conditionalValueAtRisk(losses: [10, 0], probabilities: [0.5, 0.5], alpha: 0.5) // 10
/// ```
public enum TailRisk {
    /// `min over eta of eta + E[max(0, loss - eta)] / (1 - alpha)`: the mean of the worst
    /// `1 - alpha` of the probability mass. At alpha >= 1 it is the worst loss.
    public static func conditionalValueAtRisk(losses: [Double], probabilities: [Double], alpha: Double) -> Double {
        guard let worst = losses.max() else { return 0 }
        guard alpha < 1 else { return worst }
        // The minimum is attained at one of the losses (the value at risk).
        return losses.map { eta in
            eta + zip(losses, probabilities).reduce(0) { $0 + $1.1 * max(0, $1.0 - eta) } / (1 - alpha)
        }.min() ?? worst
    }

    /// CVaR of NPV read as the expected NPV of the worst `1 - alpha` tail.
    public static func tailNPV(npv: [Double], probabilities: [Double], alpha: Double) -> Double {
        -conditionalValueAtRisk(losses: npv.map { -$0 }, probabilities: probabilities, alpha: alpha)
    }
}
