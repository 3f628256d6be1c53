import Yams

/// Turns a Yams/libyaml error into a located diagnostic.
enum YAMLErrorTranslation {
    static func diagnostic(for error: any Error, file: String, bytes: [UInt8]) -> Diagnostic {
        let hint = "check the quoting, brackets and indentation at this position"
        func make(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            Diagnostic(
                file: file, line: max(1, line), column: max(1, column), severity: .error,
                message: message, hint: hint)
        }
        guard let yamlError = error as? YamlError else {
            return make(1, 1, "not a YAML document: \(error)")
        }
        switch yamlError {
        case .reader(let problem, let offset, _, _):
            let (line, column) = SourceReader.lineAndColumn(ofByte: offset ?? 0, in: bytes)
            return make(line, column, "not a YAML document: \(problem)")
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return make(mark.line, mark.column, "YAML syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams reports the first occurrence of the first duplicate (in key order); point at its repeat.
            let key = duplicates.first ?? ""
            let first = context.mark
            let mark = DuplicateKeyLocator.repeatOf(key: key, firstAt: first, in: bytes) ?? first
            let hint =
                DuplicateKeyLocator.same(mark, first)
                ? "each key may appear once; merge or remove the repeated entry"
                : "'\(key)' is already set at \(first.line):\(first.column); merge or remove one of them"
            return Diagnostic(
                file: file, line: max(1, mark.line), column: max(1, mark.column),
                severity: .error, message: "duplicate key '\(key)' in one mapping", hint: hint)
        default:
            return make(1, 1, "not a YAML document: \(yamlError)")
        }
    }
}
