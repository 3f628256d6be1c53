import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementPlanning

/// `placement-bench explain`: the break-even search on warm master re-solves with the optimum's
/// cuts, against a new decomposed solve for every bisection step, on one study, in one run.
struct ExplainBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Break-even prices with the optimum's cuts reused, against each bisection step solved from scratch.")

    @Option(help: "The study file.")
    var study: String = "Models/baseline.yaml"

    @Option(help: "The bisection's relative width.")
    var tolerance: Double = 0.001

    @Flag(help: "Time the warm search only (no from-scratch run).")
    var warmOnly = false

    func run() throws {
        let loaded = try StudyLoader().loadStudy(at: study)
        var options = PlanningOptions()
        options.method = .decomposed
        options.analyse = false
        var runs: [(label: String, seconds: Double, result: BreakEvenPrices)] = []
        for fromScratch in warmOnly ? [false] : [false, true] {
            let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
            let clock = ContinuousClock()
            let start = clock.now
            let result = try pipeline.explain(loaded.study, tolerance: tolerance, fromScratch: fromScratch)
            runs.append((fromScratch ? "from scratch" : "cuts reused", (clock.now - start).seconds, result))
        }
        let warm = runs[0].result
        let steps = warm.fleets.reduce(0) { $0 + $1.steps }
        let counts = Dictionary(grouping: warm.fleets, by: \.verdict).mapValues(\.count)
        print(
            "study \(study), tolerance \(tolerance): \(warm.fleets.count) fleets (\(counts[.breakEven] ?? 0) break-even, "
                + "\(counts[.neverBuilds] ?? 0) never, \(counts[.alwaysBuilds] ?? 0) always), \(steps) bisection steps "
                + "(the optimal solve included in both times)")
        for run in runs {
            print(
                String(
                    format: "  %-13@ %8.2f s  %6d master re-solves  %5d block evaluations", run.label as NSString,
                    run.seconds, run.result.masterSolves, run.result.evaluations))
        }
        guard runs.count == 2 else { return }
        print(String(format: "  ratio: %.1fx", runs[1].seconds / runs[0].seconds))
        let largest =
            zip(warm.fleets, runs[1].result.fleets).compactMap { a, b -> Double? in
                guard let x = a.breakEvenUnitCapexUSD, let y = b.breakEvenUnitCapexUSD else {
                    return a.verdict == b.verdict ? 0 : .infinity
                }
                return abs(x - y) / max(x, y)
            }.max() ?? 0
        print(String(format: "  largest relative difference of a break-even: %.1e", largest))
    }
}
