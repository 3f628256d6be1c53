import PlacementModel
import ResultFormats

/// A scenario's figures read back from the record ``RiskReport`` writes for it (a shard's or a
/// resumed run's), number for number: records are written in Swift's shortest round-trip form
/// and read by ``JSONValue/init(parsing:)``, so every figure reads back as the same double.
extension ScenarioFigures {
    /// Reads a record `{id, probability, npv_usd, fleet: [{year, utilization, stranded_usd,
    /// at_risk_usd}], below_breakeven_final_year}`.
    ///
    /// ```swift
    /// let figures = try ScenarioFigures(record: try JSONValue(parsing: line))
    /// ```
    /// - Throws: ``SamplingError`` naming the member that is missing or of the wrong type.
    public init(record: JSONValue) throws(SamplingError) {
        guard let id = record["id"]?.string else { throw SamplingError("a path record has no 'id'") }
        guard let probability = record["probability"]?.number, let npv = record["npv_usd"]?.number,
            let fleet = record["fleet"]?.array
        else { throw SamplingError("path record '\(id)' lacks 'probability', 'npv_usd' or 'fleet'") }
        // Figures far beyond any plan's (1e100 USD) would overflow the summaries' squares.
        guard abs(npv) <= 1e100 else { throw SamplingError("path record '\(id)' has NPV \(npv), beyond 1e100 USD") }
        // A study's scenario may have probability 0; a path's is 1/N (checkPath).
        guard (0...1).contains(probability) else {
            throw SamplingError("path record '\(id)' has probability \(probability), not between 0 and 1")
        }
        var years: [Year] = []
        for entry in fleet {
            guard let year = entry["year"]?.number.flatMap({ Int(exactly: $0) }),
                let stranded = entry["stranded_usd"]?.number,
                let atRisk = entry["at_risk_usd"]?.number, let utilization = entry["utilization"]
            else {
                throw SamplingError(
                    "path record '\(id)' has a fleet year without 'year', 'utilization', 'stranded_usd' or 'at_risk_usd'"
                )
            }
            // Utilization is busy hours over installed hours (the hold's slack may pass 1 by 1e-9);
            // stranded and at-risk value are parts of a book value.
            if let used = utilization.number, !(0...1 + 1e-6).contains(used) {
                throw SamplingError("path record '\(id)' has utilization \(used) in \(year), not between 0 and 1")
            }
            guard (0...1e100).contains(stranded), (0...1e100).contains(atRisk) else {
                throw SamplingError(
                    "path record '\(id)' has a stranded or at-risk value in \(year) that is negative or beyond 1e100 USD"
                )
            }
            years.append(Year(year: year, utilization: utilization.number, stranded: stranded, atRisk: atRisk))
        }
        let below: Bool?
        switch record["below_breakeven_final_year"] {
        case .bool(let value): below = value
        case .null: below = nil
        default: throw SamplingError("path record '\(id)' has no 'below_breakeven_final_year'")
        }
        self.init(
            scenario: ScenarioID(id), probability: probability, npv: npv, fleet: years, belowBreakevenFinalYear: below)
    }

    /// Checks a path record read back (a shard's or a progress file's) against the run it joins:
    /// it is path `index` (0-based) of `count`, with probability `1 / count` and one fleet entry
    /// per year of `years`, in order.
    ///
    /// ```swift
    /// try figures.checkPath(index: 0, of: 1000, years: study.horizon.years)
    /// ```
    /// - Throws: ``SamplingError`` saying what differs.
    public func checkPath(index: Int, of count: Int, years: [Int]) throws(SamplingError) {
        let expected = SampledPath.id(index: index, count: count)
        guard scenario == expected else { throw SamplingError("path '\(scenario)' where '\(expected)' was expected") }
        guard probability == 1 / Double(count) else {
            throw SamplingError("path '\(scenario)' has probability \(probability), not 1/\(count) of the run's paths")
        }
        try checkYears(years)
    }

    /// Checks that the record has one fleet entry per year of `years`, in order.
    public func checkYears(_ years: [Int]) throws(SamplingError) {
        let own = fleet.map(\.year)
        guard own == years else {
            throw SamplingError(
                "'\(scenario)' has fleet years \(own.map(String.init).joined(separator: ", ")), not the run's "
                    + years.map(String.init).joined(separator: ", "))
        }
    }
}
