import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// Utilization resilience (docs/design.md §4): for each workload that has a tenant, its
/// demand times `1 - shock` in every year of the reference scenario, capacity held at the
/// plan and only dispatch re-solved, warm-started in one solver session.
///
/// `resilience = min over workloads of (utilization under stress / reference utilization)`
/// per facility and for the fleet, per year; nil where the reference utilization is 0.
///
/// ```swift
/// let stress = try StressTest.run(study: study, plan: plan, solver: GLPKSolver())
/// stress.fleet.last?.resilience   // e.g. 0.74 in the final year
/// stress.fleet.last?.worst        // "video"
/// ```
public struct StressTest: Sendable {
    /// One stressed workload's re-solve.
    public struct Case: Sendable {
        public var workload: WorkloadID
        public var plan: Plan
        public var utilization: Utilization
        public var iterations: Int
        public var warmStarted: Bool
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
    /// The dispatch of the reference scenario at the plan's capacity, without stress.
    public var reference: Plan
    public var referenceUtilization: Utilization
    public var referenceIterations: Int
    public var cases: [Case]
    public var facilities: [Resilience]
    public var fleet: [Resilience]

    /// Runs the reference and the stress re-solves in one session of `solver`.
    public static func run<Solver: IncrementalSolver>(study: Study, plan: Plan, solver: Solver) throws -> StressTest {
        var session: Solver.Session?
        return try run(study: study, plan: plan, solver: solver, reusing: &session)
    }

    /// The same, continuing in `session` when it holds a dispatch program of the same
    /// structure (a sweep's previous variant): its numbers are updated and the basis kept.
    /// On return `session` holds this run's session.
    public static func run<Solver: IncrementalSolver>(
        study: Study, plan: Plan, solver: Solver, reusing session: inout Solver.Session?
    ) throws -> StressTest {
        let reference = study.referenceScenario.id
        let program = try PlacementProgramBuilder(
            study: study, options: ProgramOptions(scenarios: [reference], fixedBuilds: plan.builtUnits)).build()
        if let existing = session, try existing.update(to: program.model) {
            // Warm: the previous variant's basis.
        } else {
            session = try solver.makeSession(program.model)
        }
        guard let session else { throw StressError(description: "no solver session") }
        let first = try session.solve()
        guard let referencePlan = PlacementOptimizer<Solver>.plan(from: first, of: program, study: study) else {
            throw StressError(description: "the reference dispatch ended \(first.termination.rawValue)")
        }
        let stressed = study.workloads.map(\.id).filter { id in study.tenants.contains { $0.workload == id } }
        var cases = [Case]()
        for workload in stressed {
            let scale = [workload: 1 - study.stress.shock]
            let changes = program.demandChanges(scale: scale)
            try session.setBounds(changes.rows)
            try session.setVariableBounds(changes.columns)
            let solution = try session.solve()
            guard let casePlan = PlacementOptimizer<Solver>.plan(from: solution, of: program.withDemandScale(scale), study: study) else {
                throw StressError(description: "the \(workload) stress dispatch ended \(solution.termination.rawValue)")
            }
            cases.append(Case(workload: workload, plan: casePlan, utilization: Utilization(plan: casePlan),
                              iterations: solution.statistics.iterations, warmStarted: solution.statistics.warmStarted))
        }
        let referenceUtilization = Utilization(plan: referencePlan)
        let years = plan.years
        let facilities = study.facilities.flatMap { facility in
            years.map { year in
                resilience(facility: facility.id, year: year, reference: referenceUtilization
                    .facility(facility.id, year: year, scenario: reference)?.utilization,
                           stressed: cases.map { $0.utilization.facility(facility.id, year: year, scenario: reference)?.utilization },
                           workloads: cases.map(\.workload))
            }
        }
        let fleet = years.map { year in
            resilience(facility: nil, year: year, reference: referenceUtilization.fleet(year: year, scenario: reference),
                       stressed: cases.map { $0.utilization.fleet(year: year, scenario: reference) },
                       workloads: cases.map(\.workload))
        }
        return StressTest(shock: study.stress.shock, referenceScenario: reference, reference: referencePlan,
                          referenceUtilization: referenceUtilization, referenceIterations: first.statistics.iterations,
                          cases: cases, facilities: facilities, fleet: fleet)
    }

    static func resilience(facility: FacilityID?, year: Int, reference: Double?, stressed: [Double?],
                           workloads: [WorkloadID]) -> Resilience {
        var result = Resilience(facility: facility, year: year, referenceUtilization: reference,
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

    public struct StressError: Error, CustomStringConvertible {
        public var description: String
    }
}
