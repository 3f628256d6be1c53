/// The outcome of a solve: two statuses, and the numbers only when they mean something.
///
/// ```swift
/// let solution = try GLPKSolver().solve(lp)
/// if solution.termination == .optimal, let point = solution.primal {
///     print(point.objective, point[x])
/// }
/// if let duals = solution.dual { print(duals[capacityRow]) }
/// ```
///
/// ``primal`` is `nil` unless the solver has a feasible point, and ``dual`` is `nil`
/// unless it has dual values for an LP optimum, so stale or meaningless numbers cannot be read.
public struct Solution: Sendable {
    public var termination: TerminationStatus
    public var primalStatus: ResultStatus
    public var dualStatus: ResultStatus
    /// Primal values and row activities, when ``primalStatus`` is `.feasiblePoint`.
    public var primal: PrimalPoint?
    /// Row duals and reduced costs, when ``dualStatus`` is `.feasiblePoint` (LP only).
    public var dual: DualPoint?
    /// MIP: the best proven bound on the objective, when known.
    public var bestBound: Double?
    /// MIP: relative gap `|objective - bound| / (|objective| + eps)` (GLPK's definition), when known.
    public var relativeGap: Double?
    public var statistics: SolveStatistics
    /// The solver's own explanation when it stopped short (a return code's meaning).
    public var message: String?
    /// The solver's terminal output, when a log was requested.
    public var log: String?

    public init(
        termination: TerminationStatus, primalStatus: ResultStatus, dualStatus: ResultStatus,
        primal: PrimalPoint? = nil, dual: DualPoint? = nil, bestBound: Double? = nil,
        relativeGap: Double? = nil, statistics: SolveStatistics = .init(), message: String? = nil,
        log: String? = nil
    ) {
        self.termination = termination
        self.primalStatus = primalStatus
        self.dualStatus = dualStatus
        self.primal = primal
        self.dual = dual
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.statistics = statistics
        self.message = message
        self.log = log
    }

    /// The objective value of the primal point, including the model's constant.
    public var objectiveValue: Double? { primal?.objective }
}

/// A primal point: one value per column, one activity per row.
public struct PrimalPoint: Sendable {
    public var objective: Double
    public var values: [Double]
    public var activities: [Double]

    public init(objective: Double, values: [Double], activities: [Double]) {
        self.objective = objective
        self.values = values
        self.activities = activities
    }

    public subscript(variable: Variable) -> Double { values[variable.index] }
    /// The row's activity `a·x`.
    public subscript(constraint: Constraint) -> Double { activities[constraint.index] }
}

/// Dual values of an LP optimum.
///
/// Sign convention (GLPK's, for both senses): a row's dual is the rate of change of the
/// optimal objective per unit increase of the row's active bound, and a column's reduced
/// cost is `c_j - sum_i a_ij * dual_i`. So for a maximisation a binding `<=` row has a
/// dual >= 0 and a binding `>=` row a dual <= 0; for a minimisation the other way round;
/// an `=` row's dual may have either sign. Strong duality then reads
/// `objective = constant + sum_i dual_i * activeBound_i + sum_j reducedCost_j * x_j`.
public struct DualPoint: Sendable {
    public var rowDuals: [Double]
    public var reducedCosts: [Double]

    public init(rowDuals: [Double], reducedCosts: [Double]) {
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
    }

    public subscript(constraint: Constraint) -> Double { rowDuals[constraint.index] }
    public func reducedCost(_ variable: Variable) -> Double { reducedCosts[variable.index] }
}

/// What the solve cost.
public struct SolveStatistics: Sendable, Hashable {
    /// Simplex iterations (for a MIP: GLPK does not report the total; 0).
    public var iterations: Int
    /// Branch-and-bound nodes (MIP only).
    public var nodes: Int
    public var seconds: Double
    /// Whether the solve started from a stored basis.
    public var warmStarted: Bool

    public init(iterations: Int = 0, nodes: Int = 0, seconds: Double = 0, warmStarted: Bool = false) {
        self.iterations = iterations
        self.nodes = nodes
        self.seconds = seconds
        self.warmStarted = warmStarted
    }
}

/// The interval over which a number can move while the optimal basis stays optimal (or feasible).
public struct SensitivityRange: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
