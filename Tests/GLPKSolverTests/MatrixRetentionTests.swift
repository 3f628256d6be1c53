import Foundation
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Sessions that leave the only copy of the matrix to GLPK (`retainsMatrix: false`) answer as
/// sessions that keep their own. The model is Wyndor Glass (see `Wyndor`) and variants of it.
@Suite struct MatrixRetentionTests {
    @Test func theSessionKeepsTheModelWithoutItsMatrix() throws {
        let wyndor = Wyndor()
        let (lp, x) = (wyndor.lp, wyndor.x)
        let session = try GLPKSession(model: lp, retainsMatrix: false)
        #expect(!session.retainsMatrix)
        let held = session.model
        #expect(held.isMatrixDropped)
        #expect(held.nonzeroCount == 0)
        #expect(held.constraintCount == 3 && held.variableCount == 2)
        #expect(held.name(of: Constraint(index: 2)) == "plant3")
        #expect(held.bound(of: Constraint(index: 2)) == .lessOrEqual(18))
        #expect(held.objectiveCoefficient(of: x) == 3)
        #expect(held.terms(of: Constraint(index: 2)).isEmpty)
        // A model without its matrix is never solved by mistake.
        #expect(throws: ModelError.matrixDropped) { try held.validate() }
        #expect(throws: GLPKError.invalidModel(.matrixDropped)) { try GLPKSolver().solve(held) }
        #expect(held.numericChanges(to: lp) == nil)

        let solution = try session.solve()
        expectClose(solution.objectiveValue, 36)
        // The matrix read back from GLPK is the one loaded.
        let full = try session.fullModel()
        #expect(!full.isMatrixDropped)
        #expect(full.nonzeroCount == 4)
        for row in lp.constraints {
            #expect(full.terms(of: row).map(\.0) == lp.terms(of: row).map(\.0))
            #expect(full.terms(of: row).map(\.1) == lp.terms(of: row).map(\.1))
        }
    }

    /// plant3 becomes 3x + 3y <= 18, i.e. x + y <= 6. Then 3x + 5y = 3(x + y) + 2y <= 18 + 12 = 30,
    /// attained only at y = 6, x = 0: the optimum moves to (0, 6), objective 30.
    @Test(arguments: [true, false]) func coefficientChangeIsFoundInGLPKsCopy(retainsMatrix: Bool) throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let session = try GLPKSession(model: lp, retainsMatrix: retainsMatrix)
        _ = try session.solve()
        let changed = Wyndor(plant3: [(0, 3), (1, 3)]).lp
        #expect(try session.update(to: changed))
        let solution = try session.solve()
        #expect(solution.statistics.warmStarted)
        expectClose(solution.objectiveValue, 30)
        expectClose(solution.primal?[x], 0)
        expectClose(solution.primal?[y], 6)
        let full = try session.fullModel()
        #expect(full.terms(of: Constraint(index: 2)).map(\.1) == [3, 3])
        #expect(session.model.isMatrixDropped == !retainsMatrix)
    }

    /// A new column in a row, or a row that loses one, changes the structure: update(to:)
    /// says false and changes nothing, with or without the session's own copy of the matrix.
    @Test(arguments: [true, false]) func structureChangeIsRefused(retainsMatrix: Bool) throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let session = try GLPKSession(model: lp, retainsMatrix: retainsMatrix)
        _ = try session.solve()
        let wider = Wyndor(plant1: [(0, 1), (1, 1)], yObjective: 4).lp
        #expect(try session.update(to: wider) == false)
        let narrower = Wyndor(plant3: [(0, 3)]).lp
        #expect(try session.update(to: narrower) == false)
        // Nothing changed: the objective is still 3x + 5y, the optimum 36 without an iteration.
        #expect(session.model.objectiveCoefficient(of: y) == 5)
        let solution = try session.solve()
        expectClose(solution.objectiveValue, 36)
        #expect(solution.statistics.iterations == 0)
        expectClose(solution.primal?[x], 2)
    }

    /// GLPK stores no zeros: without a Swift copy an explicit zero that becomes nonzero cannot be
    /// told from a new column, so it counts as a change of structure (the documented difference).
    @Test func explicitZeroWithoutRetainedMatrix() throws {
        let lp = Wyndor(plant3: [(0, 3), (1, 0)]).lp
        let retained = try GLPKSession(model: lp)
        let dropped = try GLPKSession(model: lp, retainsMatrix: false)
        let changed = Wyndor().lp
        #expect(try retained.update(to: changed))
        #expect(try dropped.update(to: changed) == false)
        // Unchanged zeros compare equal.
        #expect(try dropped.update(to: lp))
    }

    @Test func exportReadsTheMatrixBack() throws {
        let wyndor = Wyndor()
        let (lp, x, y) = (wyndor.lp, wyndor.x, wyndor.y)
        let retained = try GLPKSession(model: lp)
        let dropped = try GLPKSession(model: lp, retainsMatrix: false)
        let cut = LinearConstraint(name: "cut", terms: [(x, 1), (y, 1)], .lessOrEqual(7))
        try retained.addConstraints([cut])
        try dropped.addConstraints([cut])
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("matrix-retention-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ModelFileFormat.allCases {
            let first = directory.appendingPathComponent("retained.\(format.rawValue)")
            let second = directory.appendingPathComponent("dropped.\(format.rawValue)")
            try retained.export(to: first, format: format)
            try dropped.export(to: second, format: format)
            let text = try String(contentsOf: second, encoding: .utf8)
            #expect(try String(contentsOf: first, encoding: .utf8) == text)
            #expect(text.contains("cut"))
        }
    }
}
