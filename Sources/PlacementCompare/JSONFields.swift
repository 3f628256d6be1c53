import Foundation
import PlacementModel

/// Typed reads from a decoded JSON object, naming the key path of anything missing or mistyped.
struct JSONFields {
    let file: String
    let path: String
    let object: [String: Any]

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ message: String) -> ResultFileError {
        ResultFileError(
            file: file, field: field(key), message: message,
            hint: "a saved result is the JSON that `placement optimize --format json` writes "
                + "(docs/results-json.md); write it again with this version of placement")
    }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    /// The largest magnitude a figure of a result may have: far above any plan (USD, MW,
    /// accelerators), far below where differences would overflow or print as 300 digits.
    static let largestMagnitude = 1e15

    /// The type JSONSerialization gives `true` and `false`.
    static let booleanType = ObjectIdentifier(
        type(of: (try? JSONSerialization.jsonObject(with: Data("true".utf8), options: .fragmentsAllowed)) ?? true))

    /// The years a result may hold, as a study's (docs/file-formats.md).
    static let years = 1900...2200

    /// A string without control or bidirectional characters (``DisplayText``): results hold
    /// ids and words, and their text reaches the terminal.
    func string(_ key: String) throws -> String {
        guard let value = object[key] as? String else { throw error(key, "expected a string") }
        if let bad = value.unicodeScalars.first(where: DisplayText.isUnsafe) {
            throw error(
                key,
                "the string holds a control or bidirectional character (\\u{\(String(bad.value, radix: 16, uppercase: true))})"
            )
        }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        return try string(key)
    }

    /// A number; JSON `null` (a value that was not finite, or undefined) reads as nil.
    func number(_ key: String) throws -> Double? {
        guard has(key) else {
            if object[key] == nil { throw error(key, "missing") }
            return nil
        }
        let value: Double
        let raw = object[key]
        // JSONSerialization's true and false are NSNumbers too (and 0 `is Bool`): tell them by type.
        if let raw, ObjectIdentifier(type(of: raw)) == Self.booleanType { throw error(key, "expected a number") }
        switch raw {
        // JSONSerialization keeps a literal as an NSDecimalNumber; its double value is rounded
        // (300.00000000000006 -> 300.0000000000001). Reading its digits with Double(String) is exact.
        case let decimal as NSDecimalNumber: value = Double(decimal.stringValue) ?? decimal.doubleValue
        case let number as Double: value = number
        case let number as Int: value = Double(number)
        case let number as NSNumber: value = number.doubleValue
        default: throw error(key, "expected a number")
        }
        guard value.isFinite, abs(value) <= Self.largestMagnitude else {
            throw error(key, "expected a number of magnitude at most 1e15, got \(value)")
        }
        return value
    }

    func requiredNumber(_ key: String) throws -> Double {
        guard let value = try number(key) else { throw error(key, "expected a number, got null") }
        return value
    }

    /// A number that may not be negative (capacity, power, book value).
    func nonNegativeNumber(_ key: String) throws -> Double {
        let value = try requiredNumber(key)
        guard value >= 0 else { throw error(key, "expected a number of at least 0, got \(value)") }
        return value
    }

    func integer(_ key: String) throws -> Int {
        let value = try requiredNumber(key)
        guard value == value.rounded(), abs(value) < 1e9 else { throw error(key, "expected a whole number") }
        return Int(value)
    }

    /// A year of a study's horizon range (1900 to 2200).
    func year(_ key: String) throws -> Int {
        let value = try integer(key)
        guard Self.years.contains(value) else { throw error(key, "expected a year from 1900 to 2200, got \(value)") }
        return value
    }

    func bool(_ key: String) throws -> Bool {
        guard let value = object[key] as? Bool else { throw error(key, "expected true or false") }
        return value
    }

    /// A nested object, or nil when the key is absent or null.
    func optionalObject(_ key: String) throws -> JSONFields? {
        guard has(key) else { return nil }
        guard let value = object[key] as? [String: Any] else { throw error(key, "expected an object") }
        return JSONFields(file: file, path: field(key), object: value)
    }

    func object(_ key: String) throws -> JSONFields {
        guard let value = try optionalObject(key) else { throw error(key, "missing") }
        return value
    }

    /// The objects of an array (empty when the key is absent or null).
    func objects(_ key: String) throws -> [JSONFields] {
        guard has(key) else { return [] }
        guard let items = object[key] as? [Any] else { throw error(key, "expected an array") }
        return try items.enumerated().map { position, item in
            guard let value = item as? [String: Any] else { throw error("\(key)[\(position)]", "expected an object") }
            return JSONFields(file: file, path: field("\(key)[\(position)]"), object: value)
        }
    }

    func strings(_ key: String) throws -> [String] {
        guard has(key) else { return [] }
        guard let items = object[key] as? [Any] else { throw error(key, "expected an array of strings") }
        return try items.indices.map { position in
            try JSONFields(file: file, path: path, object: ["\(key)[\(position)]": items[position]])
                .string("\(key)[\(position)]")
        }
    }
}
