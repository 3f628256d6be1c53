import Foundation

/// Progress on stderr of a sweep's variants or a risk run's paths: a bar with count, rate and
/// ETA on a terminal; otherwise one line per 10% (for logs of batch jobs), unless `quietOffTerminal`.
final class SweepProgress: @unchecked Sendable {
    private let total: Int
    private var done: Int
    private let start = Date()
    private var lastDecile: Int
    private let terminal = standardErrorIsTerminal
    private let lock = NSLock()
    private let unit: String
    private let quietOffTerminal: Bool

    init(total: Int, alreadyDone: Int, unit: String = "variants", quietOffTerminal: Bool = false) {
        self.total = total
        self.unit = unit
        self.quietOffTerminal = quietOffTerminal
        done = alreadyDone
        lastDecile = total > 0 ? alreadyDone * 10 / total : 10
        if alreadyDone > 0 { printError("resuming: \(alreadyDone) of \(total) \(unit) already written") }
    }

    private var fresh = 0

    func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += count
        fresh += count
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
                        format: "\r[%@] %d/%d  %.2f %@/s  ETA %@ ", bar, done, total, rate, unit,
                        Self.clock(remaining)
                    ).utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if !quietOffTerminal, total > 0, done * 10 / total > lastDecile {
            lastDecile = done * 10 / total
            printError(
                String(
                    format: "%d%%: %d/%d %@, %.2f %@/s, ETA %@", lastDecile * 10, done, total, unit, rate, unit,
                    Self.clock(remaining)))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
