import ArgumentParser
import Foundation
import GLPKSolver
import PlacementCompare
import PlacementPlanning
import PlacementReports

/// `placement report [STUDY]`: one self-contained HTML file with the plan's charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Optimize and stress a study and write a self-contained HTML report (inline SVG charts, no network).",
        discussion: """
            The report shows headline figures (expected and CVaR NPV, capex, fleet resilience, stranded value, \
            probability below breakeven), capacity by facility and year, the zones each facility serves, utilization \
            by scenario, resilience by stressed workload, stranded book value across scenarios, and the input \
            assumptions with solve statistics.

            \(ExitStatus.summary)
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the HTML report to this file (atomically); '-' for stdout.", valueName: "file"))
    var output: String = "report.html"

    @OptionGroup var solver: SolverOptions

    @Option(
        help: ArgumentHelp(
            "Add a 'What changed' section against this saved result (optimize --format json) "
                + "or study.", valueName: "base"))
    var compare: String?

    @OptionGroup var comparison: ComparisonOptions

    @Flag(
        help: ArgumentHelp(
            "Add a 'Near-optimal alternatives' section: each facility's range of build capital over the plans "
                + "within 2% of the optimum, as `placement alternatives` computes it (a second, decomposed solve)."))
    var alternatives = false

    @Flag(
        help: ArgumentHelp(
            "Add a 'What would change the plan' section: the unit capex at which each fleet would enter or leave "
                + "the plan, as `placement explain` computes it (a second, decomposed solve)."))
    var explain = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name ('-' for stdout)") }
    }

    func run() throws {
        // Fail before the solve, not after it, when the report could not be written; a saved base is
        // read before the solve too, so a bad file fails fast.
        try RunFiles.declareOutput(output, flag: "--output")
        let savedBase = try compare.flatMap { ResultInput.isSavedResult($0) ? try ResultInput.loadSaved($0) : nil }
        let run = try PlanningRun(
            path: study, solver: solver, analyse: true,
            startingBuilds: comparison.fresh ? [] : savedBase.map(ResultInput.startingBuilds) ?? [])
        var report = HTMLReport(run.report, generator: "placement \(PlacementCommand.version)")
        if let compare {
            let base = try savedBase ?? ResultInput.load(compare, solver: solver)
            report.comparison = PlanComparison(
                base: base, changed: try ResultInput.snapshot(of: run.report), thresholds: comparison.thresholds)
        }
        if alternatives {
            let found = try AlternativesCommand.search(run.study, slack: 0.02, by: .facility, solver: solver)
            report.alternatives = AlternativesReport(found, studyPath: study, material: 0.01)
        }
        if explain {
            let prices = try ExplainCommand.search(run.study, tolerance: 0.001, solver: solver)
            report.explain = ExplainReport(prices, studyPath: study)
        }
        try OutputWriter.write(report.rendered(), to: output, flag: "--output")
        if output != "-" { printError("wrote \(output)") }
        try run.checkOutcome()
    }
}
