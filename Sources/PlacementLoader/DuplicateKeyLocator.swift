import Yams

/// Finds where a duplicate key repeats. The YAML library reports a duplicate at the key's
/// first occurrence; the mistake is usually the second. The first occurrence is replaced by a
/// placeholder of the same length (so every position stays put), the text is composed again,
/// and the key that remains beside the placeholder is the duplicate.
enum DuplicateKeyLocator {
    /// Line and column of the occurrence after the one at `first`, or nil when it cannot be told.
    static func repeatOf(key: String, firstAt first: Mark, in bytes: [UInt8]) -> Mark? {
        guard !key.isEmpty, var start = offset(line: first.line, column: first.column, in: bytes) else { return nil }
        if bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") { start += 1 }
        let keyBytes = Array(key.utf8)
        guard start + keyBytes.count <= bytes.count, Array(bytes[start..<start + keyBytes.count]) == keyBytes else {
            return nil
        }
        var changed = bytes
        changed.replaceSubrange(
            start..<start + keyBytes.count,
            with: [UInt8(ascii: "_")] + Array(repeating: UInt8(ascii: "q"), count: keyBytes.count - 1))
        do {
            guard let root = try Yams.compose(yaml: String(decoding: changed, as: UTF8.self), .basic) else {
                return nil
            }
            return sibling(named: key, ofKeyAt: first, in: root)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // A third occurrence: the second is now reported as the first.
            return duplicates.contains(key) && !same(context.mark, first) ? context.mark : nil
        } catch {
            return nil
        }
    }

    /// The mark of key `name` in the mapping that has a key at `mark`.
    private static func sibling(named name: String, ofKeyAt mark: Mark, in node: Node) -> Mark? {
        switch node {
        case .mapping(let mapping):
            if mapping.keys.contains(where: { $0.mark.map { same($0, mark) } ?? false }) {
                return mapping.keys.first { $0.string == name }?.mark
            }
            for (_, value) in mapping { if let found = sibling(named: name, ofKeyAt: mark, in: value) { return found } }
            return nil
        case .sequence(let sequence):
            for item in sequence { if let found = sibling(named: name, ofKeyAt: mark, in: item) { return found } }
            return nil
        default:
            return nil
        }
    }

    static func same(_ a: Mark, _ b: Mark) -> Bool { a.line == b.line && a.column == b.column }

    /// Byte offset of a 1-based line and column (columns count Unicode scalars).
    private static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        var currentLine = 1
        var index = 0
        while currentLine < line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            currentLine += 1
        }
        var remaining = column - 1
        while remaining > 0 {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\n") else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index < bytes.count ? index : nil
    }
}
