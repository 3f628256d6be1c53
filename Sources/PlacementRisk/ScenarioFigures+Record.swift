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
        var years: [Year] = []
        for entry in fleet {
            guard let year = entry["year"]?.number, let stranded = entry["stranded_usd"]?.number,
                let atRisk = entry["at_risk_usd"]?.number, let utilization = entry["utilization"]
            else {
                throw SamplingError(
                    "path record '\(id)' has a fleet year without 'year', 'utilization', 'stranded_usd' or 'at_risk_usd'"
                )
            }
            years.append(Year(year: Int(year), utilization: utilization.number, stranded: stranded, atRisk: atRisk))
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
}
