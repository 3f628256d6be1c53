import Foundation

/// An exclusive advisory lock (`flock`) on a lock file, held while a process writes outputs
/// that another process must not write at the same time. The lock file is removed on release
/// and on an interruption; the kernel drops the lock when the process ends, however it ends.
///
/// ```swift
/// let lock = try FileLock(path: "runs.lock")   // fails at once if another process holds it
/// defer { lock.release() }
/// ```
public final class FileLock: @unchecked Sendable {
    /// Why the lock could not be taken.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another process holds it.
        case held(path: String)
        /// The lock file cannot be created or locked.
        case unusable(OutputFileError)

        public var description: String {
            switch self {
            case .held(let path): "\(path) is held by another process"
            case .unusable(let error): error.description
            }
        }
    }

    public let path: String
    private var descriptor: Int32

    /// Takes the lock without waiting.
    public init(path: String) throws(Failure) {
        self.path = path
        // A lock file removed by its previous holder between our open and flock is a stale
        // inode: lock the file the path names now, or try again.
        while true {
            // No symbolic link, and no blocking on a FIFO planted at the lock's name.
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                if errno == ELOOP {
                    throw .unusable(
                        OutputFileError(
                            path: path, reason: "it is a symbolic link, and a lock file must be a regular file"))
                }
                throw .unusable(.system(path))
            }
            var type = stat()
            guard fstat(descriptor, &type) == 0, type.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw .unusable(OutputFileError(path: path, reason: "it is not a regular file, as a lock file must be"))
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK { throw .held(path: path) }
                throw .unusable(.system(path, code))
            }
            var opened = stat()
            var named = stat()
            if fstat(descriptor, &opened) == 0, stat(path, &named) == 0,
                opened.st_dev == named.st_dev, opened.st_ino == named.st_ino
            {
                self.descriptor = descriptor
                break
            }
            close(descriptor)
        }
        TransientFiles.register(path)
    }

    /// Removes the lock file and releases the lock (idempotent).
    public func release() {
        guard descriptor >= 0 else { return }
        TransientFiles.unregister(path)
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
