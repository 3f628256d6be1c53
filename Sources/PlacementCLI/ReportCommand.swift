import ArgumentParser
import Foundation
import GLPKSolver
import PlacementCompare
import PlacementPlanning
import PlacementReports
import PlacementRisk

/// `placement report [STUDY]`: one self-contained HTML file with the plan's charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Optimize and stress a study and write a self-contained HTML report (inline SVG charts, no network).",
        discussion: """
            The report shows headline figures (expected and CVaR NPV, capex, fleet resilience, stranded value, \
            probability below breakeven), capacity by facility and year, the zones each facility serves, utilization \
            by scenario, resilience by stressed workload, stranded book value across scenarios, and the input \
            assumptions with solve statistics. --compare, --alternatives and --paths add sections; --paths holds \
            the report's plan (or --plan's builds) on sampled paths as `placement risk` does and draws the NPV \
            histogram with the study's scenarios marked, the utilization fan and the final-year stranded value. \
            --workbook also writes the report's Excel workbook: the optimize workbook and the added sections' sheets.

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

    @OptionGroup(title: "Risk section") var risk: RiskSectionOptions

    @Option(
        help: ArgumentHelp(
            "Also write the report's workbook (xlsx, atomically): the optimize workbook and the sheets of the "
                + "--compare, --alternatives and --paths sections.", valueName: "file"),
        completion: .file(extensions: ["xlsx"]))
    var workbook: String?

    @Flag(
        help: ArgumentHelp(
            "Add a 'Value of information' card: EVPI, VSS and the value of adaptivity, as `placement value` "
                + "computes them (four more solves and a held evaluation)."))
    var value = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name ('-' for stdout)") }
        if workbook?.isEmpty == true { throw ValidationError("--workbook needs a file name") }
        if workbook == "-" {
            throw ValidationError("--workbook writes a binary workbook, which never goes to standard output")
        }
    }

    func run() throws {
        // Fail before the solve, not after it, when the report could not be written; a saved base is
        // read before the solve too, so a bad file fails fast.
        try RunFiles.declareOutput(output, flag: "--output")
        if let workbook {
            try RunFiles.declareOutput(workbook, flag: "--workbook")
            try OutputOptions.refuseTerminal(workbook, flag: "--workbook")
        }
        let savedBase = try compare.flatMap { ResultInput.isSavedResult($0) ? try ResultInput.loadSaved($0) : nil }
        let heldPlan = try risk.plan.map { (path: $0, result: try ResultInput.loadSaved($0)) }
        var heldBuilds: [PlanningOptions.StartingBuild]?
        var sampler: PathSampler?
        let run = try PlanningRun(
            path: study, solver: solver, analyse: true,
            startingBuilds: comparison.fresh ? [] : savedBase.map(ResultInput.startingBuilds) ?? []
        ) { loaded in
            // --plan goes with --paths (RiskSectionOptions): no held plan without the section.
            if risk.paths != nil {
                sampler = try PathOptions.sampler(of: loaded, path: study)
                heldBuilds = try PathOptions.heldBuilds(saved: heldPlan, study: loaded, studyPath: study)
            }
        }
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
        if let paths = risk.paths, let sampler {
            report.risk = try riskReport(run, sampler: sampler, paths: paths, builds: heldBuilds)
            report.riskPlan = risk.plan
        }
        if value {
            report.valueOfInformation = ValueReport(
                try ValueCommand.compute(run.study, solver: solver), studyPath: study)
        }
        if explain {
            let prices = try ExplainCommand.search(run.study, tolerance: 0.001, solver: solver)
            report.explain = ExplainReport(prices, studyPath: study)
        }
        // The page and its workbook are replaced together: a failed workbook leaves the old page.
        let page = report.rendered()
        let book = try workbook.map { (path: $0, data: try OutputWriter.rendered(report.workbook(), for: $0)) }
        if output == "-" {
            if let book { try OutputWriter.write(book.data, to: book.path, flag: "--workbook") }
            try OutputWriter.write(page, to: output, flag: "--output")
        } else {
            try OutputWriter.write(
                together: [(Data(page.utf8), output, "--output")]
                    + (book.map { [($0.data, $0.path, "--workbook")] } ?? []))
            printError("wrote \(output)")
        }
        if let book { printError("wrote \(book.path)") }
        try run.checkOutcome()
    }

    /// The risk section's report: `builds` (from --plan) or the report's own plan held on the
    /// paths, as `placement risk` computes it; nil, with a note, when the report has no optimal plan.
    private func riskReport(
        _ run: PlanningRun, sampler: PathSampler, paths: Int, builds: [PlanningOptions.StartingBuild]?
    ) throws -> RiskReport? {
        let own = run.report.result.plan.flatMap { run.report.result.isOptimal ? $0 : nil }
        guard let held = builds ?? own.map(PlanningOptions.StartingBuild.builds(of:)) else {
            printError("note: --paths: the report's plan is not proven optimal; the risk section is left out")
            return nil
        }
        let seed = risk.seed ?? 1
        return try RiskEvaluation(
            run.study, files: run.files, path: study, sampler: sampler, count: paths, seed: seed, saved: held,
            solver: solver, range: 0..<paths
        ).report
    }
}
