import LinearProgramming
import PlacementOptimizer

/// The decomposed solve's master problem with every cut in one place: the master program
/// (``BendersMaster``), its LP with the cuts added so far, the cutting-plane model that tests a
/// cut before it is added, and two warm solver sessions, each with a fixed objective:
///
/// - the **cutting-plane master** (``solve()``): maximise the objective over the cuts. It
///   re-solves with the dual simplex from its last basis, since new cuts leave it dual feasible;
/// - the **level problem** (``project(centre:level:)``): the builds nearest the centre (weighted
///   L1) whose model value reaches the level. It re-solves with the primal simplex: its centre
///   and level move every iteration, and the dual simplex from the last basis was seen to take
///   thousands of iterations there where the primal takes a few hundred (bench/README.md,
///   "Measurements behind the defaults"). It is opened at the first level step.
///
/// Both sessions gain every cut (``add(_:)``; the cutting-plane session may keep slack ones in a
/// pool, below), and so do extra rows and a new objective (``addRows(_:)``,
/// ``setObjective(_:)``): cuts stay valid when only the master's rows and objective change, which
/// near-optimal alternatives and break-even prices rely on.
///
/// A long search over many objectives (near-optimal alternatives) piles up thousands of cuts, and
/// each re-solve's cost grows with them. ``compact()`` moves the cuts slack at the last solution
/// out of the cutting-plane session into a **pool**; every ``solve(using:)`` then checks the
/// pooled cuts at its optimum and, while some are violated, gives them back to the session and
/// re-solves by the dual simplex. The optimum it returns satisfies every cut, so it is an optimum
/// of the master with all its cuts, found in a smaller LP.
///
/// ```swift
/// let master = try RegularizedMaster(program: program, bounds: bounds, solver: solver)
/// let vertex = try master.solve()
/// let candidate = try master.project(centre: best, level: level) ?? vertex.primal!.values
/// master.add([(cut, "cut[1,2026,base]")])
/// ```
final class RegularizedMaster<Solver: IncrementalSolver> {
    private(set) var program: BendersMaster
    /// The master's LP with every cut and row added so far (the sessions catch up at their next
    /// solve, the cutting-plane session with every cut not in the pool).
    private(set) var lp: LinearProgram
    private var model: CuttingPlaneModel
    private let solver: Solver
    private var cutting: Solver.Session
    private var level: Solver.Session?
    /// Rows of `lp` the cutting-plane session has not been given yet, and rows the level session
    /// has not been given yet.
    private var cuttingPending: [Constraint] = []
    private var levelPending: [LinearConstraint] = []
    /// The row of `lp` each row of the cutting-plane session is, once ``compact()`` has left some
    /// out (nil: the session has every row of `lp`, in order).
    private var sessionRows: [Constraint]?
    /// Cut rows of `lp` the cutting-plane session does not have (``compact()``).
    private var pooled: [Constraint] = []
    /// How many cuts wait in the pool.
    var pooledCutCount: Int { pooled.count }
    /// Whether each row of `lp` is a cut: only cuts go to the pool.
    private var isCut: [Bool]
    /// The cutting-plane session's last optimum.
    private var lastPoint: [Double]?
    private var solves = 0
    /// Simplex solves of the cutting-plane session so far (a ``solve(using:)`` that gives pooled
    /// cuts back counts each of its re-solves).
    private(set) var sessionSolves = 0
    /// Simplex iterations of both sessions so far.
    private(set) var simplexIterations = 0
    /// Cuts added so far.
    private(set) var cutCount = 0
    /// Whether a repricing left the level row measuring the study's objective
    /// (``BendersMaster/Repricing/levelRowRepriced``): level steps stop then.
    private var levelRowStale = false

    /// Opens the cutting-plane session on `program`'s model.
    ///
    /// - Parameters:
    ///   - program: the master program, without cuts.
    ///   - bounds: each block's value bound, as the program's `theta` columns have them.
    ///   - solver: opens the sessions.
    /// - Throws: the solver's error when the session cannot be opened.
    init(program: BendersMaster, bounds: [Double], solver: Solver) throws {
        self.program = program
        self.solver = solver
        lp = program.model
        isCut = Array(repeating: false, count: lp.constraintCount)
        model = CuttingPlaneModel(bounds: bounds)
        cutting = try solver.makeSession(lp)
    }

    /// Whether the master has integer build columns (`integer_blocks`): no level steps then.
    var isInteger: Bool { program.model.hasIntegerVariables }

    /// Whether level steps apply: a linear master with builds to regularise.
    var canRegularize: Bool { !isInteger && !program.buildColumns.isEmpty && !levelRowStale }

    /// The cutting-plane master's optimum with the cuts so far: the primal simplex the first time,
    /// then the dual from the last basis.
    ///
    /// - Parameter method: the simplex method, when the caller knows better: after a new
    ///   objective the last basis stays primal feasible, so the primal simplex continues from it.
    /// - Returns: the master's solution (its termination says whether it is an optimum).
    /// - Throws: the solver's error when the session fails.
    ///
    /// Pooled cuts (``compact()``) the optimum violates go back to the session, which re-solves by
    /// the dual simplex until none is violated; the solution counts every re-solve's iterations,
    /// and its row activities and duals are the rows of ``lp`` (a pooled row's dual is 0).
    func solve(using method: SimplexMethod? = nil) throws -> Solution {
        solves += 1
        var method = method ?? (solves == 1 ? .primal : .dual)
        var iterations = 0
        var seconds = 0.0
        while true {
            try flushCutting()
            var solution = try cutting.solveRecovering(
                using: method, simplexIterationLimit: simplexIterationLimit(ProgramSize(lp)))
            sessionSolves += 1
            simplexIterations += solution.statistics.iterations
            iterations += solution.statistics.iterations
            seconds += solution.statistics.seconds
            solution.statistics.iterations = iterations
            solution.statistics.seconds = seconds
            guard solution.termination == .optimal, let point = solution.primal?.values else {
                return inRowsOfLP(solution, pooledActivities: nil)
            }
            lastPoint = point
            let activities = pooled.map { lp.activity(of: $0, at: point) }
            let violated = zip(pooled, activities).filter { isViolated($0, activity: $1) }.map(\.0)
            guard !violated.isEmpty else { return inRowsOfLP(solution, pooledActivities: activities) }
            // Added as basic rows to an optimal basis, they leave it dual feasible: the dual simplex.
            let returning = Set(violated)
            pooled.removeAll { returning.contains($0) }
            cuttingPending += violated
            method = .dual
        }
    }

    /// Moves the cuts slack at the cutting-plane session's last optimum (basic, and satisfied
    /// there) to the pool, reopening the session with the other rows and the last basis on them:
    /// the next ``solve(using:)`` continues from that basis in a smaller LP. Nothing happens
    /// before a first optimum, for an integer master (its basis is a node's), or when no cut
    /// is slack.
    func compact() throws {
        guard !isInteger, let point = lastPoint else { return }
        try flushCutting()
        guard let basis = try cutting.basis() else { return }
        let rows = sessionRows ?? lp.constraints
        var kept: [Constraint] = []
        var keptStatuses: [Basis.Status] = []
        var dropped: [Constraint] = []
        for (row, status) in zip(rows, basis.rows) {
            if isCut[row.index] && status == .basic && !isViolated(row, activity: lp.activity(of: row, at: point)) {
                dropped.append(row)
            } else {
                kept.append(row)
                keptStatuses.append(status)
            }
        }
        guard !dropped.isEmpty else { return }
        try reopenCutting(rows: kept, basis: Basis(rows: keptStatuses, columns: basis.columns))
        pooled += dropped
    }

    /// The level step: the master point nearest `centre` (weighted L1 over the build columns)
    /// whose model value reaches `level` (scaled money, with the objective's constant). Nil when
    /// the step fails: a warm start GLPK cannot continue from (it has reported a feasible level
    /// problem infeasible) is retried afresh by `solveRecovering`, and a step that still fails is
    /// skipped.
    func project(centre: [Double], level value: Double) throws -> [Double]? {
        let session: Solver.Session
        if let level {
            if !levelPending.isEmpty { try level.addConstraints(levelPending) }
            session = level
        } else {
            var levelled = lp
            for column in program.columns { levelled.setObjectiveCoefficient(column, 0) }
            for (column, weight) in program.distanceObjective { levelled.setObjectiveCoefficient(column, weight) }
            session = try solver.makeSession(levelled)
            level = session
        }
        levelPending = []
        try session.setBounds(
            zip(program.centreRow, program.buildColumns).map { ($0, .equal(centre[$1.index])) }
                + [(program.levelRow, .greaterOrEqual(value - lp.objectiveConstant))])
        let projected = try session.solveRecovering(
            using: .primal, simplexIterationLimit: simplexIterationLimit(ProgramSize(lp)))
        simplexIterations += projected.statistics.iterations
        guard projected.termination == .optimal, let point = projected.primal else { return nil }
        return point.values
    }

    /// Whether a new cut of `block` would cut off `point`: the model's value of the block there
    /// exceeds the block's `value` by more than `tolerance` of it. Otherwise the value function
    /// is exact at this point already, and a cut would only make the master larger.
    func needsCut(block: Int, value: Double, at point: [Double], tolerance: Double) -> Bool {
        model.value(block: block, at: point) > value + tolerance * max(1, abs(value))
    }

    /// Adds cuts, each with its row name, to the LP and the model now and to the sessions at their
    /// next solve.
    func add(_ cuts: [(cut: BendersCut, name: String)]) {
        let rows = cuts.map { $0.cut.constraint(name: $0.name) }
        for (cut, _) in cuts { model.add(cut) }
        append(rows, areCuts: true)
        cutCount += rows.count
    }

    /// Adds rows over the master's columns (a limit on a group's capital, say) to the LP and both
    /// sessions; the cuts stay.
    func addRows(_ rows: [LinearConstraint]) {
        append(rows, areCuts: false)
    }

    private func append(_ rows: [LinearConstraint], areCuts: Bool) {
        cuttingPending += lp.addConstraints(rows)
        isCut += Array(repeating: areCuts, count: rows.count)
        levelPending += rows
    }

    /// Gives the cutting-plane session the rows it has not been given yet.
    private func flushCutting() throws {
        guard !cuttingPending.isEmpty else { return }
        try cutting.addConstraints(
            cuttingPending.map { LinearConstraint(name: lp.name(of: $0), terms: lp.terms(of: $0), lp.bound(of: $0)) })
        sessionRows? += cuttingPending
        cuttingPending = []
    }

    /// Whether `activity`, row `row`'s at some point, breaks the row's bound by more than 1e-9 of it. A cut
    /// given back is never checked again in that solve (only pooled rows are), so one GLPK holds
    /// to its own looser tolerance cannot be given back twice; ``compact()`` keeps a session
    /// row it finds broken.
    private func isViolated(_ row: Constraint, activity: Double) -> Bool {
        let bound = lp.bound(of: row)
        return activity > bound.upper + 1e-9 * max(1, abs(bound.upper))
            || activity < bound.lower - 1e-9 * max(1, abs(bound.lower))
    }

    /// A new cutting-plane session holding `rows` of the LP, in that order, from `basis` (one
    /// status per held row and per column) when there is one.
    private func reopenCutting(rows: [Constraint], basis: Basis?) throws {
        let session = try solver.makeSession(lp.keepingConstraints(rows))
        if let basis { try session.setBasis(basis) }
        cutting = session
        sessionRows = rows.elementsEqual(lp.constraints) ? nil : rows
    }

    /// `solution` of the cutting-plane session with its row activities and duals as rows of the
    /// LP: a pooled row's activity is `pooledActivities` (in pool order) when the caller has them,
    /// else worked out at the point; its dual is 0.
    private func inRowsOfLP(_ solution: Solution, pooledActivities: [Double]?) -> Solution {
        guard let rows = sessionRows else { return solution }
        var solution = solution
        if var primal = solution.primal {
            var activities = Array(repeating: 0.0, count: lp.constraintCount)
            for (position, row) in rows.enumerated() { activities[row.index] = primal.activities[position] }
            for (position, row) in pooled.enumerated() {
                activities[row.index] = pooledActivities?[position] ?? lp.activity(of: row, at: primal.values)
            }
            primal.activities = activities
            solution.primal = primal
        }
        if var dual = solution.dual {
            var duals = Array(repeating: 0.0, count: lp.constraintCount)
            for (position, row) in rows.enumerated() { duals[row.index] = dual.rowDuals[position] }
            dual.rowDuals = duals
            solution.dual = dual
        }
        return solution
    }

    /// Replaces the cutting-plane master's objective (terms on master columns, 0 elsewhere); the
    /// cuts stay, and the next ``solve()`` continues from the last basis. The level problem keeps
    /// its distance objective; its level row keeps measuring the program's own objective.
    func setObjective(_ terms: [(Variable, Double)]) throws {
        var coefficients = Array(repeating: 0.0, count: lp.variableCount)
        for (column, value) in terms { coefficients[column.index] += value }
        let objective = zip(lp.variables, coefficients).map { ($0, $1) }
        for (column, value) in objective { lp.setObjectiveCoefficient(column, value) }
        try cutting.setObjectiveCoefficients(objective)
    }

    /// Sets fleet `fleet`'s unit capex in the master (``BendersMaster/reprice(fleet:unitCapexUSD:)``):
    /// the LP and the cutting-plane session take the new objective coefficients and budget
    /// entries; the cuts and the basis stay, since the blocks do not see capex (docs/design.md §10).
    /// The level session is reopened from the LP at its next step.
    func reprice(fleet: Int, unitCapexUSD: Double) throws {
        let change = program.reprice(fleet: fleet, unitCapexUSD: unitCapexUSD)
        guard change.riskRowsRepriced else {
            throw PlanningError.unsupported(
                "break-even prices of an adaptive study with CVaR need every build column in its scenarios' "
                    + "CVaR rows, and one costs nothing in the study; give its fleet a nonzero capex")
        }
        for (column, value) in change.objective { lp.setObjectiveCoefficient(column, value) }
        for entry in change.matrix { lp.setCoefficient(entry.row, entry.column, entry.coefficient) }
        if !change.levelRowRepriced { levelRowStale = true }
        level = nil
        levelPending = []
        // `update(to:)` needs the session's rows to be the LP's: pooled cuts go back, basic.
        try flushCutting()
        if let rows = sessionRows {
            var statuses = Array(repeating: Basis.Status.basic, count: lp.constraintCount)
            let basis = try cutting.basis()
            for (row, status) in zip(rows, basis?.rows ?? []) { statuses[row.index] = status }
            try reopenCutting(
                rows: lp.constraints, basis: basis.map { Basis(rows: statuses, columns: $0.columns) })
            pooled = []
        }
        guard try cutting.update(to: lp) else {
            throw PlanningError.internalState("the master's session no longer has the master's rows")
        }
    }
}
