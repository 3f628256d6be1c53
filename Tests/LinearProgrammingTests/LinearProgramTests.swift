import LinearProgramming
import Testing

@Suite struct LinearProgramTests {
    @Test func rowBoundLimits() {
        #expect(RowBound.lessOrEqual(3).lower == -.infinity)
        #expect(RowBound.lessOrEqual(3).upper == 3)
        #expect(RowBound.greaterOrEqual(2).lower == 2)
        #expect(RowBound.greaterOrEqual(2).upper == .infinity)
        #expect(RowBound.equal(5).lower == 5 && RowBound.equal(5).upper == 5)
        #expect(RowBound.ranged(1, 4).lower == 1 && RowBound.ranged(1, 4).upper == 4)
        #expect(RowBound(lower: -.infinity, upper: .infinity) == .free)
        #expect(RowBound(lower: 2, upper: 2) == .equal(2))
        #expect(RowBound(lower: 1, upper: 4) == .ranged(1, 4))
        #expect(RowBound(lower: -.infinity, upper: 7) == .lessOrEqual(7))
    }

    /// An entry the row has is changed in place; one it lacks is refused, the matrix unchanged.
    @Test func setCoefficientChangesOnlyAnExistingEntry() {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable(name: "x", objective: 1)
        let y = lp.addVariable(name: "y", objective: 1)
        let budget = lp.addConstraint(name: "budget", terms: [(x, 2), (y, 3)], .lessOrEqual(10))
        let cap = lp.addConstraint(name: "cap", terms: [(x, 1)], .lessOrEqual(4))
        let changed = lp.setCoefficient(budget, y, 5)
        #expect(changed)
        #expect(lp.terms(of: budget).map(\.1) == [2, 5])
        let refused = lp.setCoefficient(cap, y, 7)
        #expect(!refused)
        #expect(lp.terms(of: cap).map(\.1) == [1])
        #expect(lp.nonzeroCount == 3)
    }

    @Test func buildingKeepsEverything() {
        var lp = LinearProgram(name: "m", sense: .maximize, objectiveConstant: 2)
        let x = lp.addVariable(name: "x", lower: 1, upper: 5, objective: 3)
        let y = lp.addVariable(objective: -1, isInteger: true)
        let row = lp.addConstraint(name: "r", terms: [(x, 2), (y, -1)], .ranged(0, 9))
        let empty = lp.addConstraint(name: "", terms: [], .free)
        #expect(lp.variableCount == 2 && lp.constraintCount == 2 && lp.nonzeroCount == 2)
        #expect(lp.name(of: x) == "x" && lp.name(of: y) == "")
        #expect(lp.displayName(of: y) == "C2" && lp.displayName(of: empty) == "R2")
        #expect(lp.lowerBound(of: x) == 1 && lp.upperBound(of: x) == 5)
        #expect(lp.objectiveCoefficient(of: y) == -1 && lp.isInteger(y) && !lp.isInteger(x))
        #expect(lp.hasIntegerVariables)
        #expect(lp.terms(of: row).map(\.0) == [x, y] && lp.terms(of: row).map(\.1) == [2, -1])
        #expect(lp.terms(of: empty).isEmpty)
        #expect(lp.bound(of: row) == .ranged(0, 9))
        #expect(throws: Never.self) { try lp.validate() }
    }

    @Test func expressionConstantMovesToBounds() {
        var lp = LinearProgram()
        let x = lp.addVariable(name: "x")
        var expression = LinearExpression(constant: 10)
        expression.add(x, 2)
        let row = lp.addConstraint(name: "limit", expression, .lessOrEqual(20))
        #expect(lp.bound(of: row) == .lessOrEqual(10))
    }

    @Test func combinedMergesRepeatedTerms() {
        let x = Variable(index: 0)
        let y = Variable(index: 1)
        var expression = LinearExpression([(y, 1), (x, 2), (y, -1), (x, 1)], constant: 3)
        expression.add(LinearExpression([(x, 1)], constant: 1), times: 2)
        let combined = expression.combined()
        #expect(combined.terms.map(\.0) == [x])
        #expect(combined.terms.map(\.1) == [5])
        #expect(combined.constant == 5)
    }

    @Test func validationNamesTheFault() {
        var lp = LinearProgram()
        let x = lp.addVariable(name: "x")
        lp.addConstraint(name: "twice", terms: [(x, 1), (x, 1)], .lessOrEqual(1))
        #expect(throws: ModelError.duplicateEntry(row: "twice", column: "x")) { try lp.validate() }
        #expect(
            ModelError.duplicateEntry(row: "twice", column: "x").description
                == "row \"twice\": column \"x\" appears twice; combine the terms (LinearExpression.combined())")
    }

    @Test func infiniteBoundsRules() {
        var lp = LinearProgram()
        let x = lp.addVariable(name: "x", lower: .infinity, upper: .infinity)
        #expect(throws: ModelError.invalidVariableBounds(column: "x", lower: .infinity, upper: .infinity)) {
            try lp.validate()
        }
        lp.setBounds(x, lower: -.infinity, upper: .infinity)
        #expect(throws: Never.self) { try lp.validate() }
    }
}
