import LinearProgramming
import Testing

/// Rows as values, their checks before they are added, a model's copy without its matrix and
/// its copy with some rows left out.
@Suite struct NewRowsAndDroppedMatrixTests {
    func model() -> (LinearProgram, Variable, Variable) {
        var lp = LinearProgram(name: "m", sense: .maximize)
        let x = lp.addVariable(name: "x", upper: 4, objective: 3)
        let y = lp.addVariable(name: "y", objective: 5)
        lp.addConstraint(name: "cap", terms: [(x, 1), (y, 2)], .lessOrEqual(10))
        return (lp, x, y)
    }

    @Test func rowsAsValues() throws {
        var (lp, x, y) = model()
        var expression = LinearExpression(constant: 2)
        expression.add(y, 1)
        let rows = lp.addConstraints([
            LinearConstraint(name: "a", terms: [(x, 1)], .greaterOrEqual(1)),
            LinearConstraint(expression, .lessOrEqual(5)),
        ])
        #expect(rows == [Constraint(index: 1), Constraint(index: 2)])
        #expect(lp.name(of: rows[0]) == "a" && lp.displayName(of: rows[1]) == "R3")
        #expect(lp.bound(of: rows[1]) == .lessOrEqual(3))
        #expect(lp.terms(of: rows[1]).map(\.0) == [y])
        #expect(lp.addConstraints([]).isEmpty)
        try lp.validate()
    }

    @Test func newRowsAreCheckedLikeValidate() {
        let (lp, x, y) = model()
        #expect(throws: Never.self) {
            try lp.checkNewConstraints([LinearConstraint(name: "ok", terms: [(x, 1), (y, -1)], .ranged(-1, 1))])
        }
        #expect(throws: ModelError.duplicateEntry(row: "R3", column: "x")) {
            try lp.checkNewConstraints([
                LinearConstraint(terms: [(x, 1)], .lessOrEqual(1)),
                LinearConstraint(terms: [(x, 1), (y, 1), (x, 1)], .lessOrEqual(1)),
            ])
        }
        #expect(throws: ModelError.columnOutOfRange(row: "far", column: 5, columnCount: 2)) {
            try lp.checkNewConstraints([LinearConstraint(name: "far", terms: [(Variable(index: 5), 1)], .free)])
        }
        #expect(throws: ModelError.invalidConstraintBounds(row: "never", lower: -.infinity, upper: -.infinity)) {
            try lp.checkNewConstraints([LinearConstraint(name: "never", terms: [(x, 1)], .lessOrEqual(-.infinity))])
        }
        // The same column in two different new rows is fine.
        #expect(throws: Never.self) {
            try lp.checkNewConstraints([
                LinearConstraint(terms: [(x, 1)], .lessOrEqual(1)), LinearConstraint(terms: [(x, 2)], .lessOrEqual(1)),
            ])
        }
    }

    @Test func droppingTheMatrixKeepsTheRest() {
        let (lp, x, _) = model()
        var shape = lp.droppingMatrix()
        #expect(shape.isMatrixDropped && !lp.isMatrixDropped)
        #expect(shape.variableCount == 2 && shape.constraintCount == 1 && shape.nonzeroCount == 0)
        let cap = Constraint(index: 0)
        #expect(shape.name(of: cap) == "cap" && shape.bound(of: cap) == .lessOrEqual(10))
        #expect(shape.upperBound(of: x) == 4 && shape.objectiveCoefficient(of: x) == 3 && shape.sense == .maximize)
        #expect(shape.terms(of: cap).isEmpty)
        // Rows added later keep their bound and name but no terms.
        let row = shape.addConstraint(name: "later", terms: [(x, 1)], .lessOrEqual(2))
        #expect(shape.constraintCount == 2 && shape.nonzeroCount == 0 && shape.name(of: row) == "later")
        #expect(throws: ModelError.matrixDropped) { try shape.validate() }
        #expect(shape.numericChanges(to: lp) == nil && lp.numericChanges(to: shape) == nil)
        #expect(
            ModelError.matrixDropped.description
                == "the model's constraint matrix was dropped (droppingMatrix()); solve the model it was made from")
    }

    /// `cap` (x + 2y <= 10), `a` (x >= 1), `b` (y - x <= 5): keeping `b` then `cap` gives a model of
    /// those two rows in that order, with their terms, bounds and names; columns and objective as
    /// they were; the original untouched.
    @Test func keepingSomeRowsInAnyOrder() {
        var (lp, x, y) = model()
        let rows = lp.addConstraints([
            LinearConstraint(name: "a", terms: [(x, 1)], .greaterOrEqual(1)),
            LinearConstraint(name: "b", terms: [(y, 1), (x, -1)], .lessOrEqual(5)),
        ])
        let kept = lp.keepingConstraints([rows[1], Constraint(index: 0)])
        #expect(kept.constraintCount == 2 && kept.nonzeroCount == 4 && lp.constraintCount == 3)
        let first = Constraint(index: 0)
        let second = Constraint(index: 1)
        #expect(kept.name(of: first) == "b" && kept.bound(of: first) == .lessOrEqual(5))
        #expect(kept.terms(of: first).map(\.0) == [y, x] && kept.terms(of: first).map(\.1) == [1, -1])
        #expect(kept.name(of: second) == "cap" && kept.terms(of: second).map(\.1) == [1, 2])
        #expect(kept.variableCount == 2 && kept.objectiveCoefficient(of: y) == 5 && kept.upperBound(of: x) == 4)
        #expect(lp.keepingConstraints([]).constraintCount == 0)
        // The activity of a row at a point: cap at (1, 2) is 1 + 2 x 2; b is 2 - 1.
        #expect(lp.activity(of: Constraint(index: 0), at: [1, 2]) == 5)
        #expect(lp.activity(of: rows[1], at: [1, 2]) == 1)
        #expect(kept.activity(of: first, at: [1, 2]) == 1)
    }
}
