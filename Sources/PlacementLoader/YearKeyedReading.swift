import PlacementModel

/// How a year-keyed value uses years outside the horizon, which decides what is reported.
enum YearKeyUse {
    /// Carries forward (`power_mw`, scenario multipliers): a year before the start still
    /// applies; a year after the end has no effect (warning).
    case carryForward
    /// Interpolated (`annual_units`): any year shapes the curve; a warning only when no
    /// listed year lies in the horizon, so the horizon sees a flat or distant value.
    case interpolated
}

extension DecodingContext {
    /// A `{year: value}` mapping; at least one year must be listed.
    func yearSeries(_ node: YAMLNode, field: String, rule: NumberRule, use: YearKeyUse) -> YearSeries? {
        guard let pairs = mapping(node, field: field) else { return nil }
        guard !pairs.isEmpty else {
            error(
                at: node.location, "'\(field)' lists no year",
                hint: "write at least one 'year: value' entry, e.g. {2026: 100}")
            return nil
        }
        var values: [Int: Double] = [:]
        var keys: [Int: YAMLPair] = [:]
        var isComplete = true
        for pair in pairs {
            let year = self.year(pair.key, at: pair.keyLocation, field: field)
            let value = number(pair.value, field: "\(field).\(pair.key)", rule: rule)
            if let year, let first = keys[year] {
                // `2026` and `02026` are different texts but the same year: a duplicate key.
                error(
                    at: pair.keyLocation,
                    "year \(year) appears twice in '\(field)' (as '\(first.key)' and '\(pair.key)')",
                    hint: "'\(first.key)' is already set at \(first.keyLocation.line):\(first.keyLocation.column); "
                        + "keep one of them")
                isComplete = false
                continue
            }
            if let year { keys[year] = pair }
            guard let year, let value else {
                isComplete = false
                continue
            }
            values[year] = value
            if use == .carryForward, let horizon, year > horizon.end {
                warning(
                    at: pair.keyLocation,
                    "year \(year) in '\(field)' is after the horizon "
                        + "(\(horizon.start)-\(horizon.end)) and has no effect",
                    hint: "remove it or extend the study's horizon")
            }
        }
        guard isComplete else { return nil }
        if use == .interpolated, let horizon, !values.keys.contains(where: horizon.contains) {
            warning(
                at: node.location,
                "no year in '\(field)' falls in the horizon (\(horizon.start)-\(horizon.end))",
                hint: "list at least one horizon year so demand in the horizon is explicit")
        }
        return YearSeries(values)
    }
}
