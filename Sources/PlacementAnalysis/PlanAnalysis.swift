import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Everything docs/design.md §4 computes from a plan: utilization and category mix,
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
        var session: Solver.Session?
        return try run(study: study, plan: plan, solver: solver, reusing: &session)
    }

    /// The same, continuing the stress re-solves in `session` when its structure allows
    /// (see ``StressTest/run(study:plan:solver:reusing:)``).
    public static func run<Solver: IncrementalSolver>(
        study: Study, plan: Plan, solver: Solver, reusing session: inout Solver.Session?
    ) throws -> PlanAnalysis {
        let stress = try StressTest.run(study: study, plan: plan, solver: solver, reusing: &session)
        return PlanAnalysis(utilization: Utilization(plan: plan), stress: stress,
                            stranded: StrandedAssetRisk(study: study, plan: plan, stress: stress))
    }
}
