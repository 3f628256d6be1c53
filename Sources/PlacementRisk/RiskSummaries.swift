import PlacementModel

/// The summaries of a held plan's figures over weighted scenarios (docs/design.md §8):
/// NPV with its VaR and CVaR at `alpha`, the fleet's utilization, stranded and at-risk value
/// per year, and the probability that final-year fleet utilization is below breakeven.
///
/// VaR is the `(1 - alpha)`-quantile of NPV, CVaR the mean NPV of the worst `1 - alpha` of
/// the weight (the scenario at the boundary weighted by its fraction; the worst NPV at
/// `alpha >= 1`), as `TailRisk.tailNPV` computes it for the objective. Utilization is
/// summarised over the scenarios with an installed fleet that year (weights renormalised);
/// a scenario with nothing installed in the final year counts as not below breakeven, as
/// `StrandedAssetRisk.probabilityBelowBreakeven` counts it.
///
/// ```swift
/// let summaries = RiskSummaries(try ScenarioFigures.all(of: result), alpha: study.risk.alpha)
/// print(summaries.npv.mean, summaries.valueAtRisk, summaries.conditionalValueAtRisk)
/// ```
public struct RiskSummaries: Sendable, Hashable {
    public let alpha: Double
    public let npv: Summary
    public let valueAtRisk: Double
    public let conditionalValueAtRisk: Double
    /// The horizon years, in the order of the per-year summaries.
    public let years: [Int]
    /// nil for a year in which no scenario has an installed fleet.
    public let utilization: [Summary?]
    public let stranded: [Summary]
    public let atRisk: [Summary]
    /// nil when no scenario has an installed fleet in the final year.
    public let probabilityBelowBreakeven: WilsonInterval?

    /// Summarises `figures` (at least one), weighted by their probabilities.
    public init(_ figures: [ScenarioFigures], alpha: Double) {
        precondition(!figures.isEmpty, "summaries need a scenario")
        self.alpha = alpha
        let weights = figures.map(\.probability)
        npv = Summary(figures.map(\.npv), weights: weights)
        valueAtRisk = npv.quantile(1 - alpha)
        conditionalValueAtRisk = alpha < 1 ? npv.lowerTailMean(share: 1 - alpha) : npv.sorted[0].value
        years = figures[0].fleet.map(\.year)
        utilization = years.indices.map { y in
            let used = figures.filter { $0.fleet[y].utilization != nil }
            guard !used.isEmpty else { return nil }
            return Summary(used.map { $0.fleet[y].utilization ?? 0 }, weights: used.map(\.probability))
        }
        stranded = years.indices.map { y in Summary(figures.map { $0.fleet[y].stranded }, weights: weights) }
        atRisk = years.indices.map { y in Summary(figures.map { $0.fleet[y].atRisk }, weights: weights) }
        if figures.contains(where: { $0.belowBreakevenFinalYear != nil }) {
            let total = weights.reduce(0, +)
            let below = figures.filter { $0.belowBreakevenFinalYear == true }.reduce(0) { $0 + $1.probability }
            let effective = 1 / weights.reduce(0) { $0 + ($1 / total) * ($1 / total) }
            probabilityBelowBreakeven = WilsonInterval(value: below / total, trials: effective)
        } else {
            probabilityBelowBreakeven = nil
        }
    }
}
