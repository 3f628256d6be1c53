import Foundation

/// A file's identity on this machine: its device and inode. Two paths name the same file
/// (through hard links, symbolic links, `..` or different spellings) exactly when their
/// identities are equal.
///
/// ```swift
/// FileIdentity(path: "Models/baseline.yaml") == FileIdentity(path: "./Models/../Models/baseline.yaml")  // true
/// ```
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file `path` names (symbolic links followed); nil when it does not exist.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
