import Foundation

/// A list that worker threads append to (results, failures), read once they are done.
///
/// ```swift
/// let results = SynchronizedList<VariantResult>()
/// runner.run(batches: blocks) { results.append($0) }
/// let sorted = results.items.sorted { $0.id < $1.id }
/// ```
public final class SynchronizedList<Element: Sendable>: @unchecked Sendable {
    private var storage: [Element] = []
    private let lock = NSLock()

    public init() {}

    public func append(_ element: Element) {
        lock.lock()
        storage.append(element)
        lock.unlock()
    }

    public var items: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
