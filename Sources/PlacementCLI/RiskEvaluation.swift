import ArgumentParser
import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementRisk
import PlacementSweep

/// A held plan evaluated on the study's own scenarios and on a range of sampled paths, streamed
/// through warm per-worker block sessions (docs/design.md §8): the one evaluation behind
/// `placement risk` (whole, a shard, or resumed) and `report --paths`. Failures are printed and
/// mapped to the README's exit statuses.
struct RiskEvaluation {
    /// What a shard or a progress file must share with the run it joins.
    let run: RiskShard.Run
    /// The study's own scenarios at the held builds.
    let inSample: [ScenarioFigures]
    /// The paths of the range, in order (those a resumed progress file kept first).
    let paths: [ScenarioFigures]

    /// Holds `saved` (or the study's optimal plan, solved here) and evaluates paths `range` of the
    /// `count` drawn with `seed`; `progressFile`, when given, keeps the evaluated paths as they
    /// come (and, with `resume`, supplies those of an interrupted run).
    init(
        _ study: Study, files: [String], path: String, sampler: PathSampler, count: Int, seed: UInt64,
        saved: [PlanningOptions.StartingBuild]?, solver: SolverOptions, range: Range<Int>,
        progressFile: ((RiskShard.Run) -> RiskPartialFile)? = nil, resume: Bool = false
    ) throws {
        let options = solver.planningOptions(analyse: true)
        let makePipeline = { (options: PlanningOptions) in
            PlanningPipeline(solver: GLPKSolver(options: solver.glpkOptions), options: options)
        }
        do {
            let (held, inSample) = try Self.heldPlan(
                study, saved: saved, pipeline: makePipeline(options), solver: solver)
            let run = RiskShard.Run(
                studyPath: path, alpha: study.risk.alpha, seed: seed, sampler: "latin-hypercube", paths: count,
                fingerprint: try Self.fingerprint(files: files, builds: held))
            let partial = progressFile?(run)
            var figures: [ScenarioFigures]
            do {
                figures =
                    try partial?.start(resume: resume, range: range, years: study.horizon.years) ?? []
            } catch {
                printError("error: \(error)")
                if case RiskPartialFile.Failure.cannotWrite = error { throw ExitStatus.cannotCreateOutput }
                throw ExitStatus.invalidData
            }
            let evaluator = PathEvaluator(
                study: study, builds: held, sampler: sampler, count: count, seed: seed, threads: options.threads,
                options: options, pipeline: makePipeline)
            let progress = SweepProgress(
                total: range.count, alreadyDone: figures.count, unit: "paths", quietOffTerminal: true)
            try evaluator.run(range.lowerBound + figures.count..<range.upperBound) { chunk in
                do { try partial?.append(chunk) } catch {
                    printError("error: \(error)")
                    throw ExitStatus.cannotCreateOutput
                }
                figures += chunk
                progress.advance(by: chunk.count)
            }
            let resumed = figures.count - evaluator.work.paths
            PathOptions.warnHeld(
                evaluator.work.heldMultipliers,
                among: resumed > 0
                    ? "of the \(evaluator.work.paths) paths this run evaluated (not the resumed ones)" : nil)
            (self.run, self.inSample, self.paths) = (run, inSample, figures)
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

    /// The report of a whole (unsharded) run.
    var report: RiskReport {
        RiskReport(
            studyPath: run.studyPath, alpha: run.alpha, seed: run.seed, sampler: run.sampler, paths: paths,
            inSample: inSample)
    }

    /// The builds held (`saved`, or the study's optimal plan solved here) and the figures of the
    /// study's own scenarios at them; exit 70 when the study has no optimal plan.
    private static func heldPlan(
        _ study: Study, saved: [PlanningOptions.StartingBuild]?, pipeline: PlanningPipeline<GLPKSolver>,
        solver: SolverOptions
    ) throws -> ([PlanningOptions.StartingBuild], [ScenarioFigures]) {
        var builds = saved ?? []
        if saved == nil {
            let progress = ProgressIndicator("solving", enabled: !solver.showsDecompositionProgress)
            defer { progress.stop() }
            let result = try pipeline.run(study)
            guard let plan = result.plan, result.isOptimal else {
                progress.stop()
                printError("error: the study has no optimal plan to hold (\(result.investment.termination.rawValue))")
                throw ExitStatus.solverFailure
            }
            builds = PlanningOptions.StartingBuild.builds(of: plan)
        }
        return (builds, try ScenarioFigures.all(of: pipeline.evaluate(study, builds: builds)))
    }

    /// SHA-256 of the study's files and the held builds: what a shard or a progress file must share.
    private static func fingerprint(files: [String], builds: [PlanningOptions.StartingBuild]) throws -> String {
        let plan = builds.map { "\($0.facility)|\($0.hardware)|\($0.year)|\($0.units)\n" }.joined()
        return try SweepFingerprint.hash(files: files, extra: Array(plan.utf8))
    }
}
