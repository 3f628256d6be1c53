import ArgumentParser
import PlacementCompare
import PlacementReports

/// `placement compare A B`: what changed from result A to result B.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what changed between two plans: value, capital, capacity, utilization, risk, limits, reach.",
        discussion: """
            A and B are results saved with `placement optimize --format json` (a path ending in .json), or \
            studies, optimized and analysed here. Reported, for B against A: expected and CVaR NPV and capex; \
            accelerators built and installed by facility, accelerator and year (added or removed); utilization, \
            resilience and stranded and at-risk value in the final year; power limits that became binding or were \
            released, with their shadow prices, and the budget's; demand that became unreachable or reachable. \
            Only material changes are listed: the plan is unique only to within the solve's gap, so two solves of \
            studies that differ in nothing the plan uses still differ by a few accelerators and dollars. A capacity \
            row is listed when it moves by at least 1 accelerator and --threshold (0.1%) of the larger value; \
            utilization and resilience by --threshold of 100% (0.1 percentage point); book, stranded and at-risk \
            value, CVaR NPV and capex by --threshold; expected NPV beyond the two solves' gaps (at least 1e-7); \
            a binding limit's shadow price by 1% and 1 USD/MW. The footer counts the differences left out.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure, \
            73 output not writable.
            """)

    @Argument(
        help: ArgumentHelp("The base result (.json) or study.", valueName: "base"),
        completion: .file(extensions: ["json", "yaml", "yml"]))
    var base: String

    @Argument(
        help: ArgumentHelp("The changed result (.json) or study.", valueName: "changed"),
        completion: .file(extensions: ["json", "yaml", "yml"]))
    var changed: String

    @OptionGroup var comparison: ComparisonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func run() throws {
        try output.declare()
        // Saved results first: a bad file fails before any solve.
        var saved: [String: ResultSnapshot] = [:]
        for path in [base, changed] where ResultInput.isSavedResult(path) {
            saved[path] = try ResultInput.loadSaved(path)
        }
        // A study compared with a saved result starts from the saved plan's builds (unless --fresh).
        let start = { (other: String) in comparison.fresh ? nil : saved[other] }
        let old = try saved[base] ?? ResultInput.load(base, solver: solver, startingFrom: start(changed))
        let new = try saved[changed] ?? ResultInput.load(changed, solver: solver, startingFrom: start(base))
        let report = ComparisonReport(PlanComparison(base: old, changed: new, thresholds: comparison.thresholds))
        try output.emit(report)
    }
}
