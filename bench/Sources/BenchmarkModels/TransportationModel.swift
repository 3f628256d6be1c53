import LinearProgramming

/// A seeded random transportation problem: supplies, demands, and a cost per route.
///
/// Used by the benchmarks (built through ``LinearProgram`` and, for comparison, written
/// as GNU MathProg) and by tests that need an LP big enough to take real simplex work.
///
/// ```swift
/// let problem = TransportationModel(sources: 100, sinks: 200, seed: 7)
/// let lp = problem.model()   // 300 rows, 20,000 columns, 40,000 nonzeros
/// ```
public struct TransportationModel: Sendable {
    public var supply: [Double]
    public var demand: [Double]
    /// `cost[source][sink]`
    public var cost: [[Double]]

    public init(sources: Int, sinks: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        demand = (0..<sinks).map { _ in Double(10 + random.next() % 90) }
        let total = demand.reduce(0, +)
        // 20% slack in supply so the problem is feasible and not degenerate everywhere.
        let share = (total * 1.2 / Double(sources)).rounded(.up)
        supply = (0..<sources).map { _ in share }
        cost = (0..<sources).map { _ in (0..<sinks).map { _ in Double(1 + random.next() % 100) } }
    }

    public func model() -> (LinearProgram, supplyRows: [Constraint], demandRows: [Constraint]) {
        let m = supply.count
        let n = demand.count
        var lp = LinearProgram(name: "transportation", sense: .minimize)
        lp.reserveCapacity(variables: m * n, constraints: m + n, nonzeros: 2 * m * n)
        var ship: [Variable] = []
        ship.reserveCapacity(m * n)
        for i in 0..<m {
            for j in 0..<n { ship.append(lp.addVariable(name: "ship[\(i),\(j)]", objective: cost[i][j])) }
        }
        let supplyRows = (0..<m).map { i in
            lp.addConstraint(
                name: "supply[\(i)]", terms: (0..<n).lazy.map { (ship[i * n + $0], 1.0) }, .lessOrEqual(supply[i]))
        }
        let demandRows = (0..<n).map { j in
            lp.addConstraint(
                name: "demand[\(j)]", terms: (0..<m).lazy.map { (ship[$0 * n + j], 1.0) }, .greaterOrEqual(demand[j]))
        }
        return (lp, supplyRows, demandRows)
    }

    /// The same model in GNU MathProg (model and data in one file), for `glpsol --math`.
    public func mathProg() -> String {
        var text = """
            set I; set J;
            param supply{I}; param demand{J}; param cost{I, J};
            var ship{I, J} >= 0;
            minimize total: sum{i in I, j in J} cost[i,j] * ship[i,j];
            s.t. supply_row{i in I}: sum{j in J} ship[i,j] <= supply[i];
            s.t. demand_row{j in J}: sum{i in I} ship[i,j] >= demand[j];
            data;

            """
        text += "set I := " + (0..<supply.count).map(String.init).joined(separator: " ") + ";\n"
        text += "set J := " + (0..<demand.count).map(String.init).joined(separator: " ") + ";\n"
        text +=
            "param supply := " + supply.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: " ") + ";\n"
        text +=
            "param demand := " + demand.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: " ") + ";\n"
        text += "param cost : " + (0..<demand.count).map(String.init).joined(separator: " ") + " :=\n"
        for (i, row) in cost.enumerated() {
            text += "\(i) " + row.map { String(Int($0)) }.joined(separator: " ") + "\n"
        }
        text += ";\nend;\n"
        return text
    }
}

/// A small, fast, seedable generator (Vigna's SplitMix64) so generated models are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
