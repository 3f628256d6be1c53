import ArgumentParser
import Foundation
import GLPKSolver
import PlacementCompare
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementRisk

/// `placement evaluate PLAN --scenarios FILE`: a plan's builds held on every scenario of a
/// scenarios file, such as one `placement sample` wrote (docs/design.md §8).
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Hold a plan's builds on the scenarios of a file and report each with the summaries.",
        discussion: """
            PLAN is a saved `optimize --format json` result (a .json file) or a study, optimized \
            here. The study that gives the structure (facilities, accelerators, tenants) is --study, \
            by default the saved result's 'study' as it was given to optimize (relative to the \
            directory optimize ran in), or PLAN itself when it is a study. Every (scenario, year) \
            block of FILE is solved at the held builds as optimize solves a scenario's: value, \
            canonical dispatch, write-off. FILE is checked like the study's own scenarios file.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure, \
            73 output not writable.
            """)

    @Argument(help: "A saved `optimize --format json` result, or a study to optimize.", completion: .file())
    var plan: String

    @Option(
        help: ArgumentHelp("The scenarios file to hold the plan on.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var scenarios: String

    @Option(
        help: ArgumentHelp("The study of a saved plan (default: the result's 'study').", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var study: String?

    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("--scenarios needs a file name") }
        if study != nil, !ResultInput.isSavedResult(plan) {
            throw ValidationError("--study goes with a saved plan (a .json file); PLAN is a study here")
        }
    }

    func run() throws {
        try output.declare()
        let pipeline = PlanningPipeline(
            solver: GLPKSolver(options: solver.glpkOptions), options: solver.planningOptions(analyse: true))
        let studyPath: String
        let saved = ResultInput.isSavedResult(plan) ? try ResultInput.loadSaved(plan) : nil
        // The study's own optimal plan, when PLAN is a study; a saved plan's builds are checked below.
        var solvedBuilds: [PlanningOptions.StartingBuild] = []
        if saved != nil {
            guard let path = study ?? Self.studyKey(of: plan) else {
                printError("\(plan): error: the result names no study\n  hint: give the study with --study FILE")
                throw ExitStatus.invalidData
            }
            studyPath = path
        } else {
            studyPath = plan
            let own = try StudyInput.load(plan)
            let progress = ProgressIndicator("solving", enabled: !solver.showsDecompositionProgress)
            let result = try Self.failing { try pipeline.run(own.study) }
            progress.stop()
            guard let solved = result.plan, result.isOptimal else {
                printError("error: the study has no optimal plan to hold (\(result.investment.termination.rawValue))")
                throw ExitStatus.solverFailure
            }
            solvedBuilds = PlanningOptions.StartingBuild.builds(of: solved)
        }
        let loaded = try StudyInput.load(studyPath, scenariosFile: scenarios)
        let builds =
            try saved.map { try ResultInput.heldBuilds($0, path: plan, study: loaded.study, studyPath: studyPath) }
            ?? solvedBuilds
        let progress = ProgressIndicator("evaluating", enabled: true)
        let figures = try Self.failing { try ScenarioFigures.all(of: pipeline.evaluate(loaded.study, builds: builds)) }
        progress.stop()
        let report = EvaluationReport(
            plan: plan, studyPath: studyPath, scenariosFile: scenarios, alpha: loaded.study.risk.alpha,
            scenarios: figures)
        switch output.format {
        case .table: try output.emitTable(report.table())
        case .json: try output.emit(report.json().serialized() + "\n")
        case .csv: try output.emit(report.csv())
        case .xlsx: try output.emitWorkbook(report.workbook())
        }
    }

    /// Runs a solve; a failure is printed and exits 70.
    static func failing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SamplingError {
            printError("error: \(error.message)")
            throw ExitStatus.solverFailure
        } catch {
            printError("error: \(error)")
            throw ExitStatus.solverFailure
        }
    }

    /// The `study` a saved result names (already read and checked as a result).
    private static func studyKey(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["study"] as? String
    }
}
