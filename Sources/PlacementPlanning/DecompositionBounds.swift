/// The decomposition's bounds: the best evaluated objective (`lower`, with the builds that
/// reached it) and the master's bound (`upper`), the relative gap between them and the
/// iterations' history.
///
/// ```swift
/// var bounds = DecompositionBounds()
/// bounds.bound(byMaster: 120)
/// bounds.record(100, at: candidate)
/// bounds.gap          // (120 - 100) / 120
/// ```
struct DecompositionBounds {
    /// The best objective of an evaluated plan (scaled money), -inf before the first.
    private(set) var lower = -Double.infinity
    /// The least master optimum so far: no plan can do better. +inf before the first.
    private(set) var upper = Double.infinity
    /// The master column values of the best evaluated builds.
    private(set) var best: [Double]?
    var history: [DecompositionProgress] = []

    /// `(upper - lower) / max(1, |upper|)`, infinite before both bounds exist.
    var gap: Double { Self.gap(lower: lower, upper: upper) }

    static func gap(lower: Double, upper: Double) -> Double {
        guard lower.isFinite, upper.isFinite else { return .infinity }
        return max(0, upper - lower) / max(1, abs(upper))
    }

    /// Whether both bounds exist and differ, so that a level between them means something.
    var hasInterval: Bool { lower > -.infinity && upper - lower > 0 }

    /// The master's optimum bounds every plan from above.
    mutating func bound(byMaster objective: Double) { upper = min(upper, objective) }

    /// How much better than the best a plan must be to replace it, relative to the best's value:
    /// 0, or, from a starting plan, the gap asked for, so that the start is kept unless it is
    /// beaten by more than the solve's own tolerance.
    var stickiness = 0.0

    /// An evaluated plan: the best so far when its objective is higher (by the stickiness).
    mutating func record(_ objective: Double, at point: [Double]) {
        guard objective > lower, lower == -.infinity || objective - lower > stickiness * max(1, abs(lower)) else {
            return
        }
        lower = objective
        best = point
    }

    /// Makes `point` the plan, at `objective` if that is higher than the best so far.
    mutating func prefer(_ point: [Double], objective: Double) {
        lower = max(lower, objective)
        best = point
    }

    /// The stopping rule: the gap is at most `relativeGap`.
    func converged(within relativeGap: Double) -> Bool { gap <= relativeGap }
}
