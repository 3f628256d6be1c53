/// When builds are decided (docs/design.md §9): all at the start, or each year on what has been
/// observed so far.
///
/// ```swift
/// DecisionMode(rawValue: "adaptive")   // .adaptive
/// study.withDecisions(.waitAndSee)     // the wait-and-see bound of `placement value`
/// ```
public enum DecisionMode: String, CaseIterable, Sendable, Hashable {
    /// Every build of every year fixed at the start, the same in all scenarios (the default).
    case hereAndNow = "here-and-now"
    /// A build at the start of year y depends on everything observed before y: scenarios whose
    /// inputs agree in every year before y build the same.
    case adaptive
    /// Every scenario its own node from the first year, as if the future were known: not a
    /// decision anyone can take, the wait-and-see bound of `placement value`. The study file
    /// does not accept it.
    case waitAndSee = "wait-and-see"

    /// The values a study file may give `decisions`.
    public static let studyFileValues: [DecisionMode] = [.hereAndNow, .adaptive]
}
