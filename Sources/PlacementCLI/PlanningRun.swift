import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementReports

/// Loads a study and runs the planning pipeline: the steps `optimize`, `stress` and `report`
/// share. It only maps failures to the README's exit statuses; the work is the pipeline's.
struct PlanningRun {
    let path: String
    let study: Study
    /// The files the study was read from (the study first): what a risk run's fingerprint hashes.
    let files: [String]
    let report: OptimizeReport

    /// Runs the pipeline; `analyse` adds the stress re-solves and the stranded write-off;
    /// `exportsModel` says the whole LP will be written too (checked against memory first);
    /// `startingBuilds` start the decomposed solve from a saved plan's builds; `check` runs on the
    /// loaded study before the solve (a refusal fails fast).
    init(
        path: String, solver options: SolverOptions, analyse: Bool, exportsModel: Bool = false,
        startingBuilds: [PlanningOptions.StartingBuild] = [], check: (Study) throws -> Void = { _ in }
    ) throws {
        self.path = path
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try StudyInput.load(path)
        study = loaded.study
        files = loaded.files
        try check(study)
        if exportsModel { try ProgramSizeLimit.check(study, path: path, use: .modelFile) }
        if options.method == .primal || options.method == .dual {
            try ProgramSizeLimit.check(study, path: path, use: .solve)
        }
        let loadSeconds = (clock.now - start).seconds
        let progress = ProgressIndicator("solving", enabled: !options.showsDecompositionProgress)
        defer { progress.stop() }
        var planning = options.planningOptions(analyse: analyse)
        planning.startingBuilds = startingBuilds
        let pipeline = PlanningPipeline(solver: GLPKSolver(options: options.glpkOptions), options: planning)
        let result: PlanningResult
        do { result = try pipeline.run(loaded.study) } catch {
            progress.stop()
            printError("error: \(error)")
            throw ExitStatus.solverFailure
        }
        report = OptimizeReport(studyPath: path, result: result, loadSeconds: loadSeconds)
    }

    /// The whole investment LP, for `--export-lp` and `--export-mps` (built, never solved here).
    func investmentModel() throws -> LinearProgram {
        try PlacementProgramBuilder(study: study).build().model
    }

    /// Exit 70 when there is no plan, or when the plan is not proven optimal (a limit was reached):
    /// the outputs, already written, carry the status.
    func checkOutcome() throws {
        let investment = report.result.investment
        let reason = "(\(investment.termination.rawValue))" + (investment.message.map { ": \($0)" } ?? "")
        guard report.result.plan != nil else {
            printError("error: the solver stopped without a plan \(reason)")
            throw ExitStatus.solverFailure
        }
        if !report.result.isOptimal {
            let gap = investment.decomposition.map { String(format: "; relative gap %.2e", $0.relativeGap) } ?? ""
            printError(
                "error: the plan is not proven optimal \(reason)\(gap); the figures are those of the best plan found")
            throw ExitStatus.solverFailure
        }
    }
}
