import Foundation

/// Sweep progress on stderr: a bar with count, rate and ETA on a terminal; otherwise one
/// line per 10% (for logs of batch jobs).
final class SweepProgress: @unchecked Sendable {
    private let total: Int
    private var done: Int
    private let start = Date()
    private var lastDecile: Int
    private let terminal = standardErrorIsTerminal
    private let lock = NSLock()

    init(total: Int, alreadyDone: Int) {
        self.total = total
        done = alreadyDone
        lastDecile = total > 0 ? alreadyDone * 10 / total : 10
        if alreadyDone > 0 { printError("resuming: \(alreadyDone) of \(total) variants already written") }
    }

    private var fresh = 0

    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        fresh += 1
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(fresh) / max(elapsed, 1e-9)
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        if terminal {
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "\r[%@] %d/%d  %.2f variants/s  ETA %@ ", bar, done, total, rate,
                        Self.clock(remaining)
                    ).utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if total > 0, done * 10 / total > lastDecile {
            lastDecile = done * 10 / total
            printError(
                String(
                    format: "%d%%: %d/%d variants, %.2f variants/s, ETA %@", lastDecile * 10, done, total, rate,
                    Self.clock(remaining)))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
