/// Text from input files made safe to show on a terminal or in an error message: every C0 and
/// C1 control character, DEL and every bidirectional formatting character (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069) is written as `\u{1B}`, so a file can neither send
/// escape sequences to a terminal, forge lines of output, nor reorder what the reader sees.
///
/// ```swift
/// DisplayText.escaped("a\u{1B}]0;x\u{07}b")   // "a\\u{1B}]0;x\\u{7}b"
/// DisplayText.isUnsafe("gpu-h200")            // false
/// ```
public enum DisplayText {
    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds a character ``isUnsafe(_:)`` escapes.
    public static func isUnsafe(_ text: String) -> Bool { text.unicodeScalars.contains(where: isUnsafe) }

    /// `text` with each unsafe character but line breaks and tabs as U+FFFD (the replacement
    /// character): for documents a person reads in another program (the HTML report, a workbook),
    /// where an escape would be read as text.
    ///
    /// ```swift
    /// DisplayText.neutralized("Down \u{202E}gnp.exe")   // "Down \u{FFFD}gnp.exe"
    /// ```
    public static func neutralized(_ text: String) -> String {
        guard isUnsafe(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isUnsafe(scalar) && scalar != "\n" && scalar != "\t" ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    /// `text` with each unsafe character as `\u{HEX}`; `keepingLineBreaks` keeps `\n` (and
    /// tabs) for text that is several lines by design, such as a rendered table.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard isUnsafe(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
