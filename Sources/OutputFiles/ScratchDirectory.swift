import Foundation

/// A private directory (mode 0700, a fresh random name under `$TMPDIR` or `/tmp`) for a library
/// that can only write files, such as libxlsxwriter: it writes there, the bytes are read back and
/// written to the output through ``OutputFile``, like every output. The directory is removed by
/// ``remove()``, and on an interruption (``TransientFiles``).
///
/// ```swift
/// let scratch = try ScratchDirectory.create()
/// defer { scratch.remove() }
/// let file = scratch.path + "/book.xlsx"
/// ```
public struct ScratchDirectory: Sendable {
    /// The directory's absolute path, without a trailing slash.
    public let path: String

    /// Creates the directory (`mkdtemp`).
    public static func create() throws(OutputFileError) -> ScratchDirectory {
        var base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if base.isEmpty { base = "/tmp" }
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array("\(base)/placement.XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else { throw .system(base) }
        let path = String(cString: template)
        TransientFiles.register(path)
        return ScratchDirectory(path: path)
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
        TransientFiles.unregister(path)
    }
}
