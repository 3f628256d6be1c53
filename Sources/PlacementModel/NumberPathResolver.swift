/// Matches the key part of a number path against a table of ``NumberField``s and
/// explains a mismatch with did-you-mean candidates.
enum NumberPathResolver {
    static func match<Item>(
        _ key: [String], fields: [NumberField<Item>], item: Item, study: Study, prefix: String
    ) throws(NumberPathError) -> (NumberField<Item>, [String]) {
        guard let first = key.first else {
            throw NumberPathError(
                message: "'\(prefix)' does not name a number",
                hint: "add a key: " + fields.map { "\(prefix).\($0.key)" }.prefix(6).joined(separator: ", "))
        }
        let sameHead = fields.filter { $0.pattern[0] == first }
        guard !sameHead.isEmpty else {
            let heads = unique(fields.map { $0.pattern[0] })
            throw NumberPathError(
                message: "unknown key '\(first)' in '\(prefix)'",
                hint: Suggestions.hint(for: first, among: heads, noun: "numbers here") ?? "")
        }
        var firstProblem: NumberPathError?
        let siblings = sameHead.filter { $0.pattern.count == key.count }
        for field in siblings {
            do throws(NumberPathError) {
                let arguments = try bind(
                    key, to: field, siblings: siblings, item: item, study: study, prefix: prefix)
                return (field, arguments)
            } catch {
                firstProblem = firstProblem ?? error
            }
        }
        if let firstProblem { throw firstProblem }
        let expected = sameHead.map { "\(prefix).\($0.key)" }
        throw NumberPathError(
            message: "'\(prefix).\(key.joined(separator: "."))' does not name a number",
            hint: "expected " + expected.joined(separator: " or "))
    }

    /// Checks literal parts and placeholder values; returns the placeholder values in order.
    private static func bind<Item>(
        _ key: [String], to field: NumberField<Item>, siblings: [NumberField<Item>], item: Item,
        study: Study, prefix: String
    ) throws(NumberPathError) -> [String] {
        var arguments: [String] = []
        for (position, (part, component)) in zip(field.pattern, key).enumerated() {
            guard part.isPlaceholder else {
                if part != component {
                    throw NumberPathError(
                        message: "unknown key '\(component)' in '\(prefix)'",
                        hint: Suggestions.hint(
                            for: component,
                            among: unique(siblings.map { $0.pattern[position] }.filter { !$0.isPlaceholder }),
                            noun: "expected one of") ?? "")
                }
                continue
            }
            try checkPlaceholder(part, value: component, field: field, item: item, study: study)
            arguments.append(component)
        }
        return arguments
    }

    private static func checkPlaceholder<Item>(
        _ placeholder: String, value: String, field: NumberField<Item>, item: Item, study: Study
    ) throws(NumberPathError) {
        func known(_ noun: String, _ ids: [String]) throws(NumberPathError) {
            guard !ids.contains(value) else { return }
            throw NumberPathError(
                message: "unknown \(noun) '\(value)'",
                hint: Suggestions.hint(for: value, among: ids, noun: "known \(noun) ids") ?? "")
        }
        switch placeholder {
        case "<year>":
            guard let year = Int(value), study.horizon.contains(year) else {
                throw NumberPathError(
                    message: "'\(value)' is not a year of the horizon \(study.horizon.start)-\(study.horizon.end)",
                    hint: "use a year from \(study.horizon.start) to \(study.horizon.end)")
            }
        case "<workload>": try known("workload", study.workloads.map(\.id.rawValue))
        case "<hardware>": try known("hardware", study.hardware.map(\.id.rawValue))
        case "<zone>": try known("zone", study.zones.map(\.id.rawValue))
        case "<region>": try known("region", study.regions.map(\.id.rawValue))
        case "<entry>":
            let count = field.entryCount?(item) ?? 0
            guard let entry = Int(value), entry >= 0, entry < count else {
                throw NumberPathError(
                    message: "'\(value)' is not an entry of '\(field.pattern[0])'",
                    hint: "use an index from 0 to \(count - 1)")
            }
        default:
            preconditionFailure("unknown placeholder \(placeholder)")
        }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
