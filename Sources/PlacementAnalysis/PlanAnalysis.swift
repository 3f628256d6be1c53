import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Everything DESIGN section 4 computes from a plan: utilization and category mix,
/// resilience under one-workload stresses, and stranded-asset risk. (Shadow prices come
/// with the plan: `Plan.powerShadowPrices`, `Plan.budgetShadowPrice`.)
///
/// ```swift
/// let analysis = try PlanAnalysis.run(study: study, plan: plan, solver: GLPKSolver())
/// analysis.stress?.fleet.last?.resilience
/// analysis.stranded.fleet.last?.stranded.expected
/// ```
public struct PlanAnalysis: Sendable {
    public var utilization: Utilization
    /// nil when the study has no workload with a tenant to stress.
    public var stress: StressTest?
    public var stranded: StrandedAssetRisk

    public init(utilization: Utilization, stress: StressTest?, stranded: StrandedAssetRisk) {
        self.utilization = utilization
        self.stress = stress
        self.stranded = stranded
    }

    public static func run<Solver: IncrementalSolver>(study: Study, plan: Plan, solver: Solver) throws -> PlanAnalysis {
        let stress = try StressTest.run(study: study, plan: plan, solver: solver)
        return PlanAnalysis(utilization: Utilization(plan: plan), stress: stress,
                            stranded: StrandedAssetRisk(study: study, plan: plan, stress: stress))
    }
}
