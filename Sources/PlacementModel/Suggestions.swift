/// "Did you mean" candidates by edit distance, shared by the loader and number paths.
///
/// ```swift
/// Suggestions.closest(to: "electricty_usd_per_mwh", among: ["pue", "electricity_usd_per_mwh"])
/// // ["electricity_usd_per_mwh"]
/// Suggestions.hint(for: "riyad", among: ["riyadh", "dubai"])   // "did you mean 'riyadh'?"
/// ```
public enum Suggestions {
    /// The candidates close enough to `text` to be a likely typo, nearest first
    /// (ties keep the order of `candidates`), at most `limit`.
    public static func closest(to text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = text.lowercased()
        let allowed = max(1, (lowered.unicodeScalars.count + 1) / 3)
        var scored: [(distance: Int, order: Int, candidate: String)] = []
        let length = lowered.unicodeScalars.count
        for (order, candidate) in candidates.enumerated() where candidate != text {
            let other = candidate.lowercased()
            // The distance is at least the difference of the lengths: skip the quadratic
            // computation when that alone is too far (a huge key against short names).
            let otherLength = other.unicodeScalars.count
            var distance =
                abs(length - otherLength) > allowed ? allowed + 1 : editDistance(lowered, other)
            // A prefix or a contained word is a likely intent even when the distance is large.
            if distance > allowed, !lowered.isEmpty, other.hasPrefix(lowered) || lowered.hasPrefix(other) {
                distance = allowed
            }
            if distance <= allowed { scored.append((distance, order, candidate)) }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        var seen = Set<String>()
        return scored.map(\.candidate).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// A hint sentence: `did you mean 'a'?`, or the known values when none is close
    /// (at most 12 listed), or `nil` when there are no candidates at all.
    public static func hint(for text: String, among candidates: [String], noun: String = "known values")
        -> String?
    {
        let close = closest(to: text, among: candidates)
        if !close.isEmpty { return didYouMean(close) }
        guard !candidates.isEmpty else { return nil }
        let listed = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return "\(noun): \(listed)\(candidates.count > 12 ? ", …" : "")"
    }

    /// `did you mean 'a'?`, `did you mean 'a' or 'b'?`, `did you mean 'a', 'b' or 'c'?`.
    public static func didYouMean(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return "did you mean \(quoted.first ?? "''")?" }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?"
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// adjacent transpositions each cost 1.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, before[j - 2] + 1)
                }
                current[j] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
