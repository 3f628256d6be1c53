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
            Figures within 1e-6 (relative) count as equal.
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

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func run() throws {
        try output.declare()
        // Saved results first: a bad file fails before any solve.
        var saved: [String: ResultSnapshot] = [:]
        for path in [base, changed] where ResultInput.isSavedResult(path) {
            saved[path] = try ResultInput.loadSaved(path)
        }
        let old = try saved[base] ?? ResultInput.load(base, solver: solver)
        let new = try saved[changed] ?? ResultInput.load(changed, solver: solver)
        let report = ComparisonReport(PlanComparison(base: old, changed: new))
        switch output.format {
        case .table: try output.emitTable(report.table())
        case .json: try output.emit(report.json().serialized() + "\n")
        case .csv: try output.emit(report.csv().text)
        }
    }
}
