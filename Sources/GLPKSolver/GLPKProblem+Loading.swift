import CGLPK
import CGLPKGuard
import LinearProgramming

extension GLPKProblem {
    /// Loads `model` (validated) into the new, empty problem in one guarded call.
    func load(_ model: LinearProgram) throws(GLPKError) {
        let problem = try live()
        let rows = RowArrays(model)
        let columns = model.variableCount
        var columnType = [Int32](repeating: 0, count: columns + 1)
        var columnLower = [Double](repeating: 0, count: columns + 1)
        var columnUpper = [Double](repeating: 0, count: columns + 1)
        for j in 0..<columns {
            (columnType[j + 1], columnLower[j + 1], columnUpper[j + 1]) =
                Self.glpkBounds(model.columnLower[j], model.columnUpper[j])
        }
        let objective = [0] + model.columnObjective
        let integer: [UInt8] = [0] + model.columnIsInteger.map { $0 ? 1 : 0 }
        let columnNames = [-1] + model.columnNameOffset
        let status = rows.withDescription { rows in
            withBaseAddresses(
                of: columnType, columnLower, columnUpper, objective, integer, columnNames,
                Array(model.name.utf8CString), Array("objective".utf8CString)
            ) { columnType, columnLower, columnUpper, objective, integer, columnNames, problemName, objectiveName in
                var description = spg_model(
                    rows: rows, col_count: Int32(columns), col_type: columnType, col_lower: columnLower,
                    col_upper: columnUpper, col_objective: objective, col_is_integer: integer,
                    col_name_offset: columnNames, objective_constant: model.objectiveConstant,
                    maximize: model.sense == .maximize ? 1 : 0, problem_name: problemName,
                    objective_name: objectiveName)
                return spg_load(problem, &description)
            }
        }
        guard status == 0 else { throw failure("loading the model") }
    }

    /// Appends the rows of `block`, a model that holds only the new rows (over this problem's
    /// columns, validated by the caller). GLPK makes new rows basic, so the stored basis stays
    /// a basis: it is dual feasible still, and a dual simplex re-solve continues from it.
    func addRows(_ block: LinearProgram) throws(GLPKError) {
        let problem = try live()
        guard block.constraintCount > 0 else { return }
        let status = RowArrays(block).withDescription { rows in
            var rows = rows
            return spg_add_rows(problem, &rows)
        }
        guard status == 0 else { throw failure("glp_add_rows") }
        rowCount += block.constraintCount
        changedSinceSolve = true
        // Scale again at the next solve so the new rows are scaled like the old ones.
        scaled = false
    }

    /// Calls `body` with each row's coefficients as GLPK holds them (one-based columns, in
    /// GLPK's order), reusing one buffer; stops early when `body` returns false.
    func readRows(
        _ body: (_ row: Int, _ columns: ArraySlice<Int32>, _ values: ArraySlice<Double>) -> Bool
    ) throws(GLPKError) {
        let problem = try live()
        var columns = [Int32](repeating: 0, count: columnCount + 1)
        var values = [Double](repeating: 0, count: columnCount + 1)
        for i in 0..<rowCount {
            var length: Int32 = 0
            guard spg_get_mat_row(problem, Int32(i + 1), &columns, &values, &length) == 0 else {
                throw failure("glp_get_mat_row")
            }
            let entries = 1..<(Int(length) + 1)
            guard body(i, columns[entries], values[entries]) else { return }
        }
    }
}

extension GLPKProblem {
    /// The rows whose coefficients in `model` differ from GLPK's, or nil when a row's columns
    /// differ (a change of structure). `model` is validated and has this problem's sizes. GLPK
    /// stores no zero coefficients, so `model`'s explicit zeros must be absent from GLPK's rows.
    func rowsDiffering(from model: LinearProgram) throws(GLPKError) -> [Int]? {
        // GLPK's entries of the row being compared, by zero-based column: `rowOfColumn[j] == i + 1`
        // marks column j as present in row i, with `valueOfColumn[j]` its coefficient.
        var rowOfColumn = [Int](repeating: 0, count: columnCount)
        var valueOfColumn = [Double](repeating: 0, count: columnCount)
        var differing: [Int] = []
        var structureDiffers = false
        try readRows { i, columns, values in
            for (column, value) in zip(columns, values) {
                rowOfColumn[Int(column) - 1] = i + 1
                valueOfColumn[Int(column) - 1] = value
            }
            var matched = 0
            var changed = false
            for (variable, coefficient) in model.terms(of: Constraint(index: i)) {
                let present = rowOfColumn[variable.index] == i + 1
                if !present && coefficient == 0 { continue }
                guard present, coefficient != 0 else {
                    structureDiffers = true
                    return false
                }
                matched += 1
                changed = changed || valueOfColumn[variable.index] != coefficient
            }
            guard matched == columns.count else {
                structureDiffers = true
                return false
            }
            if changed { differing.append(i) }
            return true
        }
        return structureDiffers ? nil : differing
    }
}

/// A model's rows as GLPK's one-based arrays, for loading or appending them.
private struct RowArrays {
    let model: LinearProgram
    var type: [Int32]
    var lower: [Double]
    var upper: [Double]

    init(_ model: LinearProgram) {
        self.model = model
        let rows = model.constraintCount
        type = [Int32](repeating: 0, count: rows + 1)
        lower = [Double](repeating: 0, count: rows + 1)
        upper = [Double](repeating: 0, count: rows + 1)
        for i in 0..<rows {
            (type[i + 1], lower[i + 1], upper[i + 1]) = GLPKProblem.glpkBounds(model.rowLower[i], model.rowUpper[i])
        }
    }

    /// Calls `body` with the C description of the rows, valid only inside it.
    func withDescription<R>(_ body: (spg_rows) -> R) -> R {
        let names = model.nameBytes.isEmpty ? [0] : model.nameBytes
        return withBaseAddresses(
            of: type, lower, upper, model.rowStart, model.entryColumn, model.entryValue, names,
            [-1] + model.rowNameOffset
        ) { type, lower, upper, start, entryColumn, entryValue, names, nameOffset in
            body(
                spg_rows(
                    count: Int32(model.constraintCount), type: type, lower: lower, upper: upper, start: start,
                    entry_col: entryColumn, entry_value: entryValue, name_blob: names,
                    name_offset: nameOffset))
        }
    }
}
