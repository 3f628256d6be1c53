import Foundation

/// Files this process creates and must not leave behind — the temporary files of atomic
/// writes, lock files and scratch directories. When the process is interrupted (SIGINT, SIGTERM, SIGHUP) they are
/// removed before it ends; the signal then ends the process as it would have.
///
/// ```swift
/// TransientFiles.removeOnSignals()
/// TransientFiles.register(temporaryPath)
/// defer { TransientFiles.unregister(temporaryPath) }
/// ```
public enum TransientFiles {
    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var paths: Set<String> = []
        var sources: [any DispatchSourceSignal] = []
    }

    private static let registry = Registry()

    /// Adds a file to remove on an interruption.
    public static func register(_ path: String) {
        registry.lock.withLock { _ = registry.paths.insert(path) }
    }

    /// Forgets a file (it was renamed into place or removed).
    public static func unregister(_ path: String) {
        registry.lock.withLock { _ = registry.paths.remove(path) }
    }

    /// The files registered now.
    public static var registered: Set<String> { registry.lock.withLock { registry.paths } }

    /// Installs the handlers (once). Signals the process already ignores stay ignored.
    public static func removeOnSignals() {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard registry.sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // Ignore it (the dispatch source handles it); one the process already ignored stays ignored.
            if isIgnore(signal(number, SIG_IGN)) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let paths = registry.lock.withLock { registry.paths }
                for path in paths where unlink(path) != 0 && errno == EISDIR {
                    // A scratch directory (``ScratchDirectory``) goes with what is in it.
                    try? FileManager.default.removeItem(atPath: path)
                }
                // End the process by the same signal. It may be blocked here (a mask inherited from
                // the parent): unblock it in this thread, and exit as the shell would if it stays pending.
                signal(number, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, number)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(number)
                _exit(128 + number)
            }
            source.resume()
            registry.sources.append(source)
        }
    }

    private static func isIgnore(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        guard let handler else { return false }
        let ignore: (@convention(c) (Int32) -> Void)? = SIG_IGN
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(ignore, to: Int.self)
    }
}
