import PlacementModel

/// The range of build capital each group of fleets (a facility, region, jurisdiction or
/// accelerator) can take over the plans whose objective is within `slack` of the optimum
/// (docs/design.md §10): the least and the most capital of the group's builds, each with the
/// plan that reaches it.
///
/// ```swift
/// let alternatives = try PlanningPipeline(solver: GLPKSolver()).alternatives(study, slack: 0.02, by: .facility)
/// for group in alternatives.groups { print(group.name, group.least.capitalUSD, group.most.capitalUSD) }
/// ```
public struct NearOptimalAlternatives: Sendable {
    /// How fleets are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case facility, region, jurisdiction, hardware
    }

    /// Units built at the start of a year at a facility, of one accelerator: with adaptive
    /// decisions whose tree has several nodes in some year, in one node of the year.
    public struct Build: Sendable, Hashable {
        public var facility: FacilityID
        public var hardware: HardwareID
        public var year: Int
        public var units: Double
        /// The node's position among its year's nodes, from 0; nil when every year has one node.
        public var node: Int?
        /// The node's scenarios (study order); nil when every year has one node.
        public var scenarios: [ScenarioID]?
    }

    /// One extreme plan: the group's build capital in it, the group's installed IT power in the
    /// final year, and every build of the plan. With adaptive decisions both figures are
    /// expectations: each node's builds weighted by its probability (its scenarios' together),
    /// each final-year node's IT power likewise.
    public struct ExtremePlan: Sendable {
        public var capitalUSD: Double
        public var finalYearITMW: Double
        /// The plan's objective (USD): at least the optimum less the slack.
        public var objectiveUSD: Double
        public var builds: [Build]
    }

    public struct Group: Sendable {
        public var name: String
        /// The group's build capital in the optimal plan.
        public var planCapitalUSD: Double
        /// The plan with the least capital in the group's builds.
        public var least: ExtremePlan
        /// The plan with the most capital in the group's builds.
        public var most: ExtremePlan
    }

    /// The share of the optimum's magnitude a plan may give up.
    public var slack: Double
    public var grouping: Grouping
    /// The optimal objective (USD) the slack is measured from.
    public var objectiveUSD: Double
    /// True when the study's builds depend on the scenario (adaptive decisions, several nodes in
    /// some year): every capital and IT MW figure is then an expectation over the scenarios.
    public var isExpected: Bool
    /// The optimal plan's build capital (USD), all groups together.
    public var planCapitalUSD: Double
    /// The optimal plan's builds.
    public var planBuilds: [Build]
    public var groups: [Group]
    /// Master re-solves and block evaluations the search took, after the optimal solve.
    public var masterSolves: Int
    public var evaluations: Int
}
