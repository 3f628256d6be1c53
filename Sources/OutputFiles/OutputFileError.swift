import Foundation

/// Why an output could not be written, in words: the path and the reason
/// (`cannot write out/plan.json: no space left on device`).
public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// What went wrong, in lower-case words.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error for the current `errno` of a failed system call.
    static func system(_ path: String, _ code: Int32 = errno) -> OutputFileError {
        OutputFileError(path: path, reason: Self.words(for: code))
    }

    /// The C library's text for `code`, lower-cased, with the cases users meet reworded.
    public static func words(for code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case ELOOP: return "a symbolic link loop (too many levels of symbolic links)"
        case ENOSPC: return "no space left on the device"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        case ENOTDIR: return "a component of the path is not a directory"
        case EROFS: return "the file system is read-only"
        case EDQUOT: return "the disk quota is exhausted"
        case EFBIG: return "the file would exceed the file-size limit (ulimit -f)"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
