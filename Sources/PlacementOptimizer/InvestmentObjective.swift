import PlacementModel

/// The investment objective, `(1 - w) E[npv] + w * tail NPV` in scaled money (docs/design.md §3),
/// written once: its coefficients, read by the investment LP and the decomposition's master as
/// they write their columns (``InvestmentRows``), and its value at given builds and block values,
/// read by the decomposition's evaluation.
///
/// ```swift
/// let objective = InvestmentObjective(index: index)
/// let npv = objective.scenarioNPV(buildCost: cost, blockValues: values, index: index)
/// objective.value(npv: npv)   // scaled money
/// ```
public struct InvestmentObjective: Sendable {
    /// Scenario weights of the expectation: probabilities renormalised over the index's scenarios.
    public let weights: [Double]
    /// `w`, the CVaR's weight in the objective.
    public let riskWeight: Double
    /// The CVaR's confidence level.
    public let alpha: Double
    /// Fixed O&M of the existing units, discounted (scaled money): a constant of every scenario's NPV.
    public let existingCost: Double

    public init(index: PlacementIndex) {
        let study = index.study
        weights = PlacementProgramBuilder.weights(index)
        riskWeight = study.risk.weight
        alpha = study.risk.alpha
        existingCost =
            InvestmentCosts(index: index, economics: Economics(study: study)).existingFixedOM()
            * PlacementProgram.moneyScale
    }

    /// The objective's constant: the expectation's share of the existing units' fixed O&M.
    var constant: Double { -(1 - riskWeight) * existingCost }

    /// The order in which a build column's coefficient is rounded. The whole LP and the master have
    /// always multiplied in different orders; at a risk weight other than 0 or 0.5 the two differ
    /// in the last bit, and one order for both would move the decomposed solve's figures in their
    /// last digits. Both are kept so results stay byte-identical.
    enum Rounding {
        /// `((-(1 - w) * d) * u) * s`, the whole LP's.
        case wholeLP
        /// `-(1 - w) * ((d * u) * s)`, the master's: the column's cost times the expectation's share.
        case master
    }

    /// The coefficient of a build column whose accelerators cost `discounted` each (USD, discounted
    /// over their life in the horizon), `buildUnitSize` accelerators per unit of the column.
    func buildCoefficient(discounted: Double, buildUnitSize: Double, rounding: Rounding) -> Double {
        switch rounding {
        case .wholeLP: -(1 - riskWeight) * discounted * buildUnitSize * PlacementProgram.moneyScale
        case .master: -(1 - riskWeight) * (discounted * buildUnitSize * PlacementProgram.moneyScale)
        }
    }

    /// The weight of scenario `s`'s dispatch value in the objective (the expectation's share).
    public func valueWeight(scenario s: Int) -> Double { (1 - riskWeight) * weights[s] }

    /// The coefficient of the CVaR's value-at-risk column `eta`.
    var etaCoefficient: Double { -riskWeight }

    /// The coefficient of scenario `s`'s CVaR column `excess[s]`.
    func excessCoefficient(scenario s: Int) -> Double { -riskWeight * weights[s] / (1 - alpha) }

    /// Each scenario's NPV (scaled money) of builds costing `buildCost` in all (scaled money,
    /// discounted), with these values of the (year, scenario) blocks at `index.block(year:scenario:)`.
    public func scenarioNPV(buildCost: Double, blockValues: [Double], index: PlacementIndex) -> [Double] {
        var npv = Array(repeating: 0.0, count: weights.count)
        for b in blockValues.indices { npv[index.position(ofBlock: b).scenario] += blockValues[b] }
        for s in npv.indices { npv[s] -= buildCost + existingCost }
        return npv
    }

    /// Each scenario's NPV (scaled money) when scenario s's builds cost `buildCosts[s]` (scaled
    /// money, discounted: its nodes' builds, docs/design.md §9), with these block values.
    public func scenarioNPV(buildCosts: [Double], blockValues: [Double], index: PlacementIndex) -> [Double] {
        var npv = Array(repeating: 0.0, count: weights.count)
        for b in blockValues.indices { npv[index.position(ofBlock: b).scenario] += blockValues[b] }
        for s in npv.indices { npv[s] -= buildCosts[s] + existingCost }
        return npv
    }

    /// The objective's value at these scenario NPVs (scaled money): the optimum of the CVaR rows
    /// (``TailRisk/tailNPV(npv:probabilities:alpha:)``) in place of `eta` and `excess`.
    public func value(npv: [Double]) -> Double {
        let expected = zip(npv, weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard riskWeight > 0 else { return expected }
        let tail = TailRisk.tailNPV(npv: npv, probabilities: weights, alpha: alpha)
        return (1 - riskWeight) * expected + riskWeight * tail
    }
}
