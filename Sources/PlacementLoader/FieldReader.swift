import PlacementModel

/// Reads the fields of one mapping: reports a node that is not a mapping and every key
/// the schema does not know (with a did-you-mean), then hands out typed values by key.
struct FieldReader {
    let context: DecodingContext
    /// How messages name the mapping, e.g. `facility 'riyadh-hexagon'`.
    let owner: String
    let location: SourceLocation
    private let pairs: [String: YAMLPair]
    let isMapping: Bool
    private let errorsAtStart: Int

    init(_ node: YAMLNode, owner: String, keys: [String], context: DecodingContext) {
        self.context = context
        self.owner = owner
        self.location = node.location
        self.errorsAtStart = context.errorCount
        guard case .mapping(let entries) = node.content else {
            context.error(
                at: node.location, "\(owner) must be a mapping, found \(node.kindDescription)",
                hint: "write its fields as 'key: value' lines")
            self.pairs = [:]
            self.isMapping = false
            return
        }
        var pairs: [String: YAMLPair] = [:]
        for pair in entries {
            guard keys.contains(pair.key) else {
                context.error(
                    at: pair.keyLocation, "unknown key '\(pair.key)' in \(owner)",
                    hint: Suggestions.hint(for: pair.key, among: keys, noun: "allowed keys") ?? "remove it")
                continue
            }
            pairs[pair.key] = pair
        }
        self.pairs = pairs
        self.isMapping = true
    }

    /// Whether any error was reported since this reader was created.
    var hadError: Bool { context.errorCount > errorsAtStart }

    /// The value of `key`, or `nil` when absent or null.
    func node(_ key: String) -> YAMLNode? {
        guard let value = pairs[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// Where `key` is written, or the mapping's location.
    func keyLocation(_ key: String) -> SourceLocation { pairs[key]?.keyLocation ?? location }

    /// The value of a required key; reports it missing.
    func required(_ key: String, expecting: String) -> YAMLNode? {
        if let value = node(key) { return value }
        if isMapping {
            if let pair = pairs[key] {
                context.error(
                    at: pair.value.location, "'\(key)' in \(owner) has no value",
                    hint: "write \(expecting) after '\(key):'")
            } else {
                context.error(at: location, "\(owner) is missing '\(key)'", hint: "add '\(key): …' with \(expecting)")
            }
        }
        return nil
    }

    func number(_ key: String, _ rule: NumberRule) -> Double? {
        required(key, expecting: rule.expectation).flatMap { context.number($0, field: key, rule: rule) }
    }

    func optionalNumber(_ key: String, _ rule: NumberRule) -> Double? {
        node(key).flatMap { context.number($0, field: key, rule: rule) }
    }

    func text(_ key: String) -> String? {
        required(key, expecting: "text").flatMap { context.text($0, field: key) }
    }

    func optionalText(_ key: String) -> String? {
        node(key).flatMap { context.text($0, field: key) }
    }

    func identifier<Kind>(_ key: String) -> Identifier<Kind>? {
        required(key, expecting: "a lower-case kebab-case id").flatMap { context.identifier($0, field: key) }
    }

    func jurisdiction(_ key: String) -> String? {
        required(key, expecting: "a two-letter country code such as 'AE'")
            .flatMap { context.jurisdiction($0, field: key) }
    }

    func list(_ key: String) -> [YAMLNode]? {
        required(key, expecting: "a list").flatMap { context.list($0, field: key) }
    }

    func mapping(_ key: String) -> [YAMLPair]? {
        required(key, expecting: "a mapping").flatMap { context.mapping($0, field: key) }
    }

    func yearSeries(_ key: String, _ rule: NumberRule, use: YearKeyUse, field: String? = nil) -> YearSeries? {
        required(key, expecting: "a mapping of years to values, e.g. {2026: 100}").flatMap {
            context.yearSeries($0, field: field ?? key, rule: rule, use: use)
        }
    }

    /// A nested mapping read with its own reader.
    func nested(_ key: String, keys: [String], required isRequired: Bool = true) -> FieldReader? {
        let value = isRequired ? required(key, expecting: "a mapping") : node(key)
        return value.map { FieldReader($0, owner: "'\(key)' of \(owner)", keys: keys, context: context) }
    }

    /// The text of `key` when it is a scalar, without reporting anything (to name the owner).
    static func peekText(_ node: YAMLNode, _ key: String) -> String? {
        guard case .mapping(let pairs) = node.content,
            let value = pairs.first(where: { $0.key == key })?.value,
            case .scalar(let text, _) = value.content, !text.isEmpty
        else { return nil }
        return text
    }
}
