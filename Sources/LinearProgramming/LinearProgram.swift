/// A linear or mixed-integer program held as plain values, independent of any solver.
///
/// Storage is columnar: one array per attribute, the constraint matrix row-wise
/// (compressed sparse rows) and every name inside one byte buffer, so a model of a
/// million nonzeros costs a few flat arrays and no per-term allocation.
///
/// ```swift
/// var lp = LinearProgram(name: "toy", sense: .maximize)
/// let x = lp.addVariable(name: "x", lower: 0, objective: 3)
/// let y = lp.addVariable(name: "y", lower: 0, objective: 2)
/// lp.addConstraint(name: "wood", terms: [(x, 1), (y, 1)], .lessOrEqual(4))
/// lp.addConstraint(name: "labour", terms: [(x, 1), (y, 3)], .lessOrEqual(6))
/// // Solve with any `LinearProgramSolver`, e.g. GLPKSolver: objective 12 at x = 4.
/// ```
///
/// Nothing is checked while building (building stays cheap); ``validate()`` checks
/// everything a solver needs, and solvers call it before they start.
public struct LinearProgram: Sendable {
    /// The model's name, used in exported files.
    public var name: String
    public var sense: ObjectiveSense
    /// A constant added to the objective value.
    public var objectiveConstant: Double

    package private(set) var columnLower: [Double] = []
    package private(set) var columnUpper: [Double] = []
    package private(set) var columnObjective: [Double] = []
    package private(set) var columnIsInteger: [Bool] = []
    package private(set) var rowLower: [Double] = []
    package private(set) var rowUpper: [Double] = []

    /// `rowStart[i] ..< rowStart[i + 1]` (shifted by one, see `entryColumn`) are row i's entries.
    package private(set) var rowStart: [Int] = [0]
    /// One-based column number of each entry; element 0 is unused so the arrays
    /// can be handed to 1-based C code without copying.
    package private(set) var entryColumn: [Int32] = [0]
    package private(set) var entryValue: [Double] = [0]

    /// NUL-terminated UTF-8 names; an offset of -1 means "unnamed".
    package private(set) var nameBytes: [UInt8] = []
    package private(set) var columnNameOffset: [Int] = []
    package private(set) var rowNameOffset: [Int] = []

    /// Whether this is a copy made by ``droppingMatrix()``: sizes, bounds, objective, integrality
    /// and names without the constraint matrix. Such a model cannot be solved.
    public private(set) var isMatrixDropped = false

    public init(name: String = "", sense: ObjectiveSense = .minimize, objectiveConstant: Double = 0) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = objectiveConstant
    }

    // MARK: Sizes

    public var variableCount: Int { columnLower.count }
    public var constraintCount: Int { rowLower.count }
    public var nonzeroCount: Int { entryColumn.count - 1 }
    public var hasIntegerVariables: Bool { columnIsInteger.contains(true) }

    /// Reserves room so that building a model of known size does not reallocate.
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonzeros: Int) {
        columnLower.reserveCapacity(variables)
        columnUpper.reserveCapacity(variables)
        columnObjective.reserveCapacity(variables)
        columnIsInteger.reserveCapacity(variables)
        columnNameOffset.reserveCapacity(variables)
        rowLower.reserveCapacity(constraints)
        rowUpper.reserveCapacity(constraints)
        rowStart.reserveCapacity(constraints + 1)
        rowNameOffset.reserveCapacity(constraints)
        entryColumn.reserveCapacity(nonzeros + 1)
        entryValue.reserveCapacity(nonzeros + 1)
    }

    // MARK: Building

    /// Adds a column `lower <= x <= upper` with objective coefficient `objective`.
    @discardableResult
    public mutating func addVariable(
        name: String = "", lower: Double = 0, upper: Double = .infinity,
        objective: Double = 0, isInteger: Bool = false
    ) -> Variable {
        let variable = Variable(index: columnLower.count)
        columnLower.append(lower)
        columnUpper.append(upper)
        columnObjective.append(objective)
        columnIsInteger.append(isInteger)
        columnNameOffset.append(appendName(name))
        return variable
    }

    /// Adds the row `bound` on `sum(coefficient * variable)`.
    @discardableResult
    public mutating func addConstraint(
        name: String = "", terms: [(Variable, Double)], _ bound: RowBound
    ) -> Constraint {
        let row = Constraint(index: rowLower.count)
        // A model whose matrix was dropped keeps rows without their terms.
        for (variable, coefficient) in terms where !isMatrixDropped {
            entryColumn.append(Int32(truncatingIfNeeded: variable.index + 1))
            entryValue.append(coefficient)
        }
        rowStart.append(entryColumn.count - 1)
        rowLower.append(bound.lower)
        rowUpper.append(bound.upper)
        rowNameOffset.append(appendName(name))
        return row
    }

    /// Adds the row `bound` on `sum(coefficient * variable)` for any sequence of terms
    /// (collected at the call site, where the sequence's type is known, so lazy maps stay fast).
    @inlinable @discardableResult
    public mutating func addConstraint(
        name: String = "", terms: some Sequence<(Variable, Double)>, _ bound: RowBound
    ) -> Constraint {
        addConstraint(name: name, terms: Array(terms), bound)
    }

    /// Adds the row `bound` on an expression; the expression's constant moves to the bounds.
    @discardableResult
    public mutating func addConstraint(
        name: String = "", _ expression: LinearExpression, _ bound: RowBound
    ) -> Constraint {
        addConstraint(LinearConstraint(name: name, expression, bound))
    }

    /// Adds one row described as a value.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint) -> Constraint {
        addConstraint(name: constraint.name, terms: constraint.terms, constraint.bound)
    }

    /// Adds rows in order and returns their handles. Like every building call this checks
    /// nothing; ``checkNewConstraints(_:)`` checks rows before they are added.
    ///
    /// ```swift
    /// let rows = lp.addConstraints([
    ///     LinearConstraint(name: "cut[1]", terms: [(x, 1), (y, 1)], .lessOrEqual(7)),
    ///     LinearConstraint(name: "cut[2]", terms: [(x, 2), (y, -1)], .greaterOrEqual(0)),
    /// ])
    /// ```
    @discardableResult
    public mutating func addConstraints(_ constraints: [LinearConstraint]) -> [Constraint] {
        constraints.map { addConstraint($0) }
    }

    private mutating func appendName(_ name: String) -> Int {
        if name.isEmpty { return -1 }
        let offset = nameBytes.count
        nameBytes.append(contentsOf: name.utf8)
        nameBytes.append(0)
        return offset
    }

    // MARK: Changing numbers

    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        columnLower[variable.index] = lower
        columnUpper[variable.index] = upper
    }

    public mutating func setObjectiveCoefficient(_ variable: Variable, _ coefficient: Double) {
        columnObjective[variable.index] = coefficient
    }

    public mutating func setBound(_ constraint: Constraint, _ bound: RowBound) {
        rowLower[constraint.index] = bound.lower
        rowUpper[constraint.index] = bound.upper
    }

    /// Sets the coefficient of an entry the row already has (a price in a budget row, say),
    /// keeping the matrix's shape; false, and nothing changed, when the row has no entry for
    /// the column.
    ///
    /// ```swift
    /// lp.setCoefficient(budget, build, 42_000)   // true: the budget row prices the build column
    /// ```
    @discardableResult
    public mutating func setCoefficient(_ constraint: Constraint, _ variable: Variable, _ coefficient: Double) -> Bool {
        let column = Int32(truncatingIfNeeded: variable.index + 1)
        for entry in (rowStart[constraint.index] + 1)..<(rowStart[constraint.index + 1] + 1)
        where entryColumn[entry] == column {
            entryValue[entry] = coefficient
            return true
        }
        return false
    }

    /// Marks a column integer or continuous.
    public mutating func setInteger(_ variable: Variable, _ isInteger: Bool) {
        columnIsInteger[variable.index] = isInteger
    }

    // MARK: Reading

    public func name(of variable: Variable) -> String { name(at: columnNameOffset[variable.index]) }
    public func name(of constraint: Constraint) -> String { name(at: rowNameOffset[constraint.index]) }

    public func lowerBound(of variable: Variable) -> Double { columnLower[variable.index] }
    public func upperBound(of variable: Variable) -> Double { columnUpper[variable.index] }
    public func objectiveCoefficient(of variable: Variable) -> Double { columnObjective[variable.index] }
    public func isInteger(_ variable: Variable) -> Bool { columnIsInteger[variable.index] }
    public func bound(of constraint: Constraint) -> RowBound {
        RowBound(lower: rowLower[constraint.index], upper: rowUpper[constraint.index])
    }

    /// The nonzeros of a row, in the order they were added (none when the matrix was dropped).
    public func terms(of constraint: Constraint) -> [(Variable, Double)] {
        let range = (rowStart[constraint.index] + 1)..<(rowStart[constraint.index + 1] + 1)
        return range.map { (Variable(index: Int(entryColumn[$0]) - 1), entryValue[$0]) }
    }

    public var variables: [Variable] { (0..<variableCount).map(Variable.init(index:)) }
    public var constraints: [Constraint] { (0..<constraintCount).map(Constraint.init(index:)) }

    /// A display name: the given name, else `C<n>` / `R<n>` (1-based, as GLPK numbers them).
    public func displayName(of variable: Variable) -> String {
        let given = name(of: variable)
        return given.isEmpty ? "C\(variable.index + 1)" : given
    }

    public func displayName(of constraint: Constraint) -> String {
        let given = name(of: constraint)
        return given.isEmpty ? "R\(constraint.index + 1)" : given
    }

    private func name(at offset: Int) -> String {
        guard offset >= 0 else { return "" }
        var end = offset
        while nameBytes[end] != 0 { end += 1 }
        return String(decoding: nameBytes[offset..<end], as: UTF8.self)
    }

    /// The activity of a row at column values `values` (one per column): `sum(coefficient * value)`.
    ///
    /// ```swift
    /// lp.activity(of: wood, at: [4, 0])   // 4
    /// ```
    public func activity(of constraint: Constraint, at values: [Double]) -> Double {
        var total = 0.0
        for entry in (rowStart[constraint.index] + 1)..<(rowStart[constraint.index + 1] + 1) {
            total += entryValue[entry] * values[Int(entryColumn[entry]) - 1]
        }
        return total
    }

    // MARK: Subsets

    /// This model with only the rows `kept`, in that order: columns, objective and names as they
    /// are. A solver holding the copy solves the program without the other rows, and a basis of
    /// this model whose left-out rows were all basic stays a basis of the copy.
    ///
    /// ```swift
    /// let smaller = lp.keepingConstraints([wood])   // labour left out
    /// smaller.constraintCount                       // 1
    /// ```
    public func keepingConstraints(_ kept: [Constraint]) -> LinearProgram {
        var copy = self
        copy.rowLower = kept.map { rowLower[$0.index] }
        copy.rowUpper = kept.map { rowUpper[$0.index] }
        copy.rowNameOffset = kept.map { rowNameOffset[$0.index] }
        copy.rowStart = [0]
        copy.rowStart.reserveCapacity(kept.count + 1)
        copy.entryColumn = [0]
        copy.entryValue = [0]
        for row in kept {
            let range = (rowStart[row.index] + 1)..<(rowStart[row.index + 1] + 1)
            copy.entryColumn.append(contentsOf: entryColumn[range])
            copy.entryValue.append(contentsOf: entryValue[range])
            copy.rowStart.append(copy.entryColumn.count - 1)
        }
        return copy
    }

    // MARK: Without the matrix

    /// This model without its constraint matrix: every row keeps its bound and name but no
    /// terms, and ``isMatrixDropped`` is true. For holders that need the model's shape and
    /// numbers but not a second copy of the matrix, such as a ``LinearProgramSession`` whose
    /// solver keeps the matrix already. ``validate()`` refuses such a model.
    ///
    /// ```swift
    /// let shape = lp.droppingMatrix()
    /// shape.constraintCount == lp.constraintCount   // true
    /// shape.nonzeroCount                            // 0
    /// ```
    public func droppingMatrix() -> LinearProgram {
        var copy = self
        copy.rowStart = [Int](repeating: 0, count: constraintCount + 1)
        copy.entryColumn = [0]
        copy.entryValue = [0]
        copy.isMatrixDropped = true
        return copy
    }

    /// Puts a matrix back into a model whose matrix was dropped (a solver read it back):
    /// `rows[i]` are row i's terms.
    package func restoringMatrix(_ rows: [[(Variable, Double)]]) -> LinearProgram {
        precondition(rows.count == constraintCount, "one list of terms per row")
        var copy = self
        copy.isMatrixDropped = false
        copy.rowStart = [0]
        copy.rowStart.reserveCapacity(constraintCount + 1)
        copy.entryColumn = [0]
        copy.entryValue = [0]
        for terms in rows {
            for (variable, coefficient) in terms {
                copy.entryColumn.append(Int32(truncatingIfNeeded: variable.index + 1))
                copy.entryValue.append(coefficient)
            }
            copy.rowStart.append(copy.entryColumn.count - 1)
        }
        return copy
    }
}
