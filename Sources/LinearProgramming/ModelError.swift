/// Why a ``LinearProgram`` cannot be handed to a solver, naming the row and column at fault.
///
/// ```swift
/// do { try lp.validate() } catch {
///     print(error) // row "demand[a]", column "x[3]": coefficient is nan; coefficients must be finite
/// }
/// ```
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case nonFiniteCoefficient(row: String, column: String, value: Double)
    case nonFiniteObjective(column: String, value: Double)
    case nonFiniteObjectiveConstant(Double)
    case invalidVariableBounds(column: String, lower: Double, upper: Double)
    case invalidConstraintBounds(row: String, lower: Double, upper: Double)
    case columnOutOfRange(row: String, column: Int, columnCount: Int)
    case variableOutOfRange(Variable, columnCount: Int)
    case constraintOutOfRange(Constraint, rowCount: Int)
    case duplicateEntry(row: String, column: String)
    case invalidName(kind: String, index: Int, reason: String)
    case tooLarge(String)
    /// The model is a copy made by ``LinearProgram/droppingMatrix()``: it has no matrix to solve.
    case matrixDropped
    /// A ``Basis`` whose row or column count differs from the model's.
    case basisShape(rows: Int, columns: Int, modelRows: Int, modelColumns: Int)

    private static let boundRule = "need lower <= upper, no NaN, lower < +inf, upper > -inf"

    public var description: String {
        switch self {
        case .nonFiniteCoefficient(let row, let column, let value):
            "row \"\(row)\", column \"\(column)\": coefficient is \(value); coefficients must be finite"
        case .nonFiniteObjective(let column, let value):
            "column \"\(column)\": objective coefficient is \(value); it must be finite"
        case .nonFiniteObjectiveConstant(let value):
            "objective constant is \(value); it must be finite"
        case .invalidVariableBounds(let column, let lower, let upper):
            "column \"\(column)\": bounds [\(lower), \(upper)] are invalid; \(Self.boundRule)"
        case .invalidConstraintBounds(let row, let lower, let upper):
            "row \"\(row)\": bounds [\(lower), \(upper)] are invalid; \(Self.boundRule)"
        case .columnOutOfRange(let row, let column, let count):
            "row \"\(row)\": refers to column \(column + 1) but the model has \(count) columns"
        case .variableOutOfRange(let variable, let count):
            "\(variable) does not exist: the model has \(count) columns"
        case .constraintOutOfRange(let constraint, let count):
            "\(constraint) does not exist: the model has \(count) rows"
        case .duplicateEntry(let row, let column):
            "row \"\(row)\": column \"\(column)\" appears twice; combine the terms (LinearExpression.combined())"
        case .invalidName(let kind, let index, let reason):
            "\(kind) \(index + 1): name \(reason)"
        case .tooLarge(let what):
            "model too large: \(what)"
        case .matrixDropped:
            "the model's constraint matrix was dropped (droppingMatrix()); solve the model it was made from"
        case .basisShape(let rows, let columns, let modelRows, let modelColumns):
            "the basis has \(rows) rows and \(columns) columns but the model has \(modelRows) and \(modelColumns)"
        }
    }
}
