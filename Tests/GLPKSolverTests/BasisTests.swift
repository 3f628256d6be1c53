import GLPKSolver
import LinearProgramming
import Testing

/// Reading, storing and installing simplex bases (``GLPKSession/basis()``, ``GLPKSession/setBasis(_:)``).
@Suite struct BasisTests {
    /// Wyndor's optimum (2, 6): x, y and plant 1's slack are basic; plants 2 and 3 are tight.
    static let wyndorOptimum = Basis(rows: [.basic, .atUpper, .atUpper], columns: [.basic, .basic])

    @Test func anOptimalSolveLeavesItsBasis() throws {
        let session = try GLPKSession(model: Wyndor().lp)
        #expect(try session.basis() == nil)
        let solution = try session.solve()
        #expect(solution.objectiveValue == 36)
        let basis = try #require(try session.basis())
        #expect(basis == Self.wyndorOptimum)
        #expect(basis.basicCount == 3)
    }

    @Test func anInstalledOptimalBasisNeedsNoIteration() throws {
        let session = try GLPKSession(model: Wyndor().lp)
        try session.setBasis(Self.wyndorOptimum)
        let solution = try session.solve(using: .primal)
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 36)
        #expect(solution.statistics.iterations == 0)
        #expect(solution.statistics.warmStarted)
        #expect(solution.primal?.values == [2, 6])
    }

    /// Two independent programs joined side by side: their bases, concatenated, are the
    /// joined program's optimal basis.
    @Test func basesOfIndependentPartsJoin() throws {
        let parts = [Wyndor(), Wyndor(yObjective: 1)]
        var bases: [Basis] = []
        for part in parts {
            let session = try GLPKSession(model: part.lp)
            _ = try session.solve()
            bases.append(try #require(try session.basis()))
        }
        // The second part: max 3x + y at (4, 3), objective 15; plant 1 and plant 3 tight.
        #expect(bases[1] == Basis(rows: [.atUpper, .basic, .atUpper], columns: [.basic, .basic]))

        var joined = LinearProgram(name: "two-wyndors", sense: .maximize)
        for part in parts {
            for column in part.lp.variables {
                joined.addVariable(
                    name: "\(part.lp.name(of: column))\(joined.variableCount)",
                    objective: part.lp.objectiveCoefficient(of: column))
            }
        }
        for (offset, part) in zip([0, 2], parts) {
            for row in part.lp.constraints {
                joined.addConstraint(
                    name: "\(part.lp.name(of: row))-\(offset)",
                    terms: part.lp.terms(of: row).map { (Variable(index: $0.0.index + offset), $0.1) },
                    part.lp.bound(of: row))
            }
        }
        let session = try GLPKSession(model: joined)
        try session.setBasis(Basis(rows: bases.flatMap(\.rows), columns: bases.flatMap(\.columns)))
        let solution = try session.solve(using: .primal)
        #expect(solution.objectiveValue == 51)
        #expect(solution.statistics.iterations == 0)
        #expect(solution.primal?.values == [2, 6, 4, 3])
    }

    @Test func aBasisOfTheWrongShapeIsRefused() throws {
        let session = try GLPKSession(model: Wyndor().lp)
        let error = #expect(throws: GLPKError.self) {
            try session.setBasis(Basis(rows: [.basic, .basic], columns: [.atLower, .atLower]))
        }
        #expect(
            error?.description
                == "invalid model: the basis has 2 rows and 2 columns but the model has 3 and 2")
        // The session is unharmed.
        #expect(try session.solve().objectiveValue == 36)
    }

    /// Too many basic columns cannot be factorized: the solve starts afresh and still finds the optimum.
    @Test func anUnfactorizableBasisFallsBackToAFreshStart() throws {
        let session = try GLPKSession(model: Wyndor().lp)
        try session.setBasis(Basis(rows: [.basic, .basic, .basic], columns: [.basic, .basic]))
        let solution = try session.solve(using: .primal)
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 36)
        #expect(try session.basis() == Self.wyndorOptimum)
    }

    /// A non-basic status the bounds do not allow (a free column "at its upper bound") is moved
    /// to one they do, so the basis still works.
    @Test func statusesAreAdjustedToTheBounds() throws {
        let session = try GLPKSession(model: Wyndor().lp)
        try session.setBasis(Basis(rows: [.basic, .basic, .basic], columns: [.atUpper, .fixed]))
        let solution = try session.solve(using: .primal)
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 36)
    }
}
