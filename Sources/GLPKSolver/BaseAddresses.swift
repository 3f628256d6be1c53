/// Calls `body` with the base address of every array, all valid together for one C call.
///
/// C calls that take many arrays would otherwise nest one `withUnsafeBufferPointer`
/// closure per array; the parameter pack pins any number of them in one place:
///
/// ```swift
/// let status = withBaseAddresses(of: types, lowers, uppers) { types, lowers, uppers in
///     spg_set_row_bounds(problem, count, indices, types, lowers, uppers)
/// }
/// ```
///
/// The addresses must not escape `body`.
func withBaseAddresses<each Element, Result>(
    of arrays: repeat [each Element],
    do body: (repeat UnsafePointer<each Element>?) -> Result
) -> Result {
    var pinned: [any PinnableArray] = []
    repeat pinned.append(each arrays)
    var addresses: [UnsafeRawPointer?] = []
    addresses.reserveCapacity(pinned.count)

    func pin(from position: Int) -> Result {
        guard position == pinned.count else {
            return pinned[position].withRawBaseAddress { address in
                addresses.append(address)
                return pin(from: position + 1)
            }
        }
        // Every array is pinned: hand the addresses out in order, typed again.
        var next = 0
        func typed<T>(_: T.Type) -> UnsafePointer<T>? {
            defer { next += 1 }
            return addresses[next]?.assumingMemoryBound(to: T.self)
        }
        return body(repeat typed((each Element).self))
    }
    return pin(from: 0)
}

/// An array whose storage can be pinned without knowing its element type.
private protocol PinnableArray {
    func withRawBaseAddress<R>(_ body: (UnsafeRawPointer?) -> R) -> R
}

extension Array: PinnableArray {
    fileprivate func withRawBaseAddress<R>(_ body: (UnsafeRawPointer?) -> R) -> R {
        withUnsafeBufferPointer { body(UnsafeRawPointer($0.baseAddress)) }
    }
}
