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
/// Both sessions gain every cut (``add(_:)``), and so do extra rows and a new objective
/// (``addRows(_:)``, ``setObjective(_:)``): cuts stay valid when only the master's rows and
/// objective change, which near-optimal alternatives and break-even prices rely on.
///
/// ```swift
/// let master = try RegularizedMaster(program: program, bounds: bounds, solver: solver)
/// let vertex = try master.solve()
/// let candidate = try master.project(centre: best, level: level) ?? vertex.primal!.values
/// master.add([(cut, "cut[1,2026,base]")])
/// ```
final class RegularizedMaster<Solver: IncrementalSolver> {
    private(set) var program: BendersMaster
    /// The master's LP with every cut and row added so far (the sessions catch up at their next solve).
    private(set) var lp: LinearProgram
    private var model: CuttingPlaneModel
    private let solver: Solver
    private let cutting: Solver.Session
    private var level: Solver.Session?
    /// Rows the cutting-plane session and the level session have not been given yet.
    private var cuttingPending: [LinearConstraint] = []
    private var levelPending: [LinearConstraint] = []
    private var solves = 0
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
    func solve(using method: SimplexMethod? = nil) throws -> Solution {
        if !cuttingPending.isEmpty { try cutting.addConstraints(cuttingPending) }
        cuttingPending = []
        solves += 1
        let solution = try cutting.solveRecovering(
            using: method ?? (solves == 1 ? .primal : .dual),
            simplexIterationLimit: simplexIterationLimit(ProgramSize(lp)))
        simplexIterations += solution.statistics.iterations
        return solution
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
        lp.addConstraints(rows)
        cuttingPending += rows
        levelPending += rows
        cutCount += rows.count
    }

    /// Adds rows over the master's columns (a limit on a group's capital, say) to the LP and both
    /// sessions; the cuts stay.
    func addRows(_ rows: [LinearConstraint]) {
        lp.addConstraints(rows)
        cuttingPending += rows
        levelPending += rows
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
        // `update(to:)` needs the session's rows to be the LP's.
        if !cuttingPending.isEmpty { try cutting.addConstraints(cuttingPending) }
        cuttingPending = []
        guard try cutting.update(to: lp) else {
            throw PlanningError.internalState("the master's session no longer has the master's rows")
        }
    }
}
