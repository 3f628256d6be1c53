/// The scenarios of a study partitioned, for each horizon year, into the nodes whose builds of
/// that year must be the same (docs/design.md §9).
///
/// - here-and-now: one node per year;
/// - adaptive: scenarios whose inputs (every multiplier of every kind, after carry-forward) are
///   equal in every horizon year before y share a node of year y; the first year has one node;
/// - wait-and-see: every scenario its own node from the first year.
///
/// Each year's partition refines the year before's (agreeing up to y implies agreeing up to
/// y - 1), so the nodes form a tree. Nodes of a year are ordered by their first scenario, and
/// list their scenarios in study order.
///
/// ```swift
/// let tree = ScenarioTree(scenarios: study.scenarios, years: study.horizon.years, mode: .adaptive)
/// tree.nodes[2]            // [[0], [1, 3], [2]]: scenario positions of each node of the third year
/// tree.node(year: 2, scenario: 3)   // 1
/// ```
public struct ScenarioTree: Sendable, Hashable {
    /// `nodes[y][n]`: the scenario positions of node n of year position y.
    public let nodes: [[[Int]]]
    /// `nodeOf[y][s]`: the node of scenario position s in year position y.
    public let nodeOf: [[Int]]

    /// The tree of `mode` over `scenarios` for the horizon `years` (ascending).
    public init(scenarios: [Scenario], years: [Int], mode: DecisionMode) {
        let count = scenarios.count
        var nodeOf: [[Int]] = []
        switch mode {
        case .hereAndNow:
            nodeOf = years.map { _ in Array(repeating: 0, count: count) }
        case .waitAndSee:
            nodeOf = years.map { _ in Array(0..<count) }
        case .adaptive:
            let inputs = scenarios.map { Self.inputs(of: $0, scenarios: scenarios, years: years) }
            for y in years.indices {
                // Scenarios agreeing in every year before y: the same inputs over years[0..<y].
                var first: [[[Double]]: Int] = [:]
                var labels: [Int] = []
                var next = 0
                for s in 0..<count {
                    let seen = Array(inputs[s][0..<y])
                    if let label = first[seen] {
                        labels.append(label)
                    } else {
                        first[seen] = next
                        labels.append(next)
                        next += 1
                    }
                }
                nodeOf.append(labels)
            }
        }
        self.nodeOf = nodeOf
        nodes = nodeOf.map { labels in
            let count = (labels.max() ?? -1) + 1
            var members = Array(repeating: [Int](), count: count)
            for (s, label) in labels.enumerated() { members[label].append(s) }
            return members
        }
    }

    /// The node of scenario position `s` in year position `y`.
    public func node(year y: Int, scenario s: Int) -> Int { nodeOf[y][s] }

    /// Whether every year has one node: today's here-and-now program, whatever the mode said.
    public var isSingleNodePerYear: Bool { nodes.allSatisfy { $0.count == 1 } }

    /// Every input of `scenario` in each year: demand, price and efficiency multipliers of every
    /// workload and electricity multipliers of every region any scenario lists, after
    /// carry-forward (absent = 1), in a fixed order of keys.
    static func inputs(of scenario: Scenario, scenarios: [Scenario], years: [Int]) -> [[Double]] {
        func keys<Key: Hashable & Comparable>(_ series: KeyPath<Scenario, [Key: YearSeries]>) -> [Key] {
            Set(scenarios.flatMap { $0[keyPath: series].keys }).sorted()
        }
        let workloads = (keys(\.demand), keys(\.price), keys(\.efficiency))
        let regions = keys(\.electricity)
        return years.map { year in
            workloads.0.map { scenario.demandMultiplier(for: $0, in: year) }
                + workloads.1.map { scenario.priceMultiplier(for: $0, in: year) }
                + workloads.2.map { scenario.efficiencyMultiplier(for: $0, in: year) }
                + regions.map { scenario.electricityMultiplier(for: $0, in: year) }
        }
    }
}
