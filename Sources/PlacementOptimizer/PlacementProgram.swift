import LinearProgramming
import PlacementModel

/// The investment LP of docs/design.md §3 for one study (solved whole by the monolithic
/// methods), with the handles needed to read builds, values and duals back.
///
/// Money in the objective and the budget row is in thousands of USD (``moneyScale``) so
/// that GLPK's relative optimality tolerance meets costs near 1; everything read back is in USD.
/// Columns and rows are laid out build columns first, then one dispatch block per
/// (year, scenario), year-major, then the power, budget and CVaR rows.
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
    public let options: ProgramOptions
    /// Scenario weights in the expectation (probabilities, renormalised over a subset).
    public let scenarioWeights: [Double]
    /// `build[fleet][stage]`: accelerators (or build units of `index.buildUnitSize`) added at the start
    /// of the stage's year in the stage's node (`index.stages`; with one node a year, stage = year).
    public let build: [[Variable?]]
    /// One layout per (year, scenario), at `index.block(year:scenario:)`.
    public let blocks: [DispatchBlockLayout]
    /// `power[facility][year]`, one row per node of the year that has one.
    public let powerRows: [[[Constraint]]]
    /// The budget rows, one per node of the last year (one with here-and-now decisions).
    public let budgetRows: [Constraint]
    /// The power rows of the first node of each year (every row, with here-and-now decisions).
    public var powerRow: [[Constraint?]] { powerRows.map { $0.map(\.first) } }
    /// The first budget row (the budget row, with here-and-now decisions).
    public var budgetRow: Constraint? { budgetRows.first }
    public let cvarEta: Variable?
    public let cvarExcess: [Variable]

    /// Units built per fleet and stage (accelerators), read from a primal point.
    public func builtUnits(_ primal: PrimalPoint) -> [[Double]] {
        build.map { row in
            row.map { column in column.map { PlanAssembler.units(primal[$0] * index.buildUnitSize) } ?? 0 }
        }
    }
}
