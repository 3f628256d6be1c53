import ArgumentParser
import Foundation
import PlacementCompare
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

        Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure, 73 output not writable.
        """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @Option(name: [.short, .long], help: ArgumentHelp("Write the HTML report to this file (atomically); '-' for stdout.", valueName: "file"))
    var output: String = "report.html"

    @OptionGroup var solver: SolverOptions

    @Option(help: ArgumentHelp("Add a 'What changed' section against this saved result (optimize --format json) "
                               + "or study.", valueName: "base"))
    var compare: String?

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name") }
        // Fail before the solve, not after it, when the report could not be written.
        if output != "-" { try AtomicFile.checkDirectory(of: output, flag: "--output") }
    }

    func run() throws {
        // A saved base is read before the solve, so a bad file fails fast.
        let savedBase = try compare.flatMap { ResultInput.isSavedResult($0) ? try ResultInput.loadSaved($0) : nil }
        let run = try PlanningRun(path: study, solverOptions: solver.glpkOptions, analyse: true)
        var report = HTMLReport(run.report, generator: "placement \(PlacementCommand.version)")
        if let compare {
            let base = try savedBase ?? ResultInput.load(compare, solver: solver)
            report.comparison = PlanComparison(base: base, changed: try ResultInput.snapshot(of: run.report))
        }
        let html = report.rendered()
        if output == "-" {
            print(html, terminator: "")
        } else {
            do { try AtomicFile.write(html, to: output) } catch {
                printError("error: \(error)")
                throw ExitStatus.cannotCreateOutput
            }
            printError("wrote \(output)")
        }
        try run.checkOutcome()
    }
}
