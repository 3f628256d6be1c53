/// A parsed YAML node that keeps its position; scalars keep their text untyped so that
/// the schema, not YAML 1.1 resolution, decides what they mean.
struct YAMLNode: Sendable {
    indirect enum Content: Sendable {
        /// Text and whether it was written plain (unquoted, not a block scalar).
        case scalar(String, isPlain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    var location: SourceLocation

    /// A plain scalar that YAML writes for "nothing": empty, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let text, true) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// How the node reads in a message: `text 'abc'`, `a list`, `a mapping`, `nothing`.
    var kindDescription: String {
        if isNull { return "nothing" }
        switch content {
        case .scalar(let text, let isPlain):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return isPlain ? "'\(shown)'" : "the quoted text '\(shown)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// A key and its value; keys are always scalars.
struct YAMLPair: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLNode
}
