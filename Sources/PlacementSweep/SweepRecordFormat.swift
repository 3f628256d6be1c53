import PlacementModel
import PlacementReports

/// How a ``VariantResult`` is written: one CSV row or one JSON line, numbers in the same
/// shortest round-trip form as every other output, so equal results give equal bytes.
/// Iterations and seconds depend on the machine and the warm-start path, so they are
/// written only with `timings` (which makes runs differ).
public struct SweepRecordFormat: Sendable {
    public let paths: [String]
    public let timings: Bool

    public init(sweep: Sweep, timings: Bool) {
        paths = sweep.dimensions.map(\.path)
        self.timings = timings
    }

    public var csvHeader: String {
        let fields = ["variant"] + paths + ["status", "expected_npv_usd", "cvar_npv_usd", "fleet_utilization",
                                            "resilience", "expected_stranded_usd"]
            + (timings ? ["iterations", "seconds", "warm"] : [])
        return fields.map(CSVTable.escape).joined(separator: ",")
    }

    public func csvRow(_ result: VariantResult) -> String {
        var fields = [String(result.id)] + result.values.map { CSVTable.number($0) }
        fields += [result.status, CSVTable.number(result.expectedNPV), CSVTable.number(result.cvarNPV),
                   CSVTable.number(result.fleetUtilization), CSVTable.number(result.resilience),
                   CSVTable.number(result.expectedStranded)]
        if timings { fields += [String(result.iterations), CSVTable.number(result.seconds), result.warmStarted ? "true" : "false"] }
        return fields.map(CSVTable.escape).joined(separator: ",")
    }

    public func jsonLine(_ result: VariantResult) -> String {
        var members: [(String, JSONValue)] = [
            ("variant", .number(Double(result.id))),
            ("values", .object(zip(paths, result.values).map { ($0, .number($1)) })),
            ("status", .string(result.status)),
            ("expected_npv_usd", .finite(result.expectedNPV)),
            ("cvar_npv_usd", .finite(result.cvarNPV)),
            ("fleet_utilization", .finite(result.fleetUtilization)),
            ("resilience", .finite(result.resilience)),
            ("expected_stranded_usd", .finite(result.expectedStranded)),
        ]
        if let message = result.message { members.append(("message", .string(message))) }
        if timings {
            members += [("iterations", .number(Double(result.iterations))), ("seconds", .number(result.seconds)),
                        ("warm", .bool(result.warmStarted))]
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
}
