/// The range a number in the files (or set by a sweep) must lie in.
///
/// Every rule also requires a finite number.
///
/// ```swift
/// NumberRule.atLeastOne.violation(of: 0.9)    // "must be at least 1"
/// NumberRule.unitInterval.violation(of: 0.4)  // nil
/// ```
public enum NumberRule: Hashable, Sendable {
    /// Any finite number.
    case any
    /// >= 0.
    case nonNegative
    /// > 0.
    case positive
    /// 0...1.
    case unitInterval
    /// Strictly between 0 and 1.
    case openUnitInterval
    /// 0 < x <= 1.
    case positiveUpToOne
    /// >= 1.
    case atLeastOne
    /// A whole number >= 1.
    case wholeAtLeastOne
    /// A whole number >= 0.
    case wholeNonNegative
    /// A whole number that divides 24.
    case divisorOf24
    /// A UTC offset, -12...14 hours.
    case utcOffset
    /// -90...90 degrees.
    case latitude
    /// -180...180 degrees.
    case longitude

    /// Why `value` breaks the rule (e.g. `must be at least 1`), or `nil` when it is fine.
    public func violation(of value: Double) -> String? {
        guard value.isFinite else { return "must be a finite number" }
        let isWhole = value.rounded() == value
        switch self {
        case .any: return nil
        case .nonNegative: return value >= 0 ? nil : "must not be negative"
        case .positive: return value > 0 ? nil : "must be greater than 0"
        case .unitInterval: return (0...1).contains(value) ? nil : "must be between 0 and 1"
        case .openUnitInterval: return value > 0 && value < 1 ? nil : "must be strictly between 0 and 1"
        case .positiveUpToOne: return value > 0 && value <= 1 ? nil : "must be greater than 0 and at most 1"
        case .atLeastOne: return value >= 1 ? nil : "must be at least 1"
        case .wholeAtLeastOne: return isWhole && value >= 1 ? nil : "must be a whole number of at least 1"
        case .wholeNonNegative: return isWhole && value >= 0 ? nil : "must be a whole number of at least 0"
        case .divisorOf24:
            return isWhole && value >= 1 && value <= 24 && 24 % Int(value) == 0
                ? nil : "must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24)"
        case .utcOffset: return (-12...14).contains(value) ? nil : "must be between -12 and 14 hours"
        case .latitude: return (-90...90).contains(value) ? nil : "must be between -90 and 90 degrees"
        case .longitude: return (-180...180).contains(value) ? nil : "must be between -180 and 180 degrees"
        }
    }
}
