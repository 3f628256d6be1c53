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
        if let offset = Self.firstInvalidUTF8Offset(bytes) {
            let (line, column) = Self.lineAndColumn(ofByte: offset, in: bytes)
            return .failure(.invalid(Diagnostic(
                file: file, line: line, column: column, severity: .error,
                message: "the file is not UTF-8 text (invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                hint: "save the file as UTF-8; region and model files are plain text")))
        }
        if let problem = StructurePreScan(maximumDepth: limits.maximumDepth).check(bytes) {
            return .failure(.invalid(Diagnostic(
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
            return .failure(.invalid(Diagnostic(
                .error, at: .start(of: file), "the file is empty",
                hint: "a schema 1 file starts with 'schema: 1'")))
        }
        var converter = NodeConverter(file: file, limits: limits)
        return converter.convert(root)
    }

    private func readBytes(_ path: String, reference: SourceLocation) -> Result<[UInt8], Failure> {
        func unreadable(_ message: String, _ hint: String) -> Result<[UInt8], Failure> {
            .failure(.unreadable(Diagnostic(.error, at: reference, message, hint: hint)))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return unreadable("cannot read '\(path)': no such file", "check the path; it is relative to the file that names it")
        }
        if isDirectory.boolValue {
            return unreadable("cannot read '\(path)': it is a directory", "name a .yaml file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maximumFileBytes {
            return tooLarge(path, reference)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return unreadable("cannot read '\(path)': permission denied or not a regular file", "check the file's permissions")
        }
        defer { try? handle.close() }
        // Read at most one byte over the limit: the size seen above may be stale or 0 for a device.
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maximumFileBytes + 1) ?? Data()
        } catch {
            return unreadable("cannot read '\(path)': \(error.localizedDescription)", "check the file's permissions")
        }
        if data.count > limits.maximumFileBytes { return tooLarge(path, reference) }
        return .success([UInt8](data))
    }

    private func tooLarge(_ path: String, _ reference: SourceLocation) -> Result<[UInt8], Failure> {
        let mebibytes = limits.maximumFileBytes >> 20
        return .failure(.invalid(Diagnostic(
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
