/// Reads scalar text by the schema rather than by YAML 1.1 rules.
enum ScalarSyntax {
    enum NumberReading: Equatable {
        case finite(Double)
        case nonFinite
        case notANumber
    }

    /// A number as the schema accepts it: optional sign, digits (with `_` between digits),
    /// optional fraction and exponent, e.g. `-3`, `.5`, `1_000`, `9.2e6`. `.inf`, `.nan`
    /// and values too large for a Double read as non-finite.
    static func number(_ text: String) -> NumberReading {
        let bytes = Array(text.utf8)
        guard isNumberSyntax(bytes) else {
            let lowered = text.lowercased()
            let spellsInfinity = ["inf", ".inf", "infinity", "nan", ".nan"].contains {
                lowered == $0 || lowered == "+" + $0 || lowered == "-" + $0
            }
            return spellsInfinity ? .nonFinite : .notANumber
        }
        let digits = bytes.contains(95) ? text.replacingOccurrences(of: "_", with: "") : text
        guard let value = Double(digits) else { return .notANumber }
        return value.isFinite ? .finite(value) : .nonFinite
    }

    private static func isNumberSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        /// Digits with single underscores between them; returns the count of digits read.
        func digits() -> Int {
            var count = 0
            while isDigit(index) || (count > 0 && index < bytes.count && bytes[index] == 95 && isDigit(index + 1)) {
                if bytes[index] != 95 { count += 1 }
                index += 1
            }
            return count
        }
        if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
        var mantissa = digits()
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.count, bytes[index] == 101 || bytes[index] == 69 {
            index += 1
            if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// A whole number written with digits only (optionally signed), e.g. a year key.
    static func integer(_ text: String) -> Int? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.count <= 9, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// A suggested identifier for text that is not kebab-case: lower-cased, spaces and
    /// underscores turned into hyphens.
    static func kebabSuggestion(_ text: String) -> String {
        let mapped = text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 }
        return String(mapped.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    }
}
