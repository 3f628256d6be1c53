import PlacementModel
import PlacementOptimizer

/// Utilization resilience (docs/design.md §4): for each workload that has a tenant, its demand
/// times `1 - shock` in every year of the reference scenario, capacity held at the plan and the
/// dispatch re-solved to its canonical form. The reference utilization is the plan's own
/// canonical dispatch of the reference scenario (the same re-solve without the stress).
///
/// `resilience = min over workloads of (utilization under stress / reference utilization)`
/// per facility and for the fleet, per year; nil where the reference utilization is 0 or undefined.
///
/// ```swift
/// let stress = StressTest(study: study, plan: plan, utilization: Utilization(plan: plan), cases: cases)
/// stress.fleet.last?.resilience   // e.g. 0.74 in the final year
/// stress.fleet.last?.worst        // "video"
/// ```
public struct StressTest: Sendable {
    /// One stressed workload's re-solve.
    public struct Case: Sendable {
        public var workload: WorkloadID
        /// Canonical dispatch per fleet and year, labelled with the reference scenario.
        public var dispatch: [Plan.Dispatch]
        public var utilization: Utilization
        /// Simplex iterations of the case's block re-solves (all stages).
        public var iterations: Int
        /// Whether every block re-solve started from a stored basis.
        public var warmStarted: Bool

        public init(workload: WorkloadID, plan: Plan, dispatch: [Plan.Dispatch], iterations: Int, warmStarted: Bool) {
            self.workload = workload
            self.dispatch = dispatch
            utilization = Utilization(plan: plan, dispatch: dispatch)
            self.iterations = iterations
            self.warmStarted = warmStarted
        }
    }

    /// Resilience of one facility (or the fleet, `facility == nil`) in one year.
    public struct Resilience: Sendable, Hashable {
        public var facility: FacilityID?
        public var year: Int
        public var referenceUtilization: Double?
        /// Utilization under each stress, in `cases` order.
        public var stressedUtilization: [Double?]
        /// `min over cases of stressed / reference`; nil where the reference is 0 or undefined.
        public var resilience: Double?
        /// The workload whose stress gives the minimum.
        public var worst: WorkloadID?
    }

    public var shock: Double
    public var referenceScenario: ScenarioID
    public var cases: [Case]
    public var facilities: [Resilience]
    public var fleet: [Resilience]

    /// Resilience from the plan's utilization (the reference) and the stress cases' dispatch.
    public init(study: Study, plan: Plan, utilization: Utilization, cases: [Case]) {
        let reference = study.referenceScenario.id
        shock = study.stress.shock
        referenceScenario = reference
        self.cases = cases
        let workloads = cases.map(\.workload)
        facilities = study.facilities.flatMap { facility in
            plan.years.map { year in
                Self.resilience(
                    facility: facility.id, year: year,
                    reference: utilization.facility(facility.id, year: year, scenario: reference)?.utilization,
                    stressed: cases.map {
                        $0.utilization.facility(facility.id, year: year, scenario: reference)?.utilization
                    },
                    workloads: workloads)
            }
        }
        fleet = plan.years.map { year in
            Self.resilience(
                facility: nil, year: year, reference: utilization.fleet(year: year, scenario: reference),
                stressed: cases.map { $0.utilization.fleet(year: year, scenario: reference) }, workloads: workloads)
        }
    }

    /// Simplex iterations of all stress re-solves.
    public var iterations: Int { cases.reduce(0) { $0 + $1.iterations } }

    static func resilience(
        facility: FacilityID?, year: Int, reference: Double?, stressed: [Double?],
        workloads: [WorkloadID]
    ) -> Resilience {
        var result = Resilience(
            facility: facility, year: year, referenceUtilization: reference,
            stressedUtilization: stressed, resilience: nil, worst: nil)
        guard let reference, reference > 0 else { return result }
        for (position, value) in stressed.enumerated() {
            let ratio = (value ?? 0) / reference
            if result.resilience.map({ ratio < $0 }) ?? true {
                result.resilience = ratio
                result.worst = workloads[position]
            }
        }
        return result
    }
}
