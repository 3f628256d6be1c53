import Foundation
import Yams

/// Reads one input file into a ``YAMLNode`` tree, turning every way a file can be bad —
/// missing, unreadable, too large, not UTF-8, too deep, not YAML, an alias bomb — into a
/// located diagnostic instead of a crash or a hang.
struct SourceReader {
    enum Failure: Error {
        /// The file is missing or cannot be read (exit 66).
        case unreadable(Diagnostic)
        /// The file was read but is not a usable YAML document (exit 65).
        case invalid(Diagnostic)
    }

    let limits: LoadLimits

    /// Reads and parses `path` (as displayed); `reference` is where another file named it.
    func read(_ path: String, reference: SourceLocation?) -> Result<YAMLNode, Failure> {
        let here = reference ?? .wholeFile(path)
        let bytes: [UInt8]
        switch readBytes(path, reference: here) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        return parse(bytes, file: path)
    }

    /// Parses file content already in memory.
    func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode, Failure> {
        // YAML allows a UTF-8 byte-order mark; editors on Windows write one.
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let encoding = TextEncodingSniffer.foreignEncoding(of: bytes) {
            return .failure(
                .invalid(
                    Diagnostic(
                        .error, at: .start(of: file), "the file is \(encoding) text, not UTF-8",
                        hint: "save it as UTF-8 (most editors offer this under 'Save As' or 'Encoding')")))
        }
        if let offset = Self.firstInvalidUTF8Offset(bytes) {
            let (line, column) = Self.lineAndColumn(ofByte: offset, in: bytes)
            return .failure(
                .invalid(
                    Diagnostic(
                        file: file, line: line, column: column, severity: .error,
                        message:
                            "the file is not UTF-8 text "
                            + "(invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                        hint: "save the file as UTF-8; region and model files are plain text")))
        }
        if let problem = StructurePreScan(maximumDepth: limits.maximumDepth).check(bytes) {
            return .failure(
                .invalid(
                    Diagnostic(
                        file: file, line: problem.line, column: problem.column, severity: .error,
                        message: problem.message, hint: problem.hint)))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let composed: Node?
        do {
            // The basic resolver tags every scalar as text: the schema decides what a scalar
            // means, and skipping YAML 1.1 resolution avoids a regex match per scalar.
            composed = try Yams.compose(yaml: text, .basic)
        } catch {
            return .failure(.invalid(YAMLErrorTranslation.diagnostic(for: error, file: file, bytes: bytes)))
        }
        guard let root = composed else {
            return .failure(
                .invalid(
                    Diagnostic(
                        .error, at: .start(of: file), "the file is empty",
                        hint: "a schema 1 file starts with 'schema: 1'")))
        }
        var converter = NodeConverter(
            file: file, limits: limits, mayHaveAliases: TextEncodingSniffer.mayHaveAliases(bytes))
        return converter.convert(root)
    }

    private func readBytes(_ path: String, reference: SourceLocation) -> Result<[UInt8], Failure> {
        func unreadable(_ why: String, _ hint: String) -> Result<[UInt8], Failure> {
            .failure(.unreadable(Diagnostic(.error, at: reference, "cannot read '\(path)': \(why)", hint: hint)))
        }
        // Look before opening: opening a FIFO for reading blocks until a writer appears.
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            return unreadable(
                Self.words(for: code),
                code == ENOENT
                    ? "check the path; it is relative to the file that names it" : "check the path and its permissions")
        }
        if let kind = Self.nonRegularKind(status.st_mode) {
            return unreadable(
                kind == "a directory" ? "it is a directory" : "it is \(kind), not a regular file",
                kind == "a directory" ? "name a .yaml file" : "name a .yaml file; pipes and devices are not read")
        }
        if Int(status.st_size) > limits.maximumFileBytes { return tooLarge(path, reference) }
        // O_NONBLOCK: should the path be swapped for a FIFO after the check, open still returns.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return unreadable(Self.words(for: errno), "check the file's permissions") }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, Self.nonRegularKind(status.st_mode) == nil else {
            return unreadable("it is not a regular file", "name a .yaml file")
        }
        // Read at most one byte over the limit: the file may grow after the size was seen.
        let limit = limits.maximumFileBytes + 1
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size) + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit - bytes.count)) }
            let read = bytes.withUnsafeMutableBytes {
                Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return unreadable(Self.words(for: errno), "check the file and the disk")
            }
            if read == 0 { break }
            count += read
        }
        if count > limits.maximumFileBytes { return tooLarge(path, reference) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// "a FIFO (named pipe)", "a directory", ... for what is not a regular file; nil for a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Why a file cannot be read, in words.
    static func words(for code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ELOOP: "a symbolic link loop (too many levels of symbolic links)"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a component of the path is not a directory"
        case ENAMETOOLONG: "the path is too long"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    private func tooLarge(_ path: String, _ reference: SourceLocation) -> Result<[UInt8], Failure> {
        let mebibytes = limits.maximumFileBytes >> 20
        return .failure(
            .invalid(
                Diagnostic(
                    .error, at: reference, "'\(path)' is larger than the \(mebibytes) MiB limit",
                    hint: "region and model files are small; is this the right file?")))
    }

    /// Offset of the first byte that is not part of valid UTF-8, or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of byte `offset`.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
