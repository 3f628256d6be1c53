/// A JSON document with ordered object keys and a fixed number format, so the same
/// results always serialise to the same bytes.
///
/// ```swift
/// let value: JSONValue = .object([("schema", "placement.plan/1"), ("npv_usd", .number(1.5e9))])
/// value.serialized() // {"schema": "placement.plan/1", "npv_usd": 1500000000}
/// ```
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// A number, or null when it is not finite (JSON has no NaN or infinity).
    public static func finite(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output
    }

    /// Pretty-printed as a member nested `indent` spaces deep in a larger document (its first
    /// line unindented, as it follows a key or the indentation its parent writes): a document
    /// written piece by piece is the same bytes as ``serialized()`` of the whole.
    ///
    /// ```swift
    /// let record: JSONValue = .object([("id", "path-00001")])
    /// "    " + record.serialized(indent: 4)   // an element of a top-level member's array
    /// ```
    public func serialized(indent: Int) -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    /// On one line without spaces (JSON Lines).
    public func compact() -> String {
        switch self {
        case .array(let items): "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.map { key, value in JSONValue.string(key).serialized() + ":" + value.compact() }
                .joined(separator: ",") + "}"
        default: serialized()
        }
    }

    /// Neither an array nor an object.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.format(value)
        case .string(let value): Self.quote(value, into: &output)
        case .array(let items):
            if items.isEmpty {
                output += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                output += "["
                for (position, item) in items.enumerated() {
                    if position > 0 { output += ", " }
                    item.write(to: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                item.write(to: &output, indent: indent + 2)
                output += position < items.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            for (position, (key, value)) in members.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                Self.quote(key, into: &output)
                output += ": "
                value.write(to: &output, indent: indent + 2)
                output += position < members.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Whole numbers up to 2^53 without a fraction; other numbers in Swift's shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        // Whole numbers a double holds exactly (to 2^53), such as a seed, keep every digit.
        if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                // C0 as JSON requires; also DEL, C1 and bidirectional formatting characters
                // (PlacementModel's DisplayText set), so JSON printed to a terminal is inert.
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                {
                    output +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
