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
        try write(pieces: CollectionOfOne(data), to: path)
    }

    /// Writes the concatenation of `pieces` to `path` as ``write(_:to:)`` does, one piece at a
    /// time: a large output made piece by piece (a lazy sequence) is never whole in memory.
    ///
    /// ```swift
    /// try OutputFile.write(pieces: rows.lazy.map { Data(($0 + "\n").utf8) }, to: "out/paths.csv")
    /// ```
    public static func write<Pieces: Sequence<Data>>(pieces: Pieces, to path: String) throws(OutputFileError) {
        let target = try resolve(path)
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw OutputFileError(path: path, reason: "it is a directory")
            case S_IFREG: try replace(target, displayed: path, with: pieces, mode: status.st_mode & 0o7777)
            default: try writeInPlace(target, displayed: path, pieces)
            }
        } else if errno == ENOENT {
            try replace(target, displayed: path, with: pieces, mode: nil)
        } else {
            throw .system(path)
        }
    }

    /// Writes several files that belong together (a MathProg model and its data; a report and its
    /// workbook) so that a failure replaces none of them: every regular or new file is written to
    /// its temporary file first, then any FIFO or device among them is written, and only then are
    /// the files renamed into place. A crash between two renames can still leave one new file
    /// beside an old one; a write error, a full disk or a file-size limit cannot.
    ///
    /// ```swift
    /// try OutputFile.write(together: [(Data(model.utf8), "plan.mod"), (Data(data.utf8), "plan.dat")])
    /// ```
    public static func write(together files: [(data: Data, path: String)]) throws(OutputFileError) {
        var staged: [(temporary: String, target: String, displayed: String)] = []
        var inPlace: [(data: Data, target: String, displayed: String)] = []
        defer {
            for file in staged {
                unlink(file.temporary)
                TransientFiles.unregister(file.temporary)
            }
        }
        for (data, path) in files {
            let target = try resolve(path)
            var status = stat()
            if stat(target, &status) == 0 {
                switch status.st_mode & S_IFMT {
                case S_IFDIR: throw OutputFileError(path: path, reason: "it is a directory")
                case S_IFREG:
                    staged.append(
                        (
                            try stage(
                                target, displayed: path, with: CollectionOfOne(data), mode: status.st_mode & 0o7777),
                            target, path
                        ))
                default: inPlace.append((data, target, path))
                }
            } else if errno == ENOENT {
                staged.append(
                    (try stage(target, displayed: path, with: CollectionOfOne(data), mode: nil), target, path))
            } else {
                throw .system(path)
            }
        }
        // A device or FIFO cannot be staged: it is written first, so that its failure (`/dev/full`)
        // still leaves every file as it was.
        for file in inPlace { try writeInPlace(file.target, displayed: file.displayed, CollectionOfOne(file.data)) }
        while !staged.isEmpty {
            let file = staged[0]
            guard rename(file.temporary, file.target) == 0 else { throw .system(file.displayed) }
            TransientFiles.unregister(file.temporary)
            staged.removeFirst()
        }
    }

    /// Writes `data` to `path` through a temporary file, as ``write(_:to:)`` does for a regular
    /// file, but refuses a path that exists and is not a regular file (a symbolic link, a FIFO, a
    /// device): for files the tool owns, such as a sweep's partial files, which a planted link or
    /// FIFO must not redirect or block.
    public static func writeRegular(_ data: Data, to path: String) throws(OutputFileError) {
        try checkRegularOrMissing(path)
        try replace(path, displayed: path, with: CollectionOfOne(data), mode: nil)
    }

    /// The content of `path` when it is a regular file; nil when it does not exist. A symbolic
    /// link, a FIFO or a device is refused before it is opened, so reading never blocks.
    public static func readRegular(_ path: String) throws(OutputFileError) -> Data? {
        var status = stat()
        if lstat(path, &status) != 0 && errno == ENOENT { return nil }
        try checkRegularOrMissing(path)
        let descriptor = try openRegular(path, flags: O_RDONLY)
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(path)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Opens an existing regular file without following a symbolic link or blocking on a FIFO;
    /// the type is checked on the open descriptor, so a file swapped in after a check is caught.
    public static func openRegular(_ path: String, flags: Int32) throws(OutputFileError) -> Int32 {
        let descriptor = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw notRegular(path, "a symbolic link") }
            throw .system(path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw notRegular(path, "not a regular file")
        }
        // Back to blocking writes for a regular file (O_NONBLOCK only guarded the open).
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    private static func checkRegularOrMissing(_ path: String) throws(OutputFileError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .system(path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: throw notRegular(path, "a symbolic link")
        case S_IFIFO: throw notRegular(path, "a FIFO")
        case S_IFDIR: throw notRegular(path, "a directory")
        default: throw notRegular(path, "not a regular file")
        }
    }

    private static func notRegular(_ path: String, _ what: String) -> OutputFileError {
        OutputFileError(
            path: path, reason: "it is \(what), and this file must be a regular file; remove it and run again")
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
            let failure = errno
            // `/dev/stdout` on a pipe links to `pipe:[N]`, which has no path: the link itself is
            // opened and written, as any FIFO or device is.
            if isSpecial(path) { return path }
            if failure == ENOENT {
                throw OutputFileError(
                    path: path, reason: "it is a symbolic link to a file or directory that does not exist")
            }
            throw .system(path, failure)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes into an existing FIFO or device by opening it.
    private static func writeInPlace<Pieces: Sequence<Data>>(
        _ target: String, displayed: String, _ pieces: Pieces
    ) throws(OutputFileError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(displayed) }
        defer { close(descriptor) }
        for data in pieces { try writeAll(data, to: descriptor, path: displayed) }
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace<Pieces: Sequence<Data>>(
        _ target: String, displayed: String, with pieces: Pieces, mode: mode_t?
    ) throws(OutputFileError) {
        let temporary = try stage(target, displayed: displayed, with: pieces, mode: mode)
        defer { TransientFiles.unregister(temporary) }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw .system(displayed)
        }
    }

    /// Writes `pieces` to a new temporary file beside `target`, complete and on disk, and returns
    /// its path, registered with ``TransientFiles`` (the caller renames it and unregisters it).
    /// On failure the temporary file is removed.
    private static func stage<Pieces: Sequence<Data>>(
        _ target: String, displayed: String, with pieces: Pieces, mode: mode_t?
    ) throws(OutputFileError) -> String {
        let (descriptor, temporary) = try createTemporary(beside: target, displayed: displayed)
        TransientFiles.register(temporary)
        do throws(OutputFileError) {
            for data in pieces { try writeAll(data, to: descriptor, path: displayed) }
            if let mode, fchmod(descriptor, mode) != 0 { throw .system(displayed) }
            if fsync(descriptor) != 0 { throw .system(displayed) }
            let closed = close(descriptor)
            guard closed == 0 else { throw .system(displayed) }
        } catch {
            close(descriptor)
            unlink(temporary)
            TransientFiles.unregister(temporary)
            throw error
        }
        return temporary
    }

    /// Creates `.NAME.RANDOM.tmp` in `target`'s directory with O_EXCL and O_NOFOLLOW: a file or
    /// link planted at a guessed name is never written through. NAME is cut to 200 bytes, so a
    /// target name of any length the file system allows has a temporary name too.
    static func createTemporary(beside target: String, displayed: String) throws(OutputFileError) -> (Int32, String) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        var name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        // A name may take all of NAME_MAX (255 bytes); the temporary one adds up to 19 around it.
        while name.utf8.count > 200 { name.unicodeScalars.removeLast() }
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
