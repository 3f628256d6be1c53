import ArgumentParser
import Foundation
import GLPKSolver
import PlacementLoader
import PlacementModel
import PlacementPlanning

/// `placement-bench adaptive`: one study's decomposed solve with here-and-now decisions against
/// the same study made adaptive (docs/design.md §9), then `placement value`'s five solves, in one
/// run.
struct AdaptiveBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adaptive",
        abstract: "The decomposed solve here-and-now against adaptive, and the value of information, on one study.")

    @Option(help: "The study file.")
    var study: String = "Models/baseline.yaml"

    @Option(help: "Runs of each solve (alternating), the best kept.")
    var repeats: Int = 3

    @Option(help: "Block threads (default: the machine's cores).")
    var threads: Int?

    @Flag(help: "Time `placement value` too (RP both ways, WS, EV and EEV).")
    var value = false

    func run() throws {
        let loaded = try StudyLoader().loadStudy(at: study)
        var options = PlanningOptions()
        options.method = .decomposed
        options.analyse = false
        if let threads { options.threads = threads }
        var best: [DecisionMode: (seconds: Double, result: PlanningResult)] = [:]
        for _ in 0..<max(1, repeats) {
            for mode in [DecisionMode.hereAndNow, .adaptive] {
                let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
                let clock = ContinuousClock()
                let start = clock.now
                let result = try pipeline.run(loaded.study.withDecisions(mode))
                let seconds = (clock.now - start).seconds
                if seconds < best[mode]?.seconds ?? .infinity { best[mode] = (seconds, result) }
            }
        }
        guard let hereAndNow = best[.hereAndNow], let adaptive = best[.adaptive] else { return }
        let tree = loaded.study.withDecisions(.adaptive).scenarioTree
        print(
            "study \(study): \(tree.nodes.reduce(0) { $0 + $1.count }) nodes adaptive against "
                + "\(tree.nodes.count) here-and-now; decomposed solve, analysis skipped, best of \(max(1, repeats))")
        for (label, run) in [("here-and-now", hereAndNow), ("adaptive", adaptive)] {
            let decomposition = run.result.investment.decomposition
            print(
                "  " + label.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(
                        format: " %7.2f s (solve %6.2f s)  %3d iterations  %6d block solves  objective %.6e USD",
                        run.seconds, run.result.timings.solve, decomposition?.iterations ?? 0,
                        decomposition?.blockSolves ?? 0, run.result.plan?.objectiveUSD ?? .nan))
        }
        print(String(format: "  ratio adaptive / here-and-now: %.2fx", adaptive.seconds / hereAndNow.seconds))
        guard value else { return }
        let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
        let clock = ContinuousClock()
        let start = clock.now
        let figures = try pipeline.valueOfInformation(loaded.study)
        print(
            String(
                format: "  value of information: %.2f s (EVPI %.4e, VSS %.4e, adaptivity %.4e USD)",
                (clock.now - start).seconds, figures.evpi, figures.vss, figures.valueOfAdaptivity))
    }
}
