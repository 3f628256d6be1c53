import Foundation
import OutputFiles

/// Streams a sweep's rows to `PREFIX.csv` and `PREFIX.jsonl` in variant-id order, flushed as
/// each variant finishes, and resumes after an interruption.
///
/// - A lock on `PREFIX.lock` keeps a second sweep from writing the same outputs.
/// - While running, rows go to `FILE.partial`, whose first line is the sweep's
///   ``SweepFingerprint``. A finished run writes `FILE` (through ``OutputFile``) and removes
///   the partial file; a shard's output keeps the fingerprint line for `merge`.
/// - After a crash or Ctrl-C, `resume` keeps the rows of the partial files only when the
///   fingerprint matches and every row is exactly the row of the variant it claims to be (in
///   both files); a torn last line is cut. Anything else is refused, so no row of another
///   sweep or an edited row reaches the output.
///
/// ```swift
/// let output = try SweepOutput(prefix: "runs", format: format, expected: ids, resume: false, fingerprint: fingerprint)
/// runner.run(batches: blocks, skip: output.alreadyWritten) { try? output.record($0) }
/// try output.finish()
/// ```
public final class SweepOutput: @unchecked Sendable {
    /// Why the outputs cannot be written or resumed.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another process holds the prefix's lock.
        case busy(lock: String)
        /// A partial file of another sweep, shard or options.
        case differentSweep(path: String, reason: String)
        /// A partial file row that is not the row of the variant it claims.
        case invalidRow(path: String, line: Int, reason: String)
        /// A file cannot be written.
        case cannotWrite(OutputFileError)

        public var description: String {
            switch self {
            case .busy(let lock):
                "another sweep is writing these outputs (it holds \(lock)); wait for it, or use another --output"
            case .differentSweep(let path, let reason): "cannot resume from \(path): \(reason)"
            case .invalidRow(let path, let line, let reason): "cannot resume from \(path):\(line): \(reason)"
            case .cannotWrite(let error): error.description
            }
        }
    }

    private struct Target {
        let path: String
        let isCSV: Bool
        var partial: String { path + ".partial" }
    }

    private let format: SweepRecordFormat
    private let fingerprint: SweepFingerprint
    private let targets: [Target]
    private var descriptors: [Int32] = []
    private let lock: FileLock
    /// The ids this run must write, in writing order.
    private let expected: [Int]
    private var next = 0
    private var pending: [Int: VariantResult] = [:]
    private let mutex = NSLock()

    /// Variants already written by an earlier run (resume).
    public let alreadyWritten: Set<Int>

    /// The CSV rows kept from the partial file, by variant id (resume), for `--verify`.
    public let keptCSVRows: [Int: String]

    /// Opens `PREFIX.csv.partial` and `PREFIX.jsonl.partial` (kept when resuming).
    public init(
        prefix: String, format: SweepRecordFormat, expected: [Int], resume: Bool,
        fingerprint: SweepFingerprint
    ) throws(Failure) {
        self.format = format
        self.fingerprint = fingerprint
        self.expected = expected
        targets = [Target(path: prefix + ".csv", isCSV: true), Target(path: prefix + ".jsonl", isCSV: false)]
        do { lock = try FileLock(path: prefix + ".lock") } catch {
            switch error {
            case .held(let path): throw .busy(lock: path)
            case .unusable(let why): throw .cannotWrite(why)
            }
        }
        var kept = 0
        var keptRows: [Int: String] = [:]
        if resume {
            kept = expected.count
            var rows: [[Substring]] = []
            for target in targets {
                let lines = try Self.validRows(of: target, format: format, fingerprint: fingerprint, expected: expected)
                kept = min(kept, lines.count)
                rows.append(lines)
            }
            // Both files must say the same of every kept variant.
            for row in 0..<kept { keptRows[expected[row]] = String(rows[0][row]) }
            for row in 0..<kept {
                guard case .success(let fromJSON) = format.result(ofJSONLine: rows[1][row]),
                    format.csvRow(fromJSON) == rows[0][row]
                else {
                    throw .invalidRow(
                        path: targets[1].partial, line: row + 2,
                        reason: "variant \(expected[row]) differs from its row in \(targets[0].partial)")
                }
            }
            for (target, lines) in zip(targets, rows) {
                let text =
                    ([Substring(Self.header(for: target, fingerprint, format))] + lines.prefix(kept)).joined(
                        separator: "\n") + "\n"
                try Self.write(text, to: target.partial)
            }
        } else {
            for target in targets {
                try Self.write(Self.header(for: target, fingerprint, format) + "\n", to: target.partial)
            }
        }
        next = kept
        alreadyWritten = Set(expected[0..<kept])
        keptCSVRows = keptRows
        for target in targets {
            do { descriptors.append(try OutputFile.openRegular(target.partial, flags: O_WRONLY | O_APPEND)) } catch {
                for opened in descriptors { close(opened) }
                throw .cannotWrite(error)
            }
        }
    }

    /// The lines before the rows: the fingerprint, and for CSV the column names.
    private static func header(
        for target: Target, _ fingerprint: SweepFingerprint, _ format: SweepRecordFormat
    ) -> String {
        target.isCSV ? fingerprint.csvLine + "\n" + format.csvHeader : fingerprint.jsonLine
    }

    private static func write(_ text: String, to path: String) throws(Failure) {
        do { try OutputFile.writeRegular(Data(text.utf8), to: path) } catch { throw .cannotWrite(error) }
    }

    /// The leading rows of a partial file that are exactly the expected variants' rows. An empty
    /// or missing file has none; a torn last line is cut; any other problem is refused.
    private static func validRows(
        of target: Target, format: SweepRecordFormat, fingerprint: SweepFingerprint,
        expected: [Int]
    ) throws(Failure) -> [Substring] {
        let path = target.partial
        let contents: Data?
        do { contents = try OutputFile.readRegular(path) } catch { throw .cannotWrite(error) }
        guard let data = contents, !data.isEmpty else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The last element is "" after a final newline, or a torn line: either way not a row.
        lines.removeLast()
        guard let first = lines.first, let found = SweepFingerprint(line: first) else {
            throw .differentSweep(
                path: path,
                reason: "its first line is not a sweep fingerprint (is it a partial file "
                    + "of this version of placement?); rerun without --resume to start again")
        }
        if let reason = fingerprint.difference(from: found) {
            throw .differentSweep(path: path, reason: reason + "; rerun without --resume to start again")
        }
        var body = lines.dropFirst()
        if target.isCSV {
            guard let names = body.first else { return [] }
            guard names == format.csvHeader else {
                throw .invalidRow(path: path, line: 2, reason: "its column names are not those of this sweep")
            }
            body = body.dropFirst()
        }
        let firstRow = target.isCSV ? 3 : 2
        var rows: [Substring] = []
        for (index, line) in body.enumerated() {
            let lineNumber = index + firstRow
            guard index < expected.count else {
                throw .invalidRow(path: path, line: lineNumber, reason: "more rows than the run has variants")
            }
            let parsed = target.isCSV ? format.result(ofCSVRow: line) : format.result(ofJSONLine: line)
            switch parsed {
            case .failure(let problem): throw .invalidRow(path: path, line: lineNumber, reason: problem.description)
            case .success(let result) where result.id != expected[index]:
                throw .invalidRow(
                    path: path, line: lineNumber,
                    reason: "it holds variant \(result.id) where variant \(expected[index]) belongs")
            case .success: rows.append(line)
            }
        }
        return rows
    }

    /// Records a finished variant; writes it and any buffered successors that are now in order.
    public func record(_ result: VariantResult) throws(Failure) {
        mutex.lock()
        defer { mutex.unlock() }
        pending[result.id] = result
        while next < expected.count, let ready = pending.removeValue(forKey: expected[next]) {
            for (target, descriptor) in zip(targets, descriptors) {
                let line = (target.isCSV ? format.csvRow(ready) : format.jsonLine(ready)) + "\n"
                do { try OutputFile.writeAll(Data(line.utf8), to: descriptor, path: target.partial) } catch {
                    throw .cannotWrite(error)
                }
            }
            next += 1
        }
        for (target, descriptor) in zip(targets, descriptors) where fsync(descriptor) != 0 {
            throw .cannotWrite(OutputFileError(path: target.partial, reason: OutputFileError.words(for: errno)))
        }
    }

    public var writtenCount: Int { mutex.withLock { next } }

    /// Closes the files and releases the lock without finishing: the partial files stay as they
    /// are (a refused resume).
    public func abandon() {
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
        lock.release()
    }

    /// Closes the files and releases the lock. When every expected row is written, writes the
    /// outputs (with the fingerprint line when `keepFingerprint`, for shards) and removes the
    /// partial files. Returns whether the output is complete.
    @discardableResult
    public func finish(keepFingerprint: Bool) throws(Failure) -> Bool {
        defer { lock.release() }
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
        guard next == expected.count else { return false }
        for target in targets {
            guard let data = try? OutputFile.readRegular(target.partial) else {
                throw .cannotWrite(OutputFileError(path: target.partial, reason: "it vanished while the sweep ran"))
            }
            let body = keepFingerprint ? data : data.drop(while: { $0 != UInt8(ascii: "\n") }).dropFirst()
            do { try OutputFile.write(Data(body), to: target.path) } catch { throw .cannotWrite(error) }
            unlink(target.partial)
        }
        return true
    }
}
