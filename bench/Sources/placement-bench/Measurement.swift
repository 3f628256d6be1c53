import Foundation

/// Wall-clock seconds of `body`.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// Peak resident memory of this process, in MiB (Linux VmHWM, "VmHWM:<tab><padded> kB"):
/// since it started, or since the last ``resetPeakMemory()``.
func peakMemoryMiB() -> Double { statusKilobytes("VmHWM:") / 1024 }

/// Resident memory of this process now, in MiB (Linux VmRSS).
func residentMiB() -> Double { statusKilobytes("VmRSS:") / 1024 }

/// A "Name:<tab><padded> kB" field of /proc/self/status, in kB; NaN where there is none.
private func statusKilobytes(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first
            .flatMap({ Double($0) })
    else { return .nan }
    return kilobytes
}

/// Lowers the peak ``peakMemoryMiB()`` reports to the current resident size (Linux: writing
/// 5 to /proc/self/clear_refs), so each study of a multi-study run reports its own peak.
/// Returns false where the kernel does not allow it; the peak then spans the whole run.
///
/// Memory freed since (the whole LP a method does not use, a previous method's sessions) is first
/// handed back to the system (`malloc_trim`), or it would stay resident and count in the next peak.
@discardableResult
func resetPeakMemory() -> Bool {
    releaseFreedMemory()
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
}

/// glibc's `malloc_trim(0)` (not in Swift's Glibc module, so looked up by name); nothing elsewhere.
private func releaseFreedMemory() {
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    typealias MallocTrim = @convention(c) (Int) -> Int32
    _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
}

/// `seconds` with three decimals.
func fixed(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
