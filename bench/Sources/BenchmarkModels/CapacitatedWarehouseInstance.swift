import Foundation
import LinearProgramming

/// A capacitated warehouse location instance in Beasley's OR-Library format (cap41 ... capc).
///
/// Format: `m n`, then m lines `capacity fixed_cost`, then for each customer its demand
/// and the m costs of serving all of its demand from each warehouse. In capa/b/c the
/// capacity is the literal word `capacity`, to be replaced by a value listed with the optimum.
///
/// ```swift
/// let instance = try CapacitatedWarehouseInstance(parsing: text)
/// let (lp, _) = instance.model()
/// ```
public struct CapacitatedWarehouseInstance: Sendable {
    public var capacities: [Double]
    public var fixedCosts: [Double]
    public var demands: [Double]
    /// `costs[customer][warehouse]`: cost of serving all of the customer's demand from the warehouse.
    public var costs: [[Double]]

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses the text; `capacity` replaces the word `capacity` where it stands for a number.
    public init(parsing text: String, capacity: Double? = nil) throws {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })[...]
        func next(_ what: String) throws -> Double {
            guard let token = tokens.popFirst() else { throw ParseError(description: "file ends before \(what)") }
            if token == "capacity", let capacity { return capacity }
            guard let value = Double(token) else {
                throw ParseError(description: "\(what): '\(token)' is not a number")
            }
            return value
        }
        let warehouses = Int(try next("warehouse count"))
        let customers = Int(try next("customer count"))
        capacities = []
        fixedCosts = []
        for _ in 0..<warehouses {
            capacities.append(try next("capacity"))
            fixedCosts.append(try next("fixed cost"))
        }
        demands = []
        costs = []
        for _ in 0..<customers {
            demands.append(try next("demand"))
            costs.append(try (0..<warehouses).map { _ in try next("cost") })
        }
    }

    /// The strong formulation: open[i] binary, serve[i,j] the share of customer j's demand
    /// served by warehouse i (demand may be split), with the linking rows serve[i,j] <= open[i].
    public func model() -> (LinearProgram, open: [Variable]) {
        let m = capacities.count
        let n = demands.count
        var lp = LinearProgram(name: "capacitated-warehouse", sense: .minimize)
        lp.reserveCapacity(variables: m + m * n, constraints: n + m + m * n, nonzeros: 4 * m * n + m)
        let open = (0..<m).map {
            lp.addVariable(name: "open[\($0 + 1)]", upper: 1, objective: fixedCosts[$0], isInteger: true)
        }
        var serve: [[Variable]] = []
        for i in 0..<m {
            serve.append(
                (0..<n).map { j in lp.addVariable(name: "serve[\(i + 1),\(j + 1)]", upper: 1, objective: costs[j][i]) })
        }
        for j in 0..<n {
            lp.addConstraint(name: "demand[\(j + 1)]", terms: (0..<m).map { (serve[$0][j], 1.0) }, .equal(1))
        }
        for i in 0..<m {
            let terms = (0..<n).map { (serve[i][$0], demands[$0]) } + [(open[i], -capacities[i])]
            lp.addConstraint(name: "capacity[\(i + 1)]", terms: terms, .lessOrEqual(0))
            for j in 0..<n {
                lp.addConstraint(
                    name: "link[\(i + 1),\(j + 1)]", terms: [(serve[i][j], 1), (open[i], -1)], .lessOrEqual(0))
            }
        }
        return (lp, open)
    }
}

/// The published optima (`capopt.csv`: instance, capacity value for capa/b/c, optimum).
public struct PublishedOptimum: Sendable {
    public var instance: String
    public var capacity: Double?
    public var value: Double

    public static func parse(csv: String) -> [PublishedOptimum] {
        csv.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let value = Double(fields[2]) else { return nil }
            return PublishedOptimum(instance: fields[0], capacity: Double(fields[1]), value: value)
        }
    }
}
