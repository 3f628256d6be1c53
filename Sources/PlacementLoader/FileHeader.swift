import PlacementModel

/// The part every file shares: a mapping at the top with `schema: 1`.
enum FileHeader {
    /// The newest schema this loader reads.
    static let supportedSchema = 1

    /// Reads the top-level mapping and checks `schema`; `nil` when the root is not a mapping.
    static func read(_ root: YAMLNode, owner: String, keys: [String], context: DecodingContext) -> FieldReader? {
        let fields = FieldReader(root, owner: owner, keys: ["schema"] + keys, context: context)
        guard fields.isMapping else { return nil }
        guard let node = fields.node("schema") else {
            context.error(
                at: root.location, "missing 'schema: \(supportedSchema)' in the \(owner)",
                hint: "start every file with 'schema: \(supportedSchema)'")
            return fields
        }
        guard case .scalar(let text, true) = node.content, let schema = ScalarSyntax.integer(text), schema >= 1 else {
            context.error(
                at: node.location, "'schema' must be a whole number, found \(node.kindDescription)",
                hint: "write 'schema: \(supportedSchema)'")
            return fields
        }
        if schema > supportedSchema {
            context.error(
                at: node.location,
                "schema \(schema) is newer than this tool supports (\(supportedSchema))",
                hint: "use a newer placement, or write the file for schema \(supportedSchema)")
        }
        return fields
    }
}
