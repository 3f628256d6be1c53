import Foundation

/// Joins shard outputs (CSV or JSONL) into one file in variant-id order, checking that every
/// variant is present exactly once.
///
/// ```swift
/// try SweepMerge.merge(inputs: ["a.shard-1-of-2.csv", "a.shard-2-of-2.csv"], output: "a.csv", variantCount: 200)
/// ```
public enum SweepMerge {
    public static func merge(inputs: [String], output: String, variantCount: Int?) throws {
        guard !inputs.isEmpty else { throw SweepError("no input files") }
        let csv = output.hasSuffix(".csv")
        var header: String?
        var rows = [Int: (line: Substring, file: String)]()
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input) else { throw SweepError("cannot read \(input)") }
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            if csv {
                guard let first = lines.first else { throw SweepError("\(input) is empty") }
                if let header, header != String(first) {
                    throw SweepError("\(input) has a different header from \(inputs[0])")
                }
                header = String(first)
                lines.removeFirst()
            }
            for line in lines {
                guard let id = SweepRecordFormat.variantID(ofLine: line) else {
                    throw SweepError("\(input): a line does not start with a variant id: \(line.prefix(60))")
                }
                if let earlier = rows[id] {
                    throw SweepError("variant \(id) appears twice (\(earlier.file) and \(input))")
                }
                rows[id] = (line, input)
            }
        }
        let count = variantCount ?? ((rows.keys.max() ?? -1) + 1)
        let missing = (0..<count).filter { rows[$0] == nil }
        guard missing.isEmpty else {
            throw SweepError("\(missing.count) variant(s) missing, first \(missing.prefix(10).map(String.init).joined(separator: ", "))")
        }
        if let extra = rows.keys.first(where: { $0 >= count }) {
            throw SweepError("variant \(extra) is beyond the sweep's \(count) variants")
        }
        var text = header.map { $0 + "\n" } ?? ""
        for id in 0..<count { text += rows[id]!.line + "\n" }
        let temporary = output + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, output) == 0 else { throw SweepError("cannot write \(output)") }
    }
}
