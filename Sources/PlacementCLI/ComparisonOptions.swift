import ArgumentParser
import PlacementCompare

/// How `compare` and `report --compare` tell a material change from solver noise.
struct ComparisonOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "List a capacity, book, stranded or at-risk value, CVaR NPV or capex only when it moves by at least "
                + "this share of the larger value (accelerators also by at least 1), and utilization or resilience "
                + "by this share of 100%. Expected NPV is compared at the solves' own gap (at least 1e-7).",
            valueName: "share"))
    var threshold: Double = PlanComparison.Thresholds.defaultShare

    @Flag(
        help: ArgumentHelp(
            "Solve a study compared with a saved result from scratch. By default its decomposed solve starts "
                + "from the saved plan's builds and keeps them unless it finds a plan better by more than "
                + "the gap, so that what an edit does not touch keeps its values."))
    var fresh = false

    func validate() throws {
        if !(threshold >= 0 && threshold < 1) {
            throw ValidationError("--threshold must be a share in [0, 1), such as 0.001 for 0.1%; got \(threshold)")
        }
    }

    var thresholds: PlanComparison.Thresholds { PlanComparison.Thresholds(share: threshold) }
}
