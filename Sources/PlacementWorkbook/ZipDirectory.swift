import Foundation

/// The entries a zip file's central directory lists, by their uncompressed sizes: enough to
/// tell whether a part of a rendered workbook reached the file-size limit (libxlsxwriter writes
/// each part to a temporary file without checking the writes, so a part cut short by `ulimit
/// -f` still makes a valid zip).
///
/// ```swift
/// let largest = try ZipDirectory(data).entries.map(\.uncompressedSize).max()
/// ```
struct ZipDirectory {
    struct Entry {
        var uncompressedSize: UInt64
    }

    let entries: [Entry]

    /// Reads the central directory of `bytes` (a zip without ZIP64 extensions).
    init(_ bytes: Data) throws {
        func integer(_ offset: Int, _ width: Int) throws -> UInt64 {
            guard offset >= 0, offset + width <= bytes.count else {
                throw WorkbookError("the workbook is not a zip file")
            }
            return (0..<width).reduce(0) { $0 | UInt64(bytes[bytes.startIndex + offset + $1]) << (8 * UInt64($1)) }
        }
        // The end-of-central-directory record: its signature, searched from the end past a comment.
        var end = bytes.count - 22
        while end >= 0, try integer(end, 4) != 0x0605_4b50 { end -= 1 }
        guard end >= 0 else { throw WorkbookError("the workbook is not a zip file") }
        let count = Int(try integer(end + 10, 2))
        var offset = Int(try integer(end + 16, 4))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard try integer(offset, 4) == 0x0201_4b50 else {
                throw WorkbookError("the workbook's zip directory is damaged")
            }
            let nameLength = Int(try integer(offset + 28, 2))
            let extraLength = Int(try integer(offset + 30, 2))
            let commentLength = Int(try integer(offset + 32, 2))
            entries.append(Entry(uncompressedSize: try integer(offset + 24, 4)))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }
}
