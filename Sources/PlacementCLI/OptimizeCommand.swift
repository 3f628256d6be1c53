import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementReports

/// `placement optimize [STUDY]`: the plan, its value and its figures.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Find where to build capacity: the plan, its NPV by scenario, utilization and binding limits.",
        discussion: "Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure.")

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    @Option(name: .customLong("export-lp"), help: ArgumentHelp("Also write the model in CPLEX LP format.", valueName: "file"))
    var exportLP: String?

    @Option(name: .customLong("export-mps"), help: ArgumentHelp("Also write the model in free MPS format (minimises -objective).", valueName: "file"))
    var exportMPS: String?

    @Flag(name: .customLong("timings"), help: "Include wall-clock times in JSON output (they make runs differ).")
    var includeTimings = false

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try StudyInput.load(study)
        let loadSeconds = (clock.now - start).seconds

        let progress = ProgressIndicator("solving")
        let result: OptimizationResult
        do {
            result = try PlacementOptimizer(solver: GLPKSolver(options: solver.glpkOptions)).optimize(loaded.study)
            progress.stop()
        } catch {
            progress.stop()
            printError("error: \(error)")
            throw ExitStatus.solverFailure
        }
        try export(result.program.model)

        let timings = OptimizeReport.Timings(load: loadSeconds, build: result.buildSeconds,
                                             solve: result.solveSeconds, results: result.resultSeconds)
        let report = OptimizeReport(study: loaded.study, studyPath: study, result: result, timings: timings)
        switch output.format {
        case .table: try output.emit(report.table())
        case .json: try output.emit(report.json(includeTimings: includeTimings).serialized() + "\n")
        case .csv: try output.emit(report.csv().text)
        }
        guard result.plan != nil else {
            printError("error: the solver stopped without a plan (\(result.solution.termination.rawValue))"
                + (result.solution.message.map { ": \($0)" } ?? ""))
            throw ExitStatus.solverFailure
        }
        if result.solution.termination != .optimal {
            printError("warning: the plan is not proven optimal (\(result.solution.termination.rawValue))")
        }
    }

    private func export(_ model: LinearProgram) throws {
        for (path, format) in [(exportLP, ModelFileFormat.cplexLP), (exportMPS, .freeMPS)] {
            guard let path else { continue }
            do { try GLPKSolver.export(model, to: URL(fileURLWithPath: path), format: format) } catch {
                printError("error: cannot export \(path): \(error)")
                throw ExitStatus.cannotCreateOutput
            }
        }
    }
}
