import Yams

/// Copies a Yams node tree into ``YAMLNode``s, counting every node visited (an alias is
/// visited once per use, so an alias bomb hits the budget instead of expanding) and the
/// depth.
struct NodeConverter {
    let file: String
    let limits: LoadLimits
    /// Whether the text has an alias (`*name`): then a node budget overrun is blamed on aliases.
    let mayHaveAliases: Bool
    private var visited = 0

    /// Stops the walk with the diagnostic to report.
    private struct Rejection: Error {
        let diagnostic: Diagnostic
        init(_ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String, hint: String) {
            diagnostic = Diagnostic(severity, at: location, message, hint: hint)
        }
    }

    init(file: String, limits: LoadLimits, mayHaveAliases: Bool = true) {
        self.file = file
        self.limits = limits
        self.mayHaveAliases = mayHaveAliases
    }

    mutating func convert(_ root: Node) -> Result<YAMLNode, SourceReader.Failure> {
        do throws(Rejection) {
            return .success(try convert(root, depth: 1))
        } catch {
            return .failure(.invalid(error.diagnostic))
        }
    }

    private func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1))
    }

    private mutating func convert(_ node: Node, depth: Int) throws(Rejection) -> YAMLNode {
        visited += 1
        if visited > limits.maximumNodes {
            throw Rejection(
                .error, at: location(node),
                "the document expands to more than \(limits.maximumNodes) values",
                hint: mayHaveAliases
                    ? "YAML aliases (*name) repeat what they point to; use fewer of them"
                    : "region and model files hold a few thousand values; "
                        + "split the data or check that this is the right file"
            )
        }
        if depth > limits.maximumDepth {
            throw Rejection(
                .error, at: location(node), "nesting is deeper than \(limits.maximumDepth) levels",
                hint: "schema files need only a few levels; check for runaway brackets or indentation")
        }
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            return YAMLNode(content: .scalar(scalar.string, isPlain: isPlain), location: location(node))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return YAMLNode(content: .sequence(items), location: location(node))
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Rejection(
                        .error, at: location(key), "a list or mapping cannot be a key",
                        hint: "keys are plain names such as 'pue' or '2028'")
                }
                visited += 1
                let converted = try convert(value, depth: depth + 1)
                pairs.append(YAMLPair(key: keyScalar.string, keyLocation: location(key), value: converted))
            }
            return YAMLNode(content: .mapping(pairs), location: location(node))
        case .alias(let alias):
            throw Rejection(
                .error, at: location(node), "unresolved alias '\(alias.anchor)'",
                hint: "define the anchor (&name) before using it")
        }
    }
}
