import Foundation

/// Streams a sweep's rows to CSV and JSONL files in variant-id order, flushed as each
/// variant finishes, and resumes after an interruption.
///
/// While running, rows go to `FILE.partial`; a finished run renames it to `FILE`, so the
/// final file appears whole. After a crash or Ctrl-C the `.partial` files hold every row
/// written so far; a rerun with `resume` keeps the rows that are complete and in order
/// (in both files), cuts any torn last line, and continues from there.
public final class SweepOutput: @unchecked Sendable {
    public struct Target: Sendable {
        public var path: String
        public var header: String?
        public var line: @Sendable (VariantResult) -> String

        public init(path: String, header: String?, line: @escaping @Sendable (VariantResult) -> String) {
            self.path = path
            self.header = header
            self.line = line
        }
    }

    private let targets: [Target]
    private var handles: [FileHandle] = []
    /// The ids this run must write, in writing order.
    private let expected: [Int]
    private var next = 0
    private var pending: [Int: VariantResult] = [:]
    private let lock = NSLock()

    /// Variants already written by an earlier run (resume), in id order.
    public let alreadyWritten: Set<Int>

    public init(targets: [Target], expected: [Int], resume: Bool) throws {
        self.targets = targets
        self.expected = expected
        var kept = expected.count
        if resume {
            for target in targets { kept = min(kept, Self.completeRows(in: target.path + ".partial", header: target.header, expected: expected)) }
        } else {
            kept = 0
        }
        next = kept
        alreadyWritten = Set(expected[0..<kept])
        for target in targets {
            let partial = target.path + ".partial"
            try Self.keep(rows: kept, of: partial, header: target.header)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            try handle.seekToEnd()
            handles.append(handle)
        }
    }

    /// Records a finished variant; writes it and any buffered successors that are now in order.
    public func record(_ result: VariantResult) throws {
        lock.lock()
        defer { lock.unlock() }
        pending[result.id] = result
        while next < expected.count, let ready = pending.removeValue(forKey: expected[next]) {
            for (target, handle) in zip(targets, handles) {
                try handle.write(contentsOf: Data((target.line(ready) + "\n").utf8))
            }
            next += 1
        }
        for handle in handles { try handle.synchronize() }
    }

    public var writtenCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return next
    }

    /// Closes the files; when every expected row is written, renames the partial files over
    /// the targets (atomic). Returns whether the output is complete.
    @discardableResult
    public func finish() throws -> Bool {
        for handle in handles { try handle.close() }
        handles = []
        guard next == expected.count else { return false }
        for target in targets {
            guard rename(target.path + ".partial", target.path) == 0 else {
                throw SweepError("cannot rename \(target.path).partial to \(target.path)")
            }
        }
        return true
    }

    /// How many leading rows of `path` are complete lines with the expected ids in order.
    static func completeRows(in path: String, header: String?, expected: [Int]) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The last element is "" after a final newline, or a torn line: either way not a row.
        lines.removeLast()
        if let header {
            guard lines.first.map(String.init) == header else { return 0 }
            lines.removeFirst()
        }
        var count = 0
        for line in lines {
            guard count < expected.count, SweepRecordFormat.variantID(ofLine: line) == expected[count] else { break }
            count += 1
        }
        return count
    }

    /// Rewrites `path` with its header and first `rows` lines only (a fresh file when 0).
    static func keep(rows: Int, of path: String, header: String?) throws {
        var text = header.map { $0 + "\n" } ?? ""
        if rows > 0, let data = FileManager.default.contents(atPath: path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.dropFirst(header == nil ? 0 : 1).prefix(rows)
            text += body.map { $0 + "\n" }.joined()
        }
        let temporary = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw SweepError("cannot write \(path)") }
    }
}
