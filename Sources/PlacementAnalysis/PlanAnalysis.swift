import PlacementModel
import PlacementOptimizer

/// Everything docs/design.md §4 computes from a plan and its canonical dispatches: utilization
/// and category mix, resilience under one-workload stresses, stranded-asset risk, and the
/// headline figures every output shows. (Shadow prices come with the plan.) It solves nothing:
/// the planning pipeline runs the dispatch re-solves and hands their dispatch in.
///
/// ```swift
/// let analysis = PlanAnalysis(study: study, plan: plan, stressCases: cases)
/// analysis.stress?.fleet.last?.resilience
/// analysis.stranded.fleet.last?.stranded.expected
/// analysis.tailNPV
/// ```
public struct PlanAnalysis: Sendable {
    public var utilization: Utilization
    /// nil when the stress cases were not run, or the study has no workload with a tenant.
    public var stress: StressTest?
    public var stranded: StrandedAssetRisk
    /// Expected NPV of the worst `1 - alpha` of the scenarios (the CVaR term's NPV).
    public var tailNPV: Double
    /// Fleet utilization in the final year, expected over the scenarios that have an installed
    /// fleet then (weights renormalised over them); nil when none has.
    public var expectedFleetUtilization: Double?

    /// - Parameters:
    ///   - study: the study the plan was solved from.
    ///   - plan: the plan to analyse.
    ///   - stressCases: the stress re-solves, or nil when they were not run.
    public init(study: Study, plan: Plan, stressCases: [StressTest.Case]?) {
        let utilization = Utilization(plan: plan)
        self.utilization = utilization
        let stress = stressCases.flatMap {
            $0.isEmpty ? nil : StressTest(study: study, plan: plan, utilization: utilization, cases: $0)
        }
        self.stress = stress
        stranded = StrandedAssetRisk(study: study, plan: plan, utilization: utilization, stress: stress)
        tailNPV = TailRisk.tailNPV(
            npv: plan.npvByScenario, probabilities: plan.scenarioWeights, alpha: study.risk.alpha)
        let final = plan.years.last ?? study.horizon.end
        var weighted = 0.0
        var weight = 0.0
        for (scenario, probability) in zip(plan.scenarios, plan.scenarioWeights) {
            guard let value = utilization.fleet(year: final, scenario: scenario) else { continue }
            weighted += value * probability
            weight += probability
        }
        expectedFleetUtilization = weight > 0 ? weighted / weight : nil
    }

    /// Fleet resilience in the final year, when the stress cases were run and it is defined.
    public var finalResilience: Double? { stress?.fleet.last?.resilience }

    /// Expected stranded value of the fleet in the final year.
    public var finalExpectedStranded: Double? { stranded.fleet.last?.stranded.expected }
}
