/// The numbers that differ between two models of the same structure: what a solver session
/// must change to turn one into the other without losing its basis.
///
/// ```swift
/// if let changes = current.numericChanges(to: next) {
///     print(changes.rowBounds.count, changes.matrixRows.count)   // apply to a session, re-solve warm
/// } else {
///     // different rows, columns or sparsity pattern: build a new session
/// }
/// ```
public struct ModelChanges: Sendable {
    public var variableBounds: [(Variable, lower: Double, upper: Double)] = []
    public var rowBounds: [(Constraint, RowBound)] = []
    public var objective: [(Variable, Double)] = []
    /// The new objective constant, when it changed.
    public var objectiveConstant: Double?
    /// Rows whose coefficients changed (same pattern), with their new terms.
    public var matrixRows: [(Constraint, [(Variable, Double)])] = []

    public init() {}

    public var isEmpty: Bool {
        variableBounds.isEmpty && rowBounds.isEmpty && objective.isEmpty && objectiveConstant == nil
            && matrixRows.isEmpty
    }
}

extension LinearProgram {
    /// The changes that turn this model into `other`, or nil when the two differ in structure
    /// (sense, sizes, integrality or the sparsity pattern of the matrix) or either has had its
    /// matrix dropped. Names are not compared. O(rows + columns + nonzeros).
    public func numericChanges(to other: LinearProgram) -> ModelChanges? {
        guard !isMatrixDropped, !other.isMatrixDropped else { return nil }
        return numericChanges(to: other, comparingMatrix: true)
    }

    /// As ``numericChanges(to:)``; without `comparingMatrix` the matrices are neither compared
    /// nor reported (for a holder that compares them elsewhere, e.g. against a solver's copy).
    package func numericChanges(to other: LinearProgram, comparingMatrix: Bool) -> ModelChanges? {
        guard sense == other.sense, variableCount == other.variableCount, constraintCount == other.constraintCount,
            columnIsInteger == other.columnIsInteger,
            !comparingMatrix || (rowStart == other.rowStart && entryColumn == other.entryColumn)
        else { return nil }
        var changes = ModelChanges()
        for j in 0..<variableCount {
            if columnLower[j] != other.columnLower[j] || columnUpper[j] != other.columnUpper[j] {
                changes.variableBounds.append((Variable(index: j), other.columnLower[j], other.columnUpper[j]))
            }
            if columnObjective[j] != other.columnObjective[j] {
                changes.objective.append((Variable(index: j), other.columnObjective[j]))
            }
        }
        for i in 0..<constraintCount {
            let row = Constraint(index: i)
            if rowLower[i] != other.rowLower[i] || rowUpper[i] != other.rowUpper[i] {
                changes.rowBounds.append((row, other.bound(of: row)))
            }
            let range = (rowStart[i] + 1)..<(rowStart[i + 1] + 1)
            if comparingMatrix && entryValue[range] != other.entryValue[range] {
                changes.matrixRows.append((row, other.terms(of: row)))
            }
        }
        if objectiveConstant != other.objectiveConstant { changes.objectiveConstant = other.objectiveConstant }
        return changes
    }
}
