import GLPKSolver
import LinearProgramming
import PlacementOptimizer
import PlacementTestSupport
import Testing

@testable import PlacementPlanning

/// The decomposition's master in its named parts, on ``TinyStudy``: one fleet (`near`, `gpu`:
/// 1 kW, 1,000 USD, a one-year life) buildable in 2026 under 10 MW, so at most 10,000 units.
/// A unit's capital is 1,000 USD, 1 in the master's scaled money (thousands of USD).
@Suite struct RegularizedMasterTests {
    static func master() throws -> RegularizedMaster<GLPKSolver> {
        let index = try PlacementProgramBuilder(study: try TinyStudy().study()).makeIndex()
        let bounds = Array(repeating: 1e6, count: index.blockCount)
        return try RegularizedMaster(
            program: BendersMaster(index: index, valueBounds: bounds), bounds: bounds, solver: GLPKSolver())
    }

    /// ``master()`` and its one fleet's columns: the 2026 build and capacity, and the block's value.
    static func masterAndColumns() throws -> (
        master: RegularizedMaster<GLPKSolver>, build: Variable, capacity: Variable, theta: Variable
    ) {
        let master = try Self.master()
        let program = master.program
        return (
            master, try #require(program.build[0][0]), try #require(program.capacity[0][0]), program.theta[0]
        )
    }

    /// A cut `theta <= 100 + 5 x capacity`: each unit adds 5 of value for 1 of capital, so the
    /// master builds all 10,000 units (objective 100 + 4 x 10,000). A row `build <= 3` added
    /// afterwards keeps the cut: 3 units, 100 + 4 x 3 = 112. A new objective (the builds' cost
    /// alone) keeps cut and row: no builds, 0.
    @Test func cutsSurviveNewRowsAndANewObjective() throws {
        let (master, build, capacity, theta) = try Self.masterAndColumns()
        let cut = BendersCut(block: 0, theta: theta, terms: [(capacity, -5)], rhs: 100)
        master.add([(cut, "cut[1,2026,base]")])
        #expect(master.cutCount == 1)

        let first = try master.solve()
        #expect(first.termination == .optimal)
        expectClose(first.primal?.values[build.index], 10_000, relative: 1e-9)
        expectClose(first.objectiveValue, 100 + 4 * 10_000, relative: 1e-9)

        master.addRows([LinearConstraint(name: "at-most-3", terms: [(build, 1)], .lessOrEqual(3))])
        let limited = try master.solve()
        expectClose(limited.primal?.values[build.index], 3, relative: 1e-9)
        expectClose(limited.objectiveValue, 112, relative: 1e-9)
        #expect(master.cutCount == 1)

        try master.setObjective([(build, -1)])
        let cheapest = try master.solve()
        expectClose(cheapest.primal?.values[build.index], 0, relative: 1e-9)
        expectClose(cheapest.objectiveValue, 0, relative: 1e-9)
    }

    /// Cuts `theta <= 100 + 5 x capacity` and `theta <= 20,100 + 0.5 x capacity` meet at
    /// 20,000 / 4.5 = 4,444.44 units, where each unit stops paying for its capital of 1: theta
    /// 22,322.22, objective 17,877.78. The cuts `theta <= 24,000` and `theta <= 90,000` are slack
    /// there, so ``RegularizedMaster/compact()`` pools them. Maximising theta alone, the session
    /// without them reaches 20,100 + 0.5 x 10,000 = 25,100 at 10,000 units, which breaks the pooled
    /// 24,000: it goes back, and the one re-solve gives 24,000. The 90,000 stays pooled; the
    /// solution still reports it, as a row of the LP with its activity and a dual of 0.
    @Test func pooledCutsGoBackWhenTheOptimumBreaksThem() throws {
        let (master, build, capacity, theta) = try Self.masterAndColumns()
        master.add(
            [(100.0, -5.0), (20_100, -0.5), (24_000, 0), (90_000, 0)].enumerated().map { number, cut in
                let terms = cut.1 == 0 ? [] : [(capacity, cut.1)]
                return (BendersCut(block: 0, theta: theta, terms: terms, rhs: cut.0), "cut[\(number)]")
            })
        let rows = (master.lp.constraintCount - 4)..<master.lp.constraintCount
        let optimum = try master.solve()
        expectClose(optimum.primal?.values[build.index], 20_000 / 4.5, relative: 1e-9)
        expectClose(optimum.objectiveValue, 100 + 4 * 20_000 / 4.5, relative: 1e-9)

        try master.compact()
        #expect(master.pooledCutCount == 2)
        try master.setObjective([(theta, 1)])
        let solves = master.sessionSolves
        let highest = try master.solve(using: .primal)
        #expect(master.sessionSolves == solves + 2)
        #expect(master.pooledCutCount == 1)
        expectClose(highest.objectiveValue, 24_000, relative: 1e-9)
        let activities = try #require(highest.primal?.activities)
        let duals = try #require(highest.dual?.rowDuals)
        #expect(activities.count == master.lp.constraintCount && duals.count == master.lp.constraintCount)
        expectClose(activities[rows.upperBound - 1], 24_000, relative: 1e-9)  // the pooled 90,000 row's theta
        #expect(duals[rows.upperBound - 1] == 0)
        expectClose(duals[rows.upperBound - 2], 1, relative: 1e-9)  // the 24,000 cut binds theta
    }

    /// After ``RegularizedMaster/compact()``, repricing puts every pooled cut back (the session
    /// must hold the LP's rows). The cuts above at a capital of 1 per unit pool `theta <= 24,000`
    /// (slack at 4,444.44 units). At 0.4 per unit (400 USD) each unit past 4,444.44 still pays
    /// (0.5 - 0.4 > 0), so the pooled cut binds: 20,100 + 0.5 x = 24,000 at x = 7,800, objective
    /// 24,000 - 0.4 x 7,800 = 20,880. Without that cut it would be 25,100 - 4,000 = 21,100.
    @Test func repricingAfterCompactingHoldsEveryCut() throws {
        let (master, build, capacity, theta) = try Self.masterAndColumns()
        master.add([
            (BendersCut(block: 0, theta: theta, terms: [(capacity, -5)], rhs: 100), "steep"),
            (BendersCut(block: 0, theta: theta, terms: [(capacity, -0.5)], rhs: 20_100), "flat"),
            (BendersCut(block: 0, theta: theta, terms: [], rhs: 24_000), "cap"),
        ])
        let optimum = try master.solve()
        expectClose(optimum.primal?.values[build.index], 20_000 / 4.5, relative: 1e-9)
        try master.compact()
        #expect(master.pooledCutCount == 1)
        try master.reprice(fleet: 0, unitCapexUSD: 400)
        #expect(master.pooledCutCount == 0)
        let solves = master.sessionSolves
        let repriced = try master.solve()
        #expect(master.sessionSolves == solves + 1)  // the cut was in the session already
        expectClose(repriced.primal?.values[build.index], 7_800, relative: 1e-9)
        expectClose(repriced.objectiveValue, 20_880, relative: 1e-9)
    }

    /// The level step from the centre 0 with the cut above: the nearest builds whose model value
    /// reaches 120 are (120 - 100) / 4 = 5 units.
    @Test func theLevelStepIsTheNearestPointReachingTheLevel() throws {
        let (master, build, capacity, theta) = try Self.masterAndColumns()
        master.add([(BendersCut(block: 0, theta: theta, terms: [(capacity, -5)], rhs: 100), "cut")])
        _ = try master.solve()
        let centre = Array(repeating: 0.0, count: master.lp.variableCount)
        let projected = try #require(try master.project(centre: centre, level: 120))
        expectClose(projected[build.index], 5, relative: 1e-9)
    }
}

/// The cutting-plane model: the least of a block's bound and its cuts at a point.
@Suite struct CuttingPlaneModelTests {
    @Test func theModelIsTheLeastOfBoundAndCuts() {
        var model = CuttingPlaneModel(bounds: [10, 20])
        let x = Variable(index: 0)
        let theta = Variable(index: 1)
        #expect(model.value(block: 0, at: [1, 0]) == 10)
        model.add(BendersCut(block: 0, theta: theta, terms: [(x, 2)], rhs: 8))
        #expect(model.value(block: 0, at: [1, 0]) == 6)  // 8 - 2 x 1
        #expect(model.value(block: 0, at: [-5, 0]) == 10)  // 8 + 10 = 18, above the bound
        model.add(BendersCut(block: 0, theta: theta, terms: [], rhs: 7))
        #expect(model.value(block: 0, at: [0, 0]) == 7)
        #expect(model.value(block: 1, at: [1, 0]) == 20)  // block 1 has no cut
    }
}
