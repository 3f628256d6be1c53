import PlacementModel

extension NumberRule {
    /// What a value must be, for hints: `a number of at least 1`.
    var expectation: String {
        switch self {
        case .any: "a number"
        case .between(let low, let high): "a number from \(NumberRule.text(low)) to \(NumberRule.text(high))"
        case .wholeBetween(let low, let high):
            "a whole number from \(NumberRule.text(low)) to \(NumberRule.text(high))"
        case .unitInterval: "a number from 0 to 1"
        case .openUnitInterval: "a number strictly between 0 and 1"
        case .positiveUpToOne: "a number > 0 and <= 1"
        case .divisorOf24: "a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)"
        case .utcOffset: "an offset from -12 to 14 hours"
        case .latitude: "a latitude from -90 to 90"
        case .longitude: "a longitude from -180 to 180"
        }
    }
}
