import Testing

/// Expects `actual` within `relative` (of max(1, |expected|)) of `expected`.
public func expectClose(
    _ actual: Double?, _ expected: Double, relative: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(actual - expected) <= relative * max(1, abs(expected)),
        "expected \(expected), got \(actual)", sourceLocation: sourceLocation)
}
