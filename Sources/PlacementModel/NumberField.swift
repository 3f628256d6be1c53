/// One changeable number of an item, addressed by a key pattern such as
/// `power_mw.<year>` or `throughput.<workload>`.
///
/// Placeholders (`<year>`, `<workload>`, `<hardware>`, `<zone>`, `<region>`, `<entry>`)
/// match one path component each and are passed to `read`/`write` in order.
struct NumberField<Item>: Sendable {
    let pattern: [String]
    let rule: NumberRule
    let read: @Sendable (Item, [String]) -> Double?
    let write: @Sendable (inout Item, [String], Double) -> Void
    /// How many entries an `<entry>` placeholder may index.
    let entryCount: (@Sendable (Item) -> Int)?

    init(
        _ key: String, _ rule: NumberRule, entryCount: (@Sendable (Item) -> Int)? = nil,
        read: @escaping @Sendable (Item, [String]) -> Double?,
        write: @escaping @Sendable (inout Item, [String], Double) -> Void
    ) {
        self.pattern = key.split(separator: ".").map(String.init)
        self.rule = rule
        self.read = read
        self.write = write
        self.entryCount = entryCount
    }

    /// A plain `Double` property.
    static func value(_ key: String, _ rule: NumberRule, _ path: WritableKeyPath<Item, Double> & Sendable)
        -> NumberField
    {
        NumberField(
            key, rule, read: { item, _ in item[keyPath: path] },
            write: { item, _, value in
                item[keyPath: path] = value
            })
    }

    /// A plain `Int` property (the rule guarantees a whole number).
    static func whole(_ key: String, _ rule: NumberRule, _ path: WritableKeyPath<Item, Int> & Sendable)
        -> NumberField
    {
        NumberField(
            key, rule, read: { item, _ in Double(item[keyPath: path]) },
            write: { item, _, value in
                item[keyPath: path] = Int(value)
            })
    }

    /// `<key>.<year>` of a carry-forward series; reads the effective value.
    static func series(
        _ key: String, _ rule: NumberRule, default defaultValue: Double,
        _ path: WritableKeyPath<Item, YearSeries> & Sendable
    ) -> NumberField {
        NumberField(
            key + ".<year>", rule,
            read: { item, arguments in
                item[keyPath: path].value(in: Int(arguments[0])!, default: defaultValue)
            },
            write: { item, arguments, value in
                item[keyPath: path].set(value, for: Int(arguments[0])!)
            })
    }

    /// `<key>.<id>.<year>` of multiplier series keyed by id; absent series read as 1.
    static func multipliers<Kind>(
        _ key: String, placeholder: String, _ rule: NumberRule,
        _ path: WritableKeyPath<Item, [Identifier<Kind>: YearSeries]> & Sendable
    ) -> NumberField {
        NumberField(
            "\(key).<\(placeholder)>.<year>", rule,
            read: { item, arguments in
                let series = item[keyPath: path][Identifier(arguments[0])] ?? YearSeries()
                return series.value(in: Int(arguments[1])!, default: 1)
            },
            write: { item, arguments, value in
                item[keyPath: path][Identifier(arguments[0]), default: YearSeries()].set(value, for: Int(arguments[1])!)
            })
    }

    /// The placeholder names this field expects, e.g. `["<year>"]`.
    var placeholders: [String] { pattern.filter(\.isPlaceholder) }

    /// The pattern as written in messages, e.g. `power_mw.<year>`.
    var key: String { pattern.joined(separator: ".") }
}

extension String {
    var isPlaceholder: Bool { hasPrefix("<") && hasSuffix(">") }
}
