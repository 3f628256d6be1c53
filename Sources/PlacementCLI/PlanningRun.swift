import ArgumentParser
import Foundation
import GLPKSolver
import PlacementAnalysis
import PlacementModel
import PlacementOptimizer
import PlacementReports

/// Load, optimize and analyse a study: the steps `optimize`, `stress` and `report` share,
/// with the exit statuses of the README and the phase timings.
struct PlanningRun {
    let path: String
    let report: OptimizeReport

    /// Runs the steps; `analyse` adds the stress re-solves and stranded-asset risk.
    init(path: String, solverOptions: GLPKOptions, analyse: Bool) throws {
        self.path = path
        let clock = ContinuousClock()
        var start = clock.now
        let loaded = try StudyInput.load(path)
        let loadSeconds = (clock.now - start).seconds
        let solver = GLPKSolver(options: solverOptions)
        let progress = ProgressIndicator("solving")
        defer { progress.stop() }
        let result: OptimizationResult
        do { result = try PlacementOptimizer(solver: solver).optimize(loaded.study) } catch {
            progress.stop()
            printError("error: \(error)")
            throw ExitStatus.solverFailure
        }
        start = clock.now
        var analysis: PlanAnalysis?
        if analyse, let plan = result.plan {
            do { analysis = try PlanAnalysis.run(study: loaded.study, plan: plan, solver: solver) } catch {
                progress.stop()
                printError("error: the stress analysis failed: \(error)")
                throw ExitStatus.solverFailure
            }
        }
        let timings = OptimizeReport.Timings(load: loadSeconds, build: result.buildSeconds, solve: result.solveSeconds,
                                             results: result.resultSeconds + (clock.now - start).seconds)
        report = OptimizeReport(study: loaded.study, studyPath: path, result: result, analysis: analysis, timings: timings)
    }

    /// Exit 70 when there is no plan; a warning when it is not proven optimal.
    func checkOutcome() throws {
        let solution = report.result.solution
        guard report.result.plan != nil else {
            printError("error: the solver stopped without a plan (\(solution.termination.rawValue))"
                + (solution.message.map { ": \($0)" } ?? ""))
            throw ExitStatus.solverFailure
        }
        if solution.termination != .optimal {
            printError("warning: the plan is not proven optimal (\(solution.termination.rawValue))")
        }
    }
}
