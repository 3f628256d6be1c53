/// Cheap looks at raw bytes before parsing: text in an encoding other than UTF-8, and whether
/// the text could hold a YAML alias.
enum TextEncodingSniffer {
    /// "UTF-16 (little-endian)" and the like for UTF-16 or UTF-32 text, with or without a
    /// byte-order mark; nil otherwise. Such text has NUL bytes between or around ASCII letters.
    static func foreignEncoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32 (little-endian)" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        guard bytes.count >= 4 else {
            if bytes.count >= 2 && bytes[0] != 0 && bytes[1] == 0 { return "UTF-16 (little-endian)" }
            if bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0 { return "UTF-16 (big-endian)" }
            return nil
        }
        switch (bytes[0] != 0, bytes[1] != 0, bytes[2] != 0, bytes[3] != 0) {
        case (true, false, false, false): return "UTF-32 (little-endian)"
        case (false, false, false, true): return "UTF-32 (big-endian)"
        case (true, false, true, false): return "UTF-16 (little-endian)"
        case (false, true, false, true): return "UTF-16 (big-endian)"
        default: return nil
        }
    }

    /// Whether a `*` starts a token and is followed by an anchor name: an alias, or something in
    /// a quoted string or comment that looks like one (only hints depend on it).
    static func mayHaveAliases(_ bytes: [UInt8]) -> Bool {
        let starts: Set<UInt8> = [
            UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "["),
            UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
        ]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "*") {
            let before = index == 0 || starts.contains(bytes[index - 1])
            let after = index + 1 < bytes.count && bytes[index + 1] > 32 && !starts.contains(bytes[index + 1])
            if before && after { return true }
        }
        return false
    }
}
