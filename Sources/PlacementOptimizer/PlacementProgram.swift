import LinearProgramming
import PlacementModel

/// The linear program of docs/design.md §3 for one study, with the handles needed to read
/// a solution back and to change numbers for warm re-solves.
///
/// Money in the objective and the budget row is in thousands of USD (``moneyScale``) so
/// that GLPK's relative optimality tolerance meets costs near 1; everything read back is in USD.
///
/// ```swift
/// let program = try PlacementProgramBuilder(study: study).build()
/// print(program.model.constraintCount, program.model.variableCount)
/// ```
public struct PlacementProgram: Sendable {
    /// Objective and budget-row units per USD.
    public static let moneyScale = 1e-3

    public var model: LinearProgram
    public let index: PlacementIndex
    public internal(set) var options: ProgramOptions
    /// Scenario weights in the expectation (probabilities, renormalised over a subset).
    public let scenarioWeights: [Double]

    /// `build[fleet][year]`: accelerators (or blocks of `blockUnits`) added at the start of the year.
    public internal(set) var build: [[Variable?]]
    /// `capacityPossible[fleet][year]`: arcs of a fleet get serve columns only in years it can have capacity.
    public let capacityPossible: [[Bool]]
    /// Units per build column: `integer_blocks.units`, else 1.
    public let blockUnits: Double
    /// First serve column of each (demand point, year, scenario, slice); the point's arcs follow in order.
    public internal(set) var serveStart: [Int]
    public internal(set) var unserved: [Variable?]
    public internal(set) var shortfall: [Variable?]
    /// Demand rate of each (demand point, year, scenario, slice) before stress scaling.
    public internal(set) var demandRate: [Double]
    public internal(set) var demandRow: [Constraint?]
    /// `capacity[fleet][slot]`.
    public internal(set) var capacityRow: [[Constraint?]]
    /// `power[facility][year]`.
    public internal(set) var powerRow: [[Constraint?]]
    public internal(set) var budgetRow: Constraint?
    public internal(set) var cvarEta: Variable?
    public internal(set) var cvarExcess: [Variable]

    /// Calls `body(arc, column)` for each serve column of a demand point in a slot, in column order.
    public func forEachServe(point: Int, year: Int, slot: Int, _ body: (PlacementIndex.Arc, Variable) -> Void) {
        guard demandRow[point * slotsPerPoint + slot] != nil else { return }
        var column = serveStart[point * slotsPerPoint + slot]
        for arc in index.demandPoints[point].arcs where capacityPossible[arc.fleet][year] {
            body(arc, Variable(index: column))
            column += 1
        }
    }

    /// The bound changes that set every demand to its rate times `scale[workload]` (1 when
    /// absent): demand rows and the upper bounds of unserved columns. Applying them to a
    /// session holding this program turns it into the program built with that demand scale.
    public func demandChanges(scale: [WorkloadID: Double]) -> (rows: [(Constraint, RowBound)],
                                                             columns: [(Variable, lower: Double, upper: Double)]) {
        var rows = [(Constraint, RowBound)](), columns = [(Variable, lower: Double, upper: Double)]()
        let study = index.study
        for (p, point) in index.demandPoints.enumerated() {
            let tenant = study.tenants[point.tenant]
            let factor = scale[tenant.workload] ?? 1
            for slot in 0..<slotsPerPoint {
                let position = p * slotsPerPoint + slot
                guard let row = demandRow[position] else { continue }
                let demand = demandRate[position] * factor
                rows.append((row, .equal(demand)))
                if let column = unserved[position] {
                    columns.append((column, 0, (1 - tenant.committedShare) * demand))
                }
            }
        }
        return (rows, columns)
    }

    /// This program as if built with `scale` as its demand scale (after ``demandChanges(scale:)``
    /// were applied to a session), so a plan read from that session reports the scaled demand.
    public func withDemandScale(_ scale: [WorkloadID: Double]) -> PlacementProgram {
        var copy = self
        copy.options.demandScale = scale
        return copy
    }

    /// Position of (year, scenario, slice) in the flattened per-point arrays.
    public func slot(year: Int, scenario: Int, slice: Int) -> Int {
        (year * index.scenarios.count + scenario) * index.slices + slice
    }

    public var slotsPerPoint: Int { index.years.count * index.scenarios.count * index.slices }
    public var slotsPerFleet: Int { slotsPerPoint }
}
