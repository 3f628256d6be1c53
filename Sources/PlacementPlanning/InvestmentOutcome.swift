import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// What the investment solve decided, whatever the method: the builds, the objective, the
/// shadow prices and how it ended (termination and result statuses apart, as in MathOptInterface).
public struct InvestmentOutcome: Sendable {
    public var method: PlanningOptions.Method
    public var termination: TerminationStatus
    public var primalStatus: ResultStatus
    public var dualStatus: ResultStatus
    public var message: String?
    /// Objective in scaled money (thousands of USD), including its constant.
    public var objective: Double?
    /// Accelerators built per fleet and year position; nil without a feasible point.
    public var built: [[Double]]?
    public var shadowPrices: (power: [Plan.ShadowPrice], budget: Plan.ShadowPrice?) = ([], nil)
    /// Simplex iterations (monolithic), or the master's and blocks' together (decomposed).
    public var iterations: Int = 0
    public var warmStarted: Bool = false
    /// MIP: relative gap of the (last) branch-and-bound.
    public var mipGap: Double?
    /// Decomposed: the iterations' bounds and counts.
    public var decomposition: DecompositionStatistics?
    /// Rows, columns and nonzeros of what was solved: the whole investment LP (monolithic), or the
    /// master with its cuts plus the blocks' value-stage programs (decomposed; the whole LP is never
    /// built, docs/formulation.md, "Progress and statistics").
    public var size: ProgramSize

    /// Whether the plan is proven optimal (within the decomposition's gap).
    public var isOptimal: Bool { termination == .optimal }
}

/// Size of a linear program.
public struct ProgramSize: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var integer: Bool

    public init(rows: Int, columns: Int, nonzeros: Int, integer: Bool) {
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
        self.integer = integer
    }

    public init(_ model: LinearProgram) {
        self.init(
            rows: model.constraintCount, columns: model.variableCount, nonzeros: model.nonzeroCount,
            integer: model.hasIntegerVariables)
    }

    /// Programs side by side: rows, columns and nonzeros added; integer when any is.
    static func sum(_ sizes: [ProgramSize]) -> ProgramSize {
        sizes.reduce(ProgramSize(rows: 0, columns: 0, nonzeros: 0, integer: false)) { total, size in
            ProgramSize(
                rows: total.rows + size.rows, columns: total.columns + size.columns,
                nonzeros: total.nonzeros + size.nonzeros, integer: total.integer || size.integer)
        }
    }
}

/// How the decomposition went.
public struct DecompositionStatistics: Sendable, Hashable {
    public var iterations: Int
    public var blockSolves: Int
    public var cuts: Int
    /// Best evaluated objective and the master's bound (USD).
    public var lowerBound: Double
    public var upperBound: Double
    public var relativeGap: Double
    public var history: [DecompositionProgress]
}
