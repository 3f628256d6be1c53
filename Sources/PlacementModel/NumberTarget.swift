/// A resolved number path: how to read and write one number of a study.
struct NumberTarget: Sendable {
    let rule: NumberRule
    /// The effective value; `nil` when an optional setting is unset.
    let read: @Sendable (Study) -> Double?
    let write: @Sendable (inout Study, Double) -> Void
}

/// A kind of item whose numbers paths can name, e.g. `facilities`.
struct NumberScope: Sendable {
    /// First path component, e.g. `facilities`.
    let name: String
    /// Singular noun for messages, e.g. `facility`.
    let noun: String
    let ids: @Sendable (Study) -> [String]
    /// The keys accepted after the id, for messages.
    let keys: [String]
    let resolve: @Sendable (Study, String, [String]) throws(NumberPathError) -> NumberTarget

    /// A scope over items of type `Item` found by id.
    static func collection<Item>(
        _ name: String, noun: String, ids: @escaping @Sendable (Study) -> [String],
        item: @escaping @Sendable (Study, String) -> Item,
        modify: @escaping @Sendable (inout Study, String, (inout Item) -> Void) -> Void,
        fields: [NumberField<Item>]
    ) -> NumberScope {
        NumberScope(name: name, noun: noun, ids: ids, keys: fields.map(\.key)) {
            study, id, key throws(NumberPathError) in
            let current = item(study, id)
            let (field, arguments) = try NumberPathResolver.match(
                key, fields: fields, item: current, study: study, prefix: "\(name).\(id)")
            return NumberTarget(
                rule: field.rule,
                read: { study in field.read(item(study, id), arguments) },
                write: { study, value in modify(&study, id) { field.write(&$0, arguments, value) } })
        }
    }
}
