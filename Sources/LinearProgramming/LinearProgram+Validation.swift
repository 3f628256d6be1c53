extension LinearProgram {
    /// The longest name GLPK (and most file formats) accept, in bytes.
    public static let maximumNameLength = 255

    /// Checks everything a solver needs before any of it reaches C: finite numbers,
    /// ordered bounds, column indices in range, no duplicate (row, column) entries,
    /// names of at most 255 bytes without control characters.
    ///
    /// Runs in one pass over the matrix (O(nonzeros)).
    public func validate() throws(ModelError) {
        guard !isMatrixDropped else { throw .matrixDropped }
        try checkSize(rows: constraintCount, nonzeros: nonzeroCount)
        guard objectiveConstant.isFinite else { throw .nonFiniteObjectiveConstant(objectiveConstant) }
        for j in 0..<variableCount {
            let variable = Variable(index: j)
            guard Self.boundsAreValid(columnLower[j], columnUpper[j]) else {
                throw .invalidVariableBounds(
                    column: displayName(of: variable), lower: columnLower[j],
                    upper: columnUpper[j])
            }
            guard columnObjective[j].isFinite else {
                throw .nonFiniteObjective(column: displayName(of: variable), value: columnObjective[j])
            }
        }
        for i in 0..<constraintCount where !Self.boundsAreValid(rowLower[i], rowUpper[i]) {
            throw .invalidConstraintBounds(
                row: displayName(of: Constraint(index: i)), lower: rowLower[i],
                upper: rowUpper[i])
        }
        try validateMatrix()
        for (index, offset) in columnNameOffset.enumerated() where offset >= 0 {
            try Self.checkName(nameBytes[offset...].prefix { $0 != 0 }, kind: "column", index: index)
        }
        for (index, offset) in rowNameOffset.enumerated() where offset >= 0 {
            try Self.checkName(nameBytes[offset...].prefix { $0 != 0 }, kind: "row", index: index)
        }
    }

    /// Checks rows before they are added to this model, or to a session that holds it, with
    /// the rules of ``validate()``: finite coefficients, columns of this model, each column at
    /// most once per row, ordered bounds, valid names. Errors name a new row by its name, else
    /// by the number it would get (`R<n>`).
    ///
    /// ```swift
    /// let cut = LinearConstraint(name: "cut", terms: [(x, 1), (x, 1)], .lessOrEqual(3))
    /// try lp.checkNewConstraints([cut])   // throws .duplicateEntry(row: "cut", column: "x")
    /// ```
    public func checkNewConstraints(_ constraints: [LinearConstraint]) throws(ModelError) {
        try checkSize(
            rows: constraintCount + constraints.count,
            nonzeros: constraints.reduce(nonzeroCount) { $0 + $1.terms.count })
        var lastRowOfColumn = [Int32](repeating: 0, count: variableCount)
        for (offset, constraint) in constraints.enumerated() {
            let index = constraintCount + offset
            let rowName = constraint.name.isEmpty ? "R\(index + 1)" : constraint.name
            guard Self.boundsAreValid(constraint.bound.lower, constraint.bound.upper) else {
                throw .invalidConstraintBounds(
                    row: rowName, lower: constraint.bound.lower,
                    upper: constraint.bound.upper)
            }
            for (variable, coefficient) in constraint.terms {
                try checkEntry(
                    column: variable.index, value: coefficient, stamp: Int32(offset + 1),
                    lastRowOfColumn: &lastRowOfColumn, rowName: rowName)
            }
            try Self.checkName(constraint.name.utf8, kind: "row", index: index)
        }
    }

    private func checkSize(rows: Int, nonzeros: Int) throws(ModelError) {
        let limit = Int(Int32.max) - 1
        guard variableCount < limit, rows < limit, nonzeros < limit else {
            throw .tooLarge(
                "\(rows) rows, \(variableCount) columns, \(nonzeros) nonzeros; "
                    + "GLPK indexes with 32-bit integers")
        }
    }

    private func validateMatrix() throws(ModelError) {
        var lastRowOfColumn = [Int32](repeating: 0, count: variableCount)
        for i in 0..<constraintCount {
            for k in (rowStart[i] + 1)..<(rowStart[i + 1] + 1) {
                try checkEntry(
                    column: Int(entryColumn[k]) - 1, value: entryValue[k], stamp: Int32(i + 1),
                    lastRowOfColumn: &lastRowOfColumn, rowName: displayName(of: Constraint(index: i)))
            }
        }
    }

    /// One matrix entry's checks: its column exists, its coefficient is finite, and its row
    /// (numbered `stamp`, from 1) has not used the column before (`lastRowOfColumn` remembers).
    private func checkEntry(
        column: Int, value: Double, stamp: Int32, lastRowOfColumn: inout [Int32], rowName: @autoclosure () -> String
    ) throws(ModelError) {
        guard column >= 0, column < variableCount else {
            throw .columnOutOfRange(row: rowName(), column: column, columnCount: variableCount)
        }
        guard value.isFinite else {
            throw .nonFiniteCoefficient(row: rowName(), column: displayName(of: Variable(index: column)), value: value)
        }
        guard lastRowOfColumn[column] != stamp else {
            throw .duplicateEntry(row: rowName(), column: displayName(of: Variable(index: column)))
        }
        lastRowOfColumn[column] = stamp
    }

    /// A name's bytes (without its terminating NUL): no control characters, at most 255 bytes.
    private static func checkName(_ bytes: some Collection<UInt8>, kind: String, index: Int) throws(ModelError) {
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw .invalidName(kind: kind, index: index, reason: "contains a control character")
        }
        if bytes.count > maximumNameLength {
            throw .invalidName(
                kind: kind, index: index,
                reason: "is \(bytes.count) bytes long; at most \(maximumNameLength) are allowed")
        }
    }

    /// Valid bounds: no NaN, lower <= upper, lower not +inf, upper not -inf.
    static func boundsAreValid(_ lower: Double, _ upper: Double) -> Bool {
        !lower.isNaN && !upper.isNaN && lower <= upper && lower < .infinity && upper > -.infinity
    }

    /// Checks that a handle belongs to this model.
    public func check(_ variable: Variable) throws(ModelError) {
        guard variable.index >= 0, variable.index < variableCount else {
            throw .variableOutOfRange(variable, columnCount: variableCount)
        }
    }

    public func check(_ constraint: Constraint) throws(ModelError) {
        guard constraint.index >= 0, constraint.index < constraintCount else {
            throw .constraintOutOfRange(constraint, rowCount: constraintCount)
        }
    }

    /// Checks a bound change before it is applied.
    public func checkBounds(_ variable: Variable, lower: Double, upper: Double) throws(ModelError) {
        try check(variable)
        guard Self.boundsAreValid(lower, upper) else {
            throw .invalidVariableBounds(column: displayName(of: variable), lower: lower, upper: upper)
        }
    }

    public func checkBound(_ constraint: Constraint, _ bound: RowBound) throws(ModelError) {
        try check(constraint)
        guard Self.boundsAreValid(bound.lower, bound.upper) else {
            throw .invalidConstraintBounds(row: displayName(of: constraint), lower: bound.lower, upper: bound.upper)
        }
    }
}
