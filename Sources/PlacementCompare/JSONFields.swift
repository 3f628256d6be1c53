import Foundation

/// Typed reads from a decoded JSON object, naming the key path of anything missing or mistyped.
struct JSONFields {
    let file: String
    let path: String
    let object: [String: Any]

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ message: String) -> ResultFileError {
        ResultFileError(
            file: file, field: field(key), message: message,
            hint: "compare reads the JSON that `placement optimize --format json` writes "
                + "(docs/results-json.md); write it again with this version of placement")
    }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func string(_ key: String) throws -> String {
        guard let value = object[key] as? String else { throw error(key, "expected a string") }
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
        guard let value = object[key] as? Double else { throw error(key, "expected a number") }
        return value
    }

    func requiredNumber(_ key: String) throws -> Double {
        guard let value = try number(key) else { throw error(key, "expected a number, got null") }
        return value
    }

    func integer(_ key: String) throws -> Int {
        let value = try requiredNumber(key)
        guard value == value.rounded(), abs(value) < 1e9 else { throw error(key, "expected a whole number") }
        return Int(value)
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
        guard let items = object[key] as? [String] else { throw error(key, "expected an array of strings") }
        return items
    }
}
