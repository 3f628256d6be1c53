import ArgumentParser
import Foundation
import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementRisk

/// `placement risk STUDY --paths N --seed S`: the study's plan (solved here, or `--plan` a saved
/// one) held on paths drawn from its uncertainty model, beside its own scenarios
/// (docs/design.md §8).
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Hold a study's plan on sampled paths and report the distributions of its figures.",
        discussion: """
            Optimizes the study (or reads the builds of --plan, a saved `optimize --format json` \
            result of the same study), draws --paths paths from the study's 'uncertainty' section \
            exactly as `placement sample` does, and solves every (path, year) block at the held \
            builds as optimize does for a scenario: value, canonical dispatch, write-off. Reports \
            NPV, fleet utilization, stranded and at-risk value per path, their means, standard \
            errors, quantiles, VaR and CVaR at the study's alpha, and the probability that \
            final-year fleet utilization is below breakeven with its 95% Wilson interval, beside \
            the same figures over the study's own scenarios. The same study and seed give the same \
            bytes whatever --threads.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 70 solver failure, \
            73 output not writable.
            """)

    @Argument(help: "The study file.", completion: .file(extensions: ["yaml", "yml"]))
    var study: String = StudyInput.defaultPath

    @OptionGroup var sampling: PathOptions

    @Option(
        help: ArgumentHelp(
            "Hold the builds of this saved `optimize --format json` result instead of solving.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var plan: String?

    @Option(
        help: ArgumentHelp("Also write the paths as a scenarios file (as `placement sample`).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var writeSamples: String?

    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if writeSamples?.isEmpty == true { throw ValidationError("--write-samples needs a file name") }
        if let plan, !ResultInput.isSavedResult(plan) {
            throw ValidationError("--plan needs a saved result of `placement optimize --format json` (a .json file)")
        }
    }

    func run() throws {
        try output.declare()
        if let writeSamples { try RunFiles.declareOutput(writeSamples, flag: "--write-samples") }
        let builds = try plan.map { ResultInput.startingBuilds(try ResultInput.loadSaved($0)) }
        let loaded = try StudyInput.load(study)
        let sampler = try PathOptions.sampler(of: loaded.study, path: study)
        let (paths, seed) = (sampling.paths, sampling.seed)
        let drawn = sampler.paths(count: paths, seed: seed)
        if let writeSamples {
            let file = SamplesFile(study: loaded.study, sampler: sampler, paths: drawn, count: paths, seed: seed)
            try SampleCommand.checkLoadable(bytes: file.text.utf8.count, values: file.valueCount, paths: paths)
            try OutputWriter.write(file.text, to: writeSamples, flag: "--write-samples")
        }
        let report = try Self.report(
            loaded.study, path: study, sampler: sampler, paths: drawn, seed: seed, builds: builds, solver: solver)
        switch output.format {
        case .table: try output.emitTable(report.table())
        case .json: try output.emit(report.json().serialized() + "\n")
        case .csv: try output.emit(report.csv())
        case .xlsx: try output.emitWorkbook(report.workbook())
        }
    }

    /// The risk report of `study` (read from `path`): `builds` (or, when nil, the study's optimal
    /// plan, solved here) held on the drawn `paths` and on the study's own scenarios. `risk` and
    /// `report --paths` both call it; a failure is printed and exits 70.
    static func report(
        _ study: Study, path: String, sampler: PathSampler, paths drawn: [SampledPath], seed: UInt64,
        builds: [PlanningOptions.StartingBuild]?, solver: SolverOptions
    ) throws -> RiskReport {
        let paths = drawn.count
        let pipeline = PlanningPipeline(
            solver: GLPKSolver(options: solver.glpkOptions), options: solver.planningOptions(analyse: true))
        do {
            let held = try builds ?? solvedBuilds(study, pipeline: pipeline, solver: solver)
            let progress = ProgressIndicator("evaluating \(paths) path\(paths == 1 ? "" : "s")", enabled: true)
            defer { progress.stop() }
            let inSample = try ScenarioFigures.all(of: pipeline.evaluate(study, builds: held))
            let scenarios = drawn.map { PathScenario.scenario(of: $0, count: paths, sampler: sampler) }
            let onPaths = try pipeline.evaluate(try study.replacingScenarios(scenarios), builds: held)
            return RiskReport(
                studyPath: path, alpha: study.risk.alpha, seed: seed, sampler: "latin-hypercube",
                paths: try ScenarioFigures.all(of: onPaths), inSample: inSample)
        } catch let error as ExitCode {
            throw error
        } catch let error as SamplingError {
            printError("error: \(error.message)")
            throw ExitStatus.solverFailure
        } catch {
            printError("error: \(error)")
            throw ExitStatus.solverFailure
        }
    }

    /// The builds of the study's optimal plan (exit 70 when it has none proven optimal).
    private static func solvedBuilds(
        _ study: Study, pipeline: PlanningPipeline<GLPKSolver>, solver: SolverOptions
    ) throws -> [PlanningOptions.StartingBuild] {
        let progress = ProgressIndicator("solving", enabled: !solver.showsDecompositionProgress)
        defer { progress.stop() }
        let result = try pipeline.run(study)
        guard let plan = result.plan, result.isOptimal else {
            progress.stop()
            printError("error: the study has no optimal plan to hold (\(result.investment.termination.rawValue))")
            throw ExitStatus.solverFailure
        }
        return PlanningOptions.StartingBuild.builds(of: plan)
    }
}
