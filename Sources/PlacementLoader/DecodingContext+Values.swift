import PlacementModel

/// Readers for single values: each reports a located error and returns `nil` when the
/// node is not what the schema expects.
extension DecodingContext {
    /// A number within `rule`; only plain scalars are numbers.
    func number(_ node: YAMLNode, field: String, rule: NumberRule) -> Double? {
        guard case .scalar(let text, true) = node.content, !node.isNull else {
            error(
                at: node.location, "'\(field)' must be a number, found \(node.kindDescription)",
                hint: "write \(rule.expectation) without quotes, e.g. 1.5, 1_000 or 9.2e6")
            return nil
        }
        switch ScalarSyntax.number(text) {
        case .notANumber:
            error(
                at: node.location, "'\(field)' must be a number, found '\(text)'",
                hint: "write \(rule.expectation), e.g. 1.5, 1_000 or 9.2e6")
            return nil
        case .nonFinite:
            error(
                at: node.location, "'\(field)' must be a finite number, found '\(text)'",
                hint: "write \(rule.expectation)")
            return nil
        case .finite(let value):
            if let problem = rule.violation(of: value) {
                error(at: node.location, "'\(field)' \(problem), found \(text)", hint: "write \(rule.expectation)")
                return nil
            }
            return value
        }
    }

    /// Text as written, quoted or not.
    func text(_ node: YAMLNode, field: String) -> String? {
        guard case .scalar(let text, _) = node.content, !node.isNull else {
            error(
                at: node.location, "'\(field)' must be text, found \(node.kindDescription)",
                hint: "write the text on the same line, quoted if it contains ':' or '#'")
            return nil
        }
        return text
    }

    /// One of a fixed set of words (`residency`, `decisions`): the value whose raw text the node
    /// holds, or a located error naming the accepted words, with the closest as a suggestion and
    /// `hint` otherwise.
    func choice<Value: RawRepresentable>(
        _ node: YAMLNode, field: String, among accepted: [Value], hint: String
    ) -> Value? where Value.RawValue == String {
        guard let text = text(node, field: field) else { return nil }
        if let value = accepted.first(where: { $0.rawValue == text }) { return value }
        let words = accepted.map(\.rawValue)
        let list =
            words.count > 1 ? words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "") : words.joined()
        error(
            at: node.location, "'\(field)' must be \(list), found '\(text)'",
            hint: Suggestions.closest(to: text, among: words).first.map { "did you mean '\($0)'?" } ?? hint)
        return nil
    }

    /// The path of a file another file names: text that is not empty (an empty path would name
    /// nothing, or the directory) and holds no NUL (the system would cut the path there).
    func path(_ node: YAMLNode, field: String) -> String? {
        guard let text = text(node, field: field) else { return nil }
        if text.isEmpty {
            error(
                at: node.location, "'\(field)' is an empty path", hint: "write the path of the file, e.g. tenants.yaml")
            return nil
        }
        if text.unicodeScalars.contains("\0") {
            error(
                at: node.location, "the path in '\(field)' holds a NUL character",
                hint: "paths cannot contain NUL (\\0); write the file's name without it")
            return nil
        }
        return text
    }

    /// A lower-case kebab-case identifier.
    func identifier<Kind>(_ node: YAMLNode, field: String) -> Identifier<Kind>? {
        guard let text = text(node, field: field) else { return nil }
        // Checked first: a huge id is refused without quoting it whole or comparing it to others.
        guard text.utf8.count <= IdentifierSyntax.maximumLength else {
            error(
                at: node.location,
                "the id '\(text.prefix(IdentifierSyntax.maximumLength))…' is \(text.utf8.count) bytes long, "
                    + "more than the limit of \(IdentifierSyntax.maximumLength)",
                hint: "use a shorter id; names and descriptions can go in 'name'")
            return nil
        }
        guard IdentifierSyntax.isWellFormed(text) else {
            let suggestion = ScalarSyntax.kebabSuggestion(text)
            let example = IdentifierSyntax.isWellFormed(suggestion) ? "'\(suggestion)'" : "'gpu-h200'"
            error(
                at: node.location, "'\(text)' is not a valid id",
                hint: "ids are lower-case kebab-case (letters, digits, single hyphens), e.g. \(example)")
            return nil
        }
        return Identifier(text)
    }

    /// An ISO 3166-1 alpha-2 code: two upper-case letters.
    func jurisdiction(_ node: YAMLNode, field: String) -> String? {
        guard let text = text(node, field: field) else { return nil }
        let isCode = text.count == 2 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        guard isCode else {
            let upper = text.uppercased()
            let isFixable = upper.count == 2 && upper.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
            error(
                at: node.location, "'\(field)' must be two upper-case letters, found '\(text)'",
                hint: isFixable ? "did you mean '\(upper)'?" : "use the ISO 3166-1 alpha-2 code, e.g. 'AE', 'IN', 'SG'")
            return nil
        }
        return text
    }

    /// A list's items.
    func list(_ node: YAMLNode, field: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            error(
                at: node.location, "'\(field)' must be a list, found \(node.kindDescription)",
                hint: "write one '- item' per line, or [a, b]")
            return nil
        }
        return items
    }

    /// A mapping's pairs.
    func mapping(_ node: YAMLNode, field: String) -> [YAMLPair]? {
        guard case .mapping(let pairs) = node.content else {
            error(
                at: node.location, "'\(field)' must be a mapping, found \(node.kindDescription)",
                hint: "write 'key: value' entries, one per line or as {key: value}")
            return nil
        }
        return pairs
    }

    /// A list of numbers within `rule`.
    func numbers(_ node: YAMLNode, field: String, rule: NumberRule) -> [Double]? {
        guard let items = list(node, field: field) else { return nil }
        let values = items.map { number($0, field: field, rule: rule) }
        let read = values.compactMap { $0 }
        return read.count == values.count ? read : nil
    }

    /// A year key: an integer from 1900 to 2200.
    func year(_ key: String, at location: SourceLocation, field: String) -> Int? {
        guard let year = ScalarSyntax.integer(key) else {
            error(
                at: location, "year key '\(key)' in '\(field)' is not an integer",
                hint: "key each value by a whole year, e.g. 2028")
            return nil
        }
        guard (1900...2200).contains(year) else {
            error(
                at: location, "year \(year) in '\(field)' is not a plausible year",
                hint: "write years in full, e.g. 2028")
            return nil
        }
        return year
    }
}
