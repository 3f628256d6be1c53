import PlacementModel

/// Shared state while one study loads: the diagnostics found so far, the horizon that
/// year keys are checked against, where each item was declared, and which items had an
/// error (checks that combine fields skip those, so one mistake is reported once).
final class DecodingContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when any input file could not be read (exit 66 rather than 65).
    private(set) var hasUnreadableInput = false
    /// The study's horizon once its file has been read; `nil` if it is invalid.
    var horizon: Horizon?
    /// Items (as `kind.id`) with at least one error.
    private(set) var brokenItems: Set<String> = []

    var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(at location: SourceLocation, _ message: String, hint: String) {
        diagnostics.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    func warning(at location: SourceLocation, _ message: String, hint: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message, hint: hint))
    }

    func add(_ diagnostic: Diagnostic, unreadable: Bool = false) {
        diagnostics.append(diagnostic)
        if unreadable { hasUnreadableInput = true }
    }

    func markBroken(_ item: String) { brokenItems.insert(item) }

    func isBroken(_ item: String) -> Bool { brokenItems.contains(item) }

    /// Diagnostics ordered by the files' load order, then line and column.
    func sortedDiagnostics(fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.enumerated().sorted { lhs, rhs in
            let left = (rank[lhs.element.file] ?? Int.max, lhs.element.line, lhs.element.column, lhs.offset)
            let right = (rank[rhs.element.file] ?? Int.max, rhs.element.line, rhs.element.column, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
