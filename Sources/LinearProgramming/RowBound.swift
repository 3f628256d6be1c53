/// The bounds of a row's activity `a·x`.
///
/// ```swift
/// let capacity: RowBound = .lessOrEqual(120)
/// capacity.lower // -infinity
/// capacity.upper // 120
/// ```
public enum RowBound: Hashable, Sendable {
    case lessOrEqual(Double)
    case greaterOrEqual(Double)
    case equal(Double)
    /// `lower <= a·x <= upper`.
    case ranged(Double, Double)
    /// No bound: the row only records its activity.
    case free

    /// The lower limit, `-infinity` when there is none.
    public var lower: Double {
        switch self {
        case .greaterOrEqual(let b), .equal(let b): b
        case .ranged(let lower, _): lower
        case .lessOrEqual, .free: -.infinity
        }
    }

    /// The upper limit, `+infinity` when there is none.
    public var upper: Double {
        switch self {
        case .lessOrEqual(let b), .equal(let b): b
        case .ranged(_, let upper): upper
        case .greaterOrEqual, .free: .infinity
        }
    }

    /// The bound with the given limits; infinite limits mean "none".
    public init(lower: Double, upper: Double) {
        switch (lower.isInfinite && lower < 0, upper.isInfinite && upper > 0) {
        case (true, true): self = .free
        case (true, false): self = .lessOrEqual(upper)
        case (false, true): self = .greaterOrEqual(lower)
        case (false, false): self = lower == upper ? .equal(lower) : .ranged(lower, upper)
        }
    }
}
