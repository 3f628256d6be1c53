import PlacementModel

/// The size of a study's whole program (the investment LP with every dispatch block), estimated
/// from its ``PlacementIndex`` before anything is built: an upper bound of the rows, columns and
/// nonzeros ``PlacementProgramBuilder`` would write (every slice counted as having demand), so
/// a study too large for the machine is refused before memory is spent on it.
///
/// ```swift
/// let size = ProgramSize(index: PlacementIndex(study: study))
/// size.nonzeros   // 140,534 or a little more for the bundled study
/// ```
public struct ProgramSize: Sendable, Equatable {
    /// Constraints (the objective not counted).
    public var rows: Int
    /// Variables.
    public var columns: Int
    /// Nonzero coefficients in the constraint matrix.
    public var nonzeros: Int

    /// The estimate for `index`'s study, in time linear in fleets x years (no arc is walked per block).
    public init(index: PlacementIndex) {
        let study = index.study
        let years = index.years.count
        let blocks = Double(index.scenarios.count * index.slices)
        // How many demand points each fleet serves: a serve column per (point, arc, slice, scenario)
        // in every year the fleet can hold capacity.
        var arcsOfFleet = Array(repeating: 0.0, count: index.fleets.count)
        for point in index.demandPoints { for arc in point.arcs { arcsOfFleet[arc.fleet] += 1 } }
        var serve = 0.0
        var capacityRows = 0.0
        var capacityTerms = 0.0
        var builds = 0.0
        var powerTerms = 0.0  // power rows hold every build alive in their year
        for fleet in index.fleets.indices {
            let lifetime = study.hardware[index.fleets[fleet].hardware].lifetimeYears
            var alive = 0.0  // buildable years within the lifetime window ending at y
            for y in 0..<years {
                if index.buildable[fleet][y] { alive += 1 }
                if y >= lifetime, index.buildable[fleet][y - lifetime] { alive -= 1 }
                powerTerms += alive
                guard index.capacityPossible[fleet][y] else { continue }
                serve += arcsOfFleet[fleet]
                capacityRows += 1
                capacityTerms += alive
            }
            builds += Double(index.buildable[fleet].filter { $0 }.count)
        }
        // Adaptive decisions (docs/design.md §9): a build column and a power row per node of a year,
        // a budget row per node of the last; bounded by the most nodes any year has.
        let nodes = Double(index.tree.nodes.map(\.count).max() ?? 1)
        builds *= nodes
        powerTerms *= nodes
        serve *= blocks
        capacityTerms = capacityTerms * blocks + serve  // alive builds, and every serve column once
        capacityRows *= blocks
        let positions = Double(index.demandPoints.count * years) * blocks
        let scenarios = Double(index.scenarios.count)
        var rows = positions + capacityRows + Double(study.facilities.count * years) * nodes + nodes
        var columns = serve + 2 * positions + builds
        // Demand rows hold serve, unserved and shortfall; power rows and the budget hold builds.
        var nonzeros = serve + 2 * positions + capacityTerms + powerTerms + builds
        if study.policy.maxCategoryShare < 1 {
            let workloads = Double(study.workloads.count)
            rows += Double(study.facilities.count * years) * blocks * workloads
            nonzeros += serve * workloads
        }
        if study.risk.weight > 0 {
            rows += scenarios
            columns += scenarios + 1
            // Each scenario's CVaR row holds its blocks' value terms, the builds, excess and eta.
            nonzeros += serve + positions + scenarios * (builds + 2)
        }
        self.rows = Self.clamped(rows)
        self.columns = Self.clamped(columns)
        self.nonzeros = Self.clamped(nonzeros)
    }

    private static func clamped(_ value: Double) -> Int { value < 9e18 ? Int(value) : Int.max }
}
