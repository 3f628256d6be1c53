import Foundation

extension ResultSnapshot {
    /// Result schemas this version reads.
    public static let readableSchemas = ["sovereign-placement.optimize/1", "sovereign-placement.optimize/2"]

    /// Reads the JSON text of a result; `file` names it in errors.
    public init(json data: Data, file: String) throws {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw Self.syntaxError(error, data: data, file: file)
        }
        guard let object = root as? [String: Any] else {
            throw ResultFileError(
                file: file, message: "expected a JSON object at the top level",
                hint: "give a file written by `placement optimize --format json`")
        }
        let fields = JSONFields(file: file, path: "", object: object)
        schema = try fields.string("schema")
        guard Self.readableSchemas.contains(schema) else {
            throw ResultFileError(
                file: file, field: "schema", message: "unsupported schema '\(schema)'",
                hint: "this placement reads \(Self.readableSchemas.joined(separator: " and ")); "
                    + "write the result again with `placement optimize --format json`")
        }
        source = file
        let status = try fields.object("status")
        termination = try status.string("termination")
        // optimize/1 has no gaps; a gap is null when the solve proved the optimum outright.
        relativeGap = try ["relative_gap", "mip_gap"].compactMap { status.has($0) ? try status.number($0) : nil }.max()
        expectedNPV = fields.has("expected_npv_usd") ? try fields.number("expected_npv_usd") : nil
        cvarNPV = try fields.optionalObject("risk").flatMap { try Self.optional($0, "cvar_npv_usd") }
        capex = fields.has("capex_usd") ? try fields.number("capex_usd") : nil
        scenarios = try fields.objects("scenarios").map { try $0.string("id") }
        capacity = try fields.objects("capacity").map { row in
            Capacity(
                facility: try row.string("facility"), hardware: try row.string("hardware"),
                year: try row.year("year"), built: try row.nonNegativeNumber("built"),
                installed: try row.nonNegativeNumber("installed"), itMW: try row.nonNegativeNumber("it_mw"))
        }
        let utilization = try fields.optionalObject("utilization")
        fleetUtilization = try Self.utilization(utilization?.objects("fleet") ?? [])
        facilityUtilization = try Self.utilization(utilization?.objects("facilities") ?? [])
        let stress = try fields.optionalObject("resilience")
        resilience = try ((stress?.objects("fleet") ?? []) + (stress?.objects("facilities") ?? [])).map { row in
            Resilience(
                facility: try row.optionalString("facility"), year: try row.year("year"),
                resilience: try row.number("resilience"), worstStress: try row.optionalString("worst_stress"))
        }
        let risk = try fields.optionalObject("stranded_assets")
        stranded = try ((risk?.objects("fleet") ?? []) + (risk?.objects("facilities") ?? [])).map { row in
            let strandedFigures = try row.optionalObject("stranded")
            let atRisk = try row.optionalObject("at_risk")
            return Stranded(
                facility: try row.optionalString("facility"), year: try row.year("year"),
                bookValue: row.has("book_value_usd") ? try row.number("book_value_usd") : nil,
                strandedExpected: try strandedFigures.flatMap { try Self.optional($0, "expected_usd") },
                strandedWorstStress: try strandedFigures.flatMap {
                    try Self.optional($0, "worst_stress_usd")
                },
                atRiskExpected: try atRisk.flatMap { try Self.optional($0, "expected_usd") })
        }
        let prices = try fields.optionalObject("shadow_prices")
        powerLimits = try (prices?.objects("power_usd_per_mw") ?? []).map { row in
            PowerLimit(
                facility: try row.string("facility"), year: try row.year("year"),
                shadowPrice: try row.number("value"), binding: try row.bool("binding"))
        }
        budget = try prices?.optionalObject("budget_usd_per_usd").map {
            (try $0.number("value"), try $0.bool("binding"))
        }
        unreachable = try fields.objects("unreachable_demand").map { row in
            Unreachable(
                tenant: try row.string("tenant"), zone: try row.string("zone"),
                reason: try row.string("reason"))
        }
    }

    private static func utilization(_ rows: [JSONFields]) throws -> [Utilization] {
        try rows.map { row in
            Utilization(
                facility: try row.optionalString("facility"), year: try row.year("year"),
                scenario: try row.string("scenario"), utilization: try row.number("utilization"))
        }
    }

    private static func optional(_ fields: JSONFields, _ key: String) throws -> Double? {
        fields.has(key) ? try fields.number(key) : nil
    }

    /// A located error for text that is not JSON: Foundation names the character offset.
    private static func syntaxError(_ error: Error, data: Data, file: String) -> ResultFileError {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        var position: (line: Int, column: Int)?
        if let range = detail.range(of: #"character \d+"#, options: .regularExpression),
            let offset = Int(detail[range].dropFirst("character ".count))
        {
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            position = (line, column)
        }
        let message = detail.replacingOccurrences(
            of: #" around character \d+\.?"#, with: "",
            options: .regularExpression)
        return ResultFileError(
            file: file, position: position, message: "not valid JSON (\(message))",
            hint: "give a file written by `placement optimize --format json`, or a study (.yaml) "
                + "to solve")
    }
}
