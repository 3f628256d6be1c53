import Foundation

/// A one-line spinner with elapsed time on stderr while a long call runs; silent unless
/// stderr is a terminal. GLPK's simplex has no progress callback, so time is what we show.
final class ProgressIndicator: @unchecked Sendable {
    private let message: String
    private let condition = NSCondition()
    private var running = true
    private var thread: Thread?

    init(_ message: String, enabled: Bool = true) {
        self.message = message
        guard enabled && standardErrorIsTerminal else { return }
        let start = Date()
        let thread = Thread { [self] in
            let frames = Array("|/-\\")
            var frame = 0
            condition.lock()
            while running {
                let elapsed = Date().timeIntervalSince(start)
                FileHandle.standardError.write(
                    Data("\r\(frames[frame % 4]) \(message) \(String(format: "%.1f", elapsed)) s ".utf8))
                frame += 1
                _ = condition.wait(until: Date().addingTimeInterval(0.2))
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            condition.unlock()
        }
        self.thread = thread
        thread.start()
    }

    /// Stops and clears the line; waits until the spinner thread has finished writing.
    func stop() {
        guard thread != nil else { return }
        condition.lock()
        running = false
        condition.signal()
        condition.unlock()
        while thread?.isFinished == false { usleep(1000) }
        thread = nil
    }
}
