import Foundation

extension ResultSnapshot {
    /// Result schemas this version reads.
    public static let readableSchemas = [
        "sovereign-placement.optimize/1", "sovereign-placement.optimize/2", "sovereign-placement.optimize/3",
    ]

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
        schema = try fields.string(ResultKey.schema)
        guard Self.readableSchemas.contains(schema) else {
            throw ResultFileError(
                file: file, field: ResultKey.schema, message: "unsupported schema '\(schema)'",
                hint: "this placement reads \(Self.readableSchemas.joined(separator: ", ")); "
                    + "write the result again with `placement optimize --format json`")
        }
        source = file
        let status = try fields.object(ResultKey.status)
        termination = try status.string(ResultKey.termination)
        // optimize/1 has no gaps; a gap is null when the solve proved the optimum outright.
        relativeGap = try [ResultKey.relativeGap, ResultKey.mipGap].compactMap {
            status.has($0) ? try status.number($0) : nil
        }.max()
        expectedNPV = fields.has(ResultKey.expectedNPVUSD) ? try fields.number(ResultKey.expectedNPVUSD) : nil
        cvarNPV = try fields.optionalObject(ResultKey.risk).flatMap { try Self.optional($0, ResultKey.cvarNPVUSD) }
        capex = fields.has(ResultKey.capexUSD) ? try fields.number(ResultKey.capexUSD) : nil
        let scenarioRows = try fields.objects(ResultKey.scenarios)
        scenarios = try scenarioRows.map { try $0.string(ResultKey.id) }
        probabilities = try scenarioRows.map {
            $0.has(ResultKey.probability)
                ? try $0.number(ResultKey.probability) ?? 0 : 1 / Double(scenarioRows.count)
        }
        hasPlan = fields.has(ResultKey.capacity)
        capacity = try fields.objects(ResultKey.capacity).map { row in
            Capacity(
                facility: try row.string(ResultKey.facility), hardware: try row.string(ResultKey.hardware),
                year: try row.year(ResultKey.year), scenario: try row.optionalString(ResultKey.scenario),
                built: try row.nonNegativeNumber(ResultKey.built),
                installed: try row.nonNegativeNumber(ResultKey.installed),
                itMW: try row.nonNegativeNumber(ResultKey.itMW))
        }
        let utilization = try fields.optionalObject(ResultKey.utilization)
        fleetUtilization = try Self.utilization(utilization?.objects(ResultKey.fleet) ?? [])
        facilityUtilization = try Self.utilization(utilization?.objects(ResultKey.facilities) ?? [])
        let stress = try fields.optionalObject(ResultKey.resilience)
        resilience = try ((stress?.objects(ResultKey.fleet) ?? []) + (stress?.objects(ResultKey.facilities) ?? [])).map
        { row in
            Resilience(
                facility: try row.optionalString(ResultKey.facility), year: try row.year(ResultKey.year),
                resilience: try row.number(ResultKey.resilience),
                worstStress: try row.optionalString(ResultKey.worstStress))
        }
        let risk = try fields.optionalObject(ResultKey.strandedAssets)
        stranded = try ((risk?.objects(ResultKey.fleet) ?? []) + (risk?.objects(ResultKey.facilities) ?? [])).map {
            row in
            let strandedFigures = try row.optionalObject(ResultKey.stranded)
            let atRisk = try row.optionalObject(ResultKey.atRisk)
            return Stranded(
                facility: try row.optionalString(ResultKey.facility), year: try row.year(ResultKey.year),
                bookValue: row.has(ResultKey.bookValueUSD) ? try row.number(ResultKey.bookValueUSD) : nil,
                strandedExpected: try strandedFigures.flatMap { try Self.optional($0, ResultKey.expectedUSD) },
                strandedWorstStress: try strandedFigures.flatMap {
                    try Self.optional($0, ResultKey.worstStressUSD)
                },
                atRiskExpected: try atRisk.flatMap { try Self.optional($0, ResultKey.expectedUSD) })
        }
        let prices = try fields.optionalObject(ResultKey.shadowPrices)
        powerLimits = try (prices?.objects(ResultKey.powerUSDPerMW) ?? []).map { row in
            PowerLimit(
                facility: try row.string(ResultKey.facility), year: try row.year(ResultKey.year),
                shadowPrice: try row.number(ResultKey.value), binding: try row.bool(ResultKey.binding))
        }
        budget = try prices?.optionalObject(ResultKey.budgetUSDPerUSD).map {
            (try $0.number(ResultKey.value), try $0.bool(ResultKey.binding))
        }
        unreachable = try fields.objects(ResultKey.unreachableDemand).map { row in
            Unreachable(
                tenant: try row.string(ResultKey.tenant), zone: try row.string(ResultKey.zone),
                reason: try row.string(ResultKey.reason))
        }
    }

    private static func utilization(_ rows: [JSONFields]) throws -> [Utilization] {
        try rows.map { row in
            Utilization(
                facility: try row.optionalString(ResultKey.facility), year: try row.year(ResultKey.year),
                scenario: try row.string(ResultKey.scenario), utilization: try row.number(ResultKey.utilization))
        }
    }

    private static func optional(_ fields: JSONFields, _ key: String) throws -> Double? {
        fields.has(key) ? try fields.number(key) : nil
    }

    /// A located error for text that is not JSON: Foundation names the character offset.
    private static func syntaxError(_ error: Error, data: Data, file: String) -> ResultFileError {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        var position: (line: Int, column: Int)?
        // The reader names the character it stopped at, except at the end of a truncated file.
        let named = detail.range(of: #"character \d+"#, options: .regularExpression).flatMap {
            Int(detail[$0].dropFirst("character ".count))
        }
        if let offset = named ?? (detail.localizedCaseInsensitiveContains("end of file") ? data.count : nil) {
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
