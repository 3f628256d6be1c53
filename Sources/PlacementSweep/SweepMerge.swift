import Foundation
import OutputFiles
import PlacementModel

/// Joins shard outputs (CSV or JSONL) into one file in variant-id order.
///
/// Every shard carries the sweep's ``SweepFingerprint`` in its first line. The shards must come
/// from one sweep (same inputs, options and variant count), each shard of the count they name
/// exactly once, and hold every variant exactly once; `.partial` files (unfinished shards) are
/// refused. Every row is checked as `--resume` checks it: it must parse and be exactly the row
/// placement writes for its result (so an edited figure, such as a formula, is refused), and,
/// with the sweep at hand, carry its variant's values. The merged file has no fingerprint line:
/// it equals the output of an unsharded run. An `output` ending in `.xlsx` is a workbook of the
/// merged rows (``SweepRecordFormat/workbook(_:source:)``), from JSONL shards when the first input
/// ends in `.jsonl`, else from CSV shards.
///
/// ```swift
/// try SweepMerge.merge(inputs: ["a.shard-1-of-2.csv", "a.shard-2-of-2.csv"], output: "a.csv")
/// ```
public enum SweepMerge {
    /// Why shards cannot be merged.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// An input cannot be read (exit 66).
        case unreadable(path: String, reason: String)
        /// The inputs are not the complete shards of one sweep (exit 65).
        case invalid(String)
        /// The output cannot be written (exit 73).
        case cannotWrite(OutputFileError)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
            case .invalid(let reason): reason
            case .cannotWrite(let error): error.description
            }
        }
    }

    /// Merges `inputs` into `output`; `sweepInputs` (a fingerprint's `inputs` hash computed from
    /// the sweep file) checks the shards are of that sweep, `variantCount` their size.
    public static func merge(
        inputs: [String], output: String, sweepInputs: String? = nil,
        variantCount: Int? = nil, sweep: Sweep? = nil
    ) throws(Failure) {
        guard !inputs.isEmpty else { throw .invalid("no input files") }
        let workbook = output.hasSuffix(".xlsx")
        let csv = workbook ? !inputs[0].hasSuffix(".jsonl") : output.hasSuffix(".csv")
        var rowsFormat: SweepRecordFormat?
        var first: SweepFingerprint?
        var shardFiles: [Int: String] = [:]
        var header: Substring?
        var rows: [Int: (line: Substring, file: String, result: VariantResult)] = [:]
        for input in inputs {
            let lines = try read(input)
            guard let line = lines.first, let fingerprint = SweepFingerprint(line: line),
                line.hasPrefix("#") == csv
            else {
                throw .invalid(
                    "\(input) is not a finished shard of a sweep's \(csv ? "CSV" : "JSONL") output "
                        + "(its first line is not a sweep fingerprint)")
            }
            if let first {
                if let reason = first.difference(
                    from: SweepFingerprint(
                        inputs: fingerprint.inputs, options: fingerprint.options, variants: fingerprint.variants,
                        shard: first.shard, shards: fingerprint.shards))
                {
                    throw .invalid("\(input) is not of the same sweep as \(inputs[0]): \(reason)")
                }
            } else {
                first = fingerprint
            }
            if let sweepInputs, fingerprint.inputs != sweepInputs {
                throw .invalid("\(input) was written for other input files than the sweep given with --sweep")
            }
            if let earlier = shardFiles[fingerprint.shard] {
                throw .invalid(
                    "shard \(fingerprint.shard)/\(fingerprint.shards) is given twice (\(earlier) and \(input))")
            }
            shardFiles[fingerprint.shard] = input
            var body = lines.dropFirst()
            if csv {
                guard let names = body.first else { throw .invalid("\(input) has no CSV header") }
                if let header, header != names { throw .invalid("\(input) has a different header from \(inputs[0])") }
                header = names
                body = body.dropFirst()
            }
            let format = rowFormat(
                sweep: sweep, timings: fingerprint.options.split(separator: ",").contains("timings:on"),
                header: header, firstLine: body.first, csv: csv)
            rowsFormat = rowsFormat ?? format
            for (index, line) in body.enumerated() {
                guard let id = SweepRecordFormat.variantID(ofLine: line) else {
                    throw .invalid("\(input): a line does not start with a variant id: \(line.prefix(60))")
                }
                let result: VariantResult
                switch csv ? format.result(ofCSVRow: line) : format.result(ofJSONLine: line) {
                case .success(let parsed): result = parsed
                case .failure(let problem): throw .invalid("\(input):\(index + (csv ? 3 : 2)): \(problem)")
                }
                if let earlier = rows[id] {
                    throw .invalid("variant \(id) appears twice (\(earlier.file) and \(input))")
                }
                rows[id] = (line, input, result)
            }
        }
        guard let first else { throw .invalid("no input files") }
        if let variantCount, variantCount != first.variants {
            throw .invalid("the shards were written for \(first.variants) variants; the sweep has \(variantCount)")
        }
        let missingShards = (1...max(1, first.shards)).filter { shardFiles[$0] == nil }
        guard missingShards.isEmpty else {
            throw .invalid(
                "\(missingShards.count) of \(first.shards) shards missing: "
                    + missingShards.prefix(10).map { "\($0)/\(first.shards)" }.joined(separator: ", "))
        }
        let count = first.variants
        if let extra = rows.keys.first(where: { $0 < 0 || $0 >= count }) {
            throw .invalid("variant \(extra) is beyond the sweep's \(count) variants (\(rows[extra]!.file))")
        }
        let missing = (0..<count).filter { rows[$0] == nil }
        guard missing.isEmpty else {
            let first = missing.prefix(10).map(String.init).joined(separator: ", ")
            throw .invalid("\(missing.count) variant(s) missing, first \(first)")
        }
        let data: Data
        if workbook, let rowsFormat {
            let results = (0..<count).map { rows[$0]!.result }
            // Named by its first shard: thousands of shard names would not fit one cell.
            let source = inputs.count == 1 ? inputs[0] : "\(inputs[0]) and \(inputs.count - 1) more shard(s)"
            // Text from the inputs neutralised, as every workbook the CLI writes (OutputWriter.rendered).
            let workbook = rowsFormat.workbook(results, source: source).mappingText(DisplayText.neutralized)
            do { data = try workbook.xlsx() } catch {
                throw .cannotWrite(OutputFileError(path: output, reason: "\(error)"))
            }
        } else {
            var text = header.map { $0 + "\n" } ?? ""
            for id in 0..<count { text += rows[id]!.line + "\n" }
            data = Data(text.utf8)
        }
        do { try OutputFile.write(data, to: output) } catch { throw .cannotWrite(error) }
    }

    /// The rows' format: the sweep's when given, else read from the CSV header or the first JSON
    /// line's `values` keys (the varied paths, in order).
    private static func rowFormat(
        sweep: Sweep?, timings: Bool, header: Substring?, firstLine: Substring?, csv: Bool
    ) -> SweepRecordFormat {
        if let sweep { return SweepRecordFormat(sweep: sweep, timings: timings) }
        var paths: [String] = []
        if csv, let header {
            paths = header.split(separator: ",").dropFirst().prefix { $0 != "status" }.map(String.init)
        } else if let firstLine, let start = firstLine.range(of: "\"values\":{"),
            let end = firstLine[start.upperBound...].firstIndex(of: "}")
        {
            paths = firstLine[start.upperBound..<end].split(separator: ",").compactMap { member in
                member.split(separator: ":").first.map { String($0.dropFirst().dropLast()) }
            }
        }
        return SweepRecordFormat(paths: paths, timings: timings)
    }

    /// The complete lines of a regular, finished shard file.
    private static func read(_ input: String) throws(Failure) -> [Substring] {
        if input.hasSuffix(".partial") {
            throw .invalid(
                "\(input) is an unfinished shard (a .partial file); finish it with 'placement sweep --resume'")
        }
        var status = stat()
        guard stat(input, &status) == 0 else {
            throw .unreadable(path: input, reason: OutputFileError.words(for: errno))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: input, reason: "it is not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw .unreadable(path: input, reason: "permission denied")
        }
        guard data.last == UInt8(ascii: "\n") else { throw .invalid("\(input) does not end with a complete line") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    }
}
