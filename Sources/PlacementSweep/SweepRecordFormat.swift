import Foundation
import PlacementModel
import ResultFormats

/// How a ``VariantResult`` is written: one CSV row or one JSON line, numbers in the same
/// shortest round-trip form as every other output, so equal results give equal bytes.
/// Iterations and seconds depend on the machine and the warm-start path, so they are
/// written only with `timings` (which makes runs differ).
public struct SweepRecordFormat: Sendable {
    /// The sweep, when known: rows are then checked to carry their variant's values.
    public let sweep: Sweep?
    public let paths: [String]
    public let timings: Bool

    public init(sweep: Sweep, timings: Bool) {
        self.sweep = sweep
        paths = sweep.dimensions.map(\.path)
        self.timings = timings
    }

    /// The format of rows varying `paths`, without their sweep (merging shards without
    /// `--sweep`): rows must still parse and be exactly as written, but their varied values
    /// cannot be checked against their variant.
    public init(paths: [String], timings: Bool) {
        sweep = nil
        self.paths = paths
        self.timings = timings
    }

    public var csvHeader: String {
        let fields =
            ["variant"] + paths + [
                "status", "expected_npv_usd", "cvar_npv_usd", "fleet_utilization",
                "resilience", "expected_stranded_usd",
            ]
            + (timings ? ["iterations", "seconds", "warm"] : [])
        return fields.map(CSVTable.escape).joined(separator: ",")
    }

    public func csvRow(_ result: VariantResult) -> String {
        var fields = [String(result.id)] + result.values.map { CSVTable.number($0) }
        fields += [
            result.status.rawValue, CSVTable.number(result.expectedNPV), CSVTable.number(result.cvarNPV),
            CSVTable.number(result.fleetUtilization), CSVTable.number(result.resilience),
            CSVTable.number(result.expectedStranded),
        ]
        if timings {
            fields += [
                String(result.iterations), CSVTable.number(result.seconds), result.warmStarted ? "true" : "false",
            ]
        }
        return fields.map(CSVTable.escape).joined(separator: ",")
    }

    public func jsonLine(_ result: VariantResult) -> String {
        var members: [(String, JSONValue)] = [
            ("variant", .number(Double(result.id))),
            ("values", .object(zip(paths, result.values).map { ($0, .number($1)) })),
            ("status", .string(result.status.rawValue)),
            ("expected_npv_usd", .finite(result.expectedNPV)),
            ("cvar_npv_usd", .finite(result.cvarNPV)),
            ("fleet_utilization", .finite(result.fleetUtilization)),
            ("resilience", .finite(result.resilience)),
            ("expected_stranded_usd", .finite(result.expectedStranded)),
        ]
        if let message = result.message { members.append(("message", .string(message))) }
        if timings {
            members += [
                ("iterations", .number(Double(result.iterations))), ("seconds", .number(result.seconds)),
                ("warm", .bool(result.warmStarted)),
            ]
        }
        return JSONValue.object(members).compact()
    }

    /// The variant id a written line starts with (CSV or JSONL), for resuming and merging.
    public static func variantID(ofLine line: Substring) -> Int? {
        if line.hasPrefix("{\"variant\":") {
            let digits = line.dropFirst("{\"variant\":".count).prefix { $0.isNumber }
            return Int(digits)
        }
        return Int(line.prefix { $0.isNumber })
    }

    /// The result a CSV row written by ``csvRow(_:)`` holds, or why the row is not one: every
    /// field must parse and the row must be exactly what ``csvRow(_:)`` writes for it.
    public func result(ofCSVRow line: Substring) -> Result<VariantResult, SweepRowProblem> {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        let expected = 1 + paths.count + 6 + (timings ? 3 : 0)
        guard fields.count == expected else { return .failure(.init("it has \(fields.count) fields, not \(expected)")) }
        guard let id = Int(fields[0]) else { return .failure(.init("'\(fields[0])' is not a variant id")) }
        var values: [Double] = []
        for field in fields[1...paths.count] {
            guard let value = Double(field), value.isFinite else {
                return .failure(.init("'\(field)' is not a number"))
            }
            values.append(value)
        }
        var rest = fields.dropFirst(1 + paths.count)
        guard let status = VariantStatus(rawValue: String(rest.removeFirst())) else {
            return .failure(.init("'\(fields[1 + paths.count])' is not a status"))
        }
        var figures: [Double?] = []
        for field in rest.prefix(5) {
            if field.isEmpty {
                figures.append(nil)
            } else {
                guard let value = Double(field), value.isFinite else {
                    return .failure(.init("'\(field)' is not a number"))
                }
                figures.append(value)
            }
        }
        var result = VariantResult(
            id: id, values: values, status: status, expectedNPV: figures[0], cvarNPV: figures[1],
            fleetUtilization: figures[2], resilience: figures[3], expectedStranded: figures[4])
        if timings {
            let extra = Array(rest.dropFirst(5))
            guard let iterations = Int(extra[0]), let seconds = Double(extra[1]),
                extra[2] == "true" || extra[2] == "false"
            else { return .failure(.init("its iterations, seconds or warm flag do not parse")) }
            result.iterations = iterations
            result.seconds = seconds
            result.warmStarted = extra[2] == "true"
        }
        return check(result, rendered: csvRow(result), line: line)
    }

    /// The result a JSON line written by ``jsonLine(_:)`` holds, or why the line is not one.
    public func result(ofJSONLine line: Substring) -> Result<VariantResult, SweepRowProblem> {
        // JSONDecoder reads doubles exactly (JSONSerialization may round through Decimal).
        struct Line: Decodable {
            var variant: Int
            var values: [String: Double]
            var status: String
            var expectedNPV, cvarNPV, fleetUtilization, resilience, expectedStranded: Double?
            var message: String?
            var iterations: Int?
            var seconds: Double?
            var warm: Bool?

            enum CodingKeys: String, CodingKey {
                case variant, values, status, resilience, message, iterations, seconds, warm
                case expectedNPV = "expected_npv_usd"
                case cvarNPV = "cvar_npv_usd"
                case fleetUtilization = "fleet_utilization"
                case expectedStranded = "expected_stranded_usd"
            }
        }
        guard let read = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
            return .failure(.init("it is not a JSON object of a sweep row"))
        }
        guard let status = VariantStatus(rawValue: read.status) else {
            return .failure(.init("'\(read.status)' is not a status"))
        }
        var result = VariantResult(
            id: read.variant, values: paths.map { read.values[$0] ?? .nan }, status: status,
            expectedNPV: read.expectedNPV, cvarNPV: read.cvarNPV, fleetUtilization: read.fleetUtilization,
            resilience: read.resilience, expectedStranded: read.expectedStranded, message: read.message)
        if timings {
            result.iterations = read.iterations ?? -1
            result.seconds = read.seconds ?? .nan
            result.warmStarted = read.warm ?? false
        }
        return check(result, rendered: jsonLine(result), line: line)
    }

    /// The row must be exactly what this format writes for its result, and carry its variant's values.
    private func check(
        _ result: VariantResult, rendered: String, line: Substring
    ) -> Result<VariantResult, SweepRowProblem> {
        guard rendered == line else { return .failure(.init("it is not a row as placement writes it (edited?)")) }
        guard result.id >= 0 else { return .failure(.init("variant \(result.id) is not in the sweep")) }
        guard let sweep else { return .success(result) }
        guard result.id < sweep.variantCount else {
            return .failure(.init("variant \(result.id) is not in the sweep"))
        }
        let values = sweep.assignments(ofVariant: result.id).map(\.value)
        guard result.values == values else {
            return .failure(
                .init(
                    "its varied values are not those of variant \(result.id) "
                        + "(\(values.map { CSVTable.number($0) }.joined(separator: ", ")))"))
        }
        return .success(result)
    }
}

/// Why a written sweep row cannot be trusted.
public struct SweepRowProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
