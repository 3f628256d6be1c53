extension LinearProgram {
    /// The longest name GLPK (and most file formats) accept, in bytes.
    public static let maximumNameLength = 255

    /// Checks everything a solver needs before any of it reaches C: finite numbers,
    /// ordered bounds, column indices in range, no duplicate (row, column) entries,
    /// names of at most 255 bytes without control characters.
    ///
    /// Runs in one pass over the matrix (O(nonzeros)).
    public func validate() throws(ModelError) {
        let limit = Int(Int32.max) - 1
        guard variableCount < limit, constraintCount < limit, nonzeroCount < limit else {
            throw .tooLarge("\(constraintCount) rows, \(variableCount) columns, \(nonzeroCount) nonzeros; GLPK indexes with 32-bit integers")
        }
        guard objectiveConstant.isFinite else { throw .nonFiniteObjectiveConstant(objectiveConstant) }
        for j in 0..<variableCount {
            let variable = Variable(index: j)
            guard Self.boundsAreValid(columnLower[j], columnUpper[j]) else {
                throw .invalidVariableBounds(column: displayName(of: variable), lower: columnLower[j], upper: columnUpper[j])
            }
            guard columnObjective[j].isFinite else {
                throw .nonFiniteObjective(column: displayName(of: variable), value: columnObjective[j])
            }
        }
        for i in 0..<constraintCount where !Self.boundsAreValid(rowLower[i], rowUpper[i]) {
            throw .invalidConstraintBounds(row: displayName(of: Constraint(index: i)), lower: rowLower[i], upper: rowUpper[i])
        }
        try validateMatrix()
        try validateNames(columnNameOffset, kind: "column")
        try validateNames(rowNameOffset, kind: "row")
    }

    private func validateMatrix() throws(ModelError) {
        // lastRowOfColumn[j] == i + 1 when column j already appeared in row i.
        var lastRowOfColumn = [Int32](repeating: 0, count: variableCount + 1)
        for i in 0..<constraintCount {
            let stamp = Int32(i + 1)
            for k in (rowStart[i] + 1)..<(rowStart[i + 1] + 1) {
                let column = Int(entryColumn[k])
                let row = Constraint(index: i)
                guard column >= 1, column <= variableCount else {
                    throw .columnOutOfRange(row: displayName(of: row), column: column - 1, columnCount: variableCount)
                }
                guard entryValue[k].isFinite else {
                    throw .nonFiniteCoefficient(row: displayName(of: row),
                                                column: displayName(of: Variable(index: column - 1)), value: entryValue[k])
                }
                guard lastRowOfColumn[column] != stamp else {
                    throw .duplicateEntry(row: displayName(of: row), column: displayName(of: Variable(index: column - 1)))
                }
                lastRowOfColumn[column] = stamp
            }
        }
    }

    private func validateNames(_ offsets: [Int], kind: String) throws(ModelError) {
        for (index, offset) in offsets.enumerated() where offset >= 0 {
            var end = offset
            while nameBytes[end] != 0 {
                if nameBytes[end] < 0x20 || nameBytes[end] == 0x7F {
                    throw .invalidName(kind: kind, index: index, reason: "contains a control character")
                }
                end += 1
            }
            if end - offset > Self.maximumNameLength {
                throw .invalidName(kind: kind, index: index,
                                   reason: "is \(end - offset) bytes long; at most \(Self.maximumNameLength) are allowed")
            }
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
