/// The range a number in the files (or set by a sweep) must lie in.
///
/// Every rule requires a finite number, and every field's rule is bounded on both sides
/// (``NumberRule+Fields``): the bounds keep every coefficient of the linear program finite
/// and within a span GLPK's scaling handles, so valid input never fails inside the solver.
///
/// ```swift
/// NumberRule.between(1, 10).violation(of: 0.9)   // "must be at least 1"
/// NumberRule.unitInterval.violation(of: 0.4)     // nil
/// ```
public enum NumberRule: Hashable, Sendable {
    /// Any finite number.
    case any
    /// `low...high`.
    case between(Double, Double)
    /// A whole number in `low...high`.
    case wholeBetween(Double, Double)
    /// 0...1.
    case unitInterval
    /// Strictly between 0 and 1.
    case openUnitInterval
    /// 0 < x <= 1.
    case positiveUpToOne
    /// A whole number that divides 24.
    case divisorOf24
    /// A UTC offset, -12...14 hours.
    case utcOffset
    /// -90...90 degrees.
    case latitude
    /// -180...180 degrees.
    case longitude

    /// Why `value` breaks the rule (e.g. `must be between 1 and 10`), or `nil` when it is fine.
    public func violation(of value: Double) -> String? {
        guard value.isFinite else { return "must be a finite number" }
        let isWhole = value.rounded() == value
        switch self {
        case .any: return nil
        case .between(let low, let high):
            if value < low { return low == 0 ? "must not be negative" : "must be at least \(Self.text(low))" }
            return value > high ? "must be at most \(Self.text(high))" : nil
        case .wholeBetween(let low, let high):
            return isWhole && (low...high).contains(value)
                ? nil : "must be a whole number from \(Self.text(low)) to \(Self.text(high))"
        case .unitInterval: return (0...1).contains(value) ? nil : "must be between 0 and 1"
        case .openUnitInterval: return value > 0 && value < 1 ? nil : "must be strictly between 0 and 1"
        case .positiveUpToOne: return value > 0 && value <= 1 ? nil : "must be greater than 0 and at most 1"
        case .divisorOf24:
            return isWhole && value >= 1 && value <= 24 && 24 % Int(value) == 0
                ? nil : "must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24)"
        case .utcOffset: return (-12...14).contains(value) ? nil : "must be between -12 and 14 hours"
        case .latitude: return (-90...90).contains(value) ? nil : "must be between -90 and 90 degrees"
        case .longitude: return (-180...180).contains(value) ? nil : "must be between -180 and 180 degrees"
        }
    }

    /// A bound as people write it: `1000`, `0.001`, `1e6`, `1e-3`.
    public static func text(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e5 { return String(Int(value)) }
        if abs(value) >= 0.001 && abs(value) < 1e5 { return "\(value)" }
        let exponent = Int(log10(abs(value)).rounded())
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        if value == (exponent >= 0 ? power : 1 / power) { return "1e\(exponent)" }
        return "\(value)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
