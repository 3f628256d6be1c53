import Foundation

/// Writes an output file so that nothing is lost or half-written.
///
/// - A new or regular file is written to a temporary file beside it (created exclusively,
///   with a random name, never following a symbolic link), then renamed over it: a reader
///   sees the old file or the new one, never half of one. An existing file keeps its mode.
/// - A path that is a symbolic link replaces the file the link points to; the link stays.
/// - A FIFO, a terminal or another device (`/dev/null`, `/dev/stdout`) is opened and
///   written, never replaced.
/// - The temporary file is removed on every failure, and on an interruption
///   (``TransientFiles``).
///
/// ```swift
/// try OutputFile.write(Data("a,b\n".utf8), to: "out/result.csv")
/// ```
public enum OutputFile {
    /// Writes `data` to `path` as described above.
    public static func write(_ data: Data, to path: String) throws(OutputFileError) {
        let target = try resolve(path)
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw OutputFileError(path: path, reason: "it is a directory")
            case S_IFREG: try replace(target, displayed: path, with: data, mode: status.st_mode & 0o7777)
            default: try writeInPlace(target, displayed: path, data)
            }
        } else if errno == ENOENT {
            try replace(target, displayed: path, with: data, mode: nil)
        } else {
            throw .system(path)
        }
    }

    /// Whether `path` exists and is not a regular file or directory (a FIFO, a device, a socket).
    public static func isSpecial(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// `path` with a final symbolic link followed (the link is kept; its target is written).
    static func resolve(_ path: String) throws(OutputFileError) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            if errno == ENOENT {
                throw OutputFileError(
                    path: path, reason: "it is a symbolic link to a file or directory that does not exist")
            }
            throw .system(path)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes into an existing FIFO or device by opening it.
    private static func writeInPlace(_ target: String, displayed: String, _ data: Data) throws(OutputFileError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(displayed) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: displayed)
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(
        _ target: String, displayed: String, with data: Data, mode: mode_t?
    ) throws(OutputFileError) {
        let (descriptor, temporary) = try createTemporary(beside: target, displayed: displayed)
        TransientFiles.register(temporary)
        defer { TransientFiles.unregister(temporary) }
        do throws(OutputFileError) {
            try writeAll(data, to: descriptor, path: displayed)
            if let mode, fchmod(descriptor, mode) != 0 { throw .system(displayed) }
            if fsync(descriptor) != 0 { throw .system(displayed) }
            let closed = close(descriptor)
            guard closed == 0 else { throw .system(displayed) }
            guard rename(temporary, target) == 0 else { throw .system(displayed) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `.NAME.RANDOM.tmp` in `target`'s directory with O_EXCL and O_NOFOLLOW: a file or
    /// link planted at a guessed name is never written through.
    static func createTemporary(beside target: String, displayed: String) throws(OutputFileError) -> (Int32, String) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        for _ in 0..<100 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = "\(directory).\(name).\(random).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { throw .system(displayed) }
        }
        throw OutputFileError(path: displayed, reason: "cannot create a temporary file beside it")
    }

    /// Writes every byte to an open file, retrying short writes and interruptions.
    public static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(OutputFileError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .system(path, failure) }
    }
}
