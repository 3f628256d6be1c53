import ArgumentParser
import Foundation
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

    @Option(name: [.short, .long], help: ArgumentHelp("Write the HTML report to this file (atomically); '-' for stdout.", valueName: "file"))
    var output: String = "report.html"

    @OptionGroup var solver: SolverOptions

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name ('-' for stdout)") }
    }

    func run() throws {
        // Fail before the solve, not after it, when the report could not be written.
        try RunFiles.declareOutput(output, flag: "--output")
        let run = try PlanningRun(path: study, solver: solver, analyse: true)
        let html = HTMLReport(run.report, generator: "placement \(PlacementCommand.version)").rendered()
        try OutputWriter.write(html, to: output, flag: "--output")
        if output != "-" { printError("wrote \(output)") }
        try run.checkOutcome()
    }
}
