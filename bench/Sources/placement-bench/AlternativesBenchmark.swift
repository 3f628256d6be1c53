import ArgumentParser
import Foundation
import GLPKSolver
import PlacementLoader
import PlacementPlanning

/// `placement-bench alternatives`: the near-optimal search reusing the optimum's cuts and basis,
/// against starting every extreme plan from a new master, on one study, in one run.
struct AlternativesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alternatives",
        abstract: "Near-optimal alternatives with the optimum's cuts reused, against each extreme from scratch.")

    @Option(help: "The study file.")
    var study: String = "Models/baseline.yaml"

    @Option(help: "The slack.")
    var slack: Double = 0.02

    @Option(help: "facility, region, jurisdiction or hardware.")
    var by: String = "facility"

    @Option(help: "Runs of each (alternating), the best kept.")
    var repeats: Int = 1

    func run() throws {
        guard let grouping = NearOptimalAlternatives.Grouping(rawValue: by) else {
            throw ValidationError("--by must be facility, region, jurisdiction or hardware, got \(by)")
        }
        let loaded = try StudyLoader().loadStudy(at: study)
        var options = PlanningOptions()
        options.method = .decomposed
        options.analyse = false
        var best: [Bool: (seconds: Double, result: NearOptimalAlternatives)] = [:]
        for _ in 0..<max(1, repeats) {
            for fromScratch in [false, true] {
                let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
                let clock = ContinuousClock()
                let start = clock.now
                let result = try pipeline.alternatives(
                    loaded.study, slack: slack, by: grouping, fromScratch: fromScratch)
                let seconds = (clock.now - start).seconds
                if seconds < best[fromScratch]?.seconds ?? .infinity { best[fromScratch] = (seconds, result) }
            }
        }
        guard let warm = best[false], let cold = best[true] else { return }
        print(
            "study \(study), slack \(slack), by \(by): \(warm.result.groups.count) groups, "
                + "\(2 * warm.result.groups.count) extreme plans (the optimal solve included in both times)")
        for (label, run) in [("cuts reused", warm), ("from scratch", cold)] {
            print(
                String(
                    format: "  %-13@ %8.2f s  %5d master re-solves  %5d block evaluations", label as NSString,
                    run.seconds, run.result.masterSolves, run.result.evaluations))
        }
        print(String(format: "  ratio: %.1fx", cold.seconds / warm.seconds))
        let largest =
            zip(warm.result.groups, cold.result.groups).map { a, b in
                max(abs(a.least.capitalUSD - b.least.capitalUSD), abs(a.most.capitalUSD - b.most.capitalUSD))
                    / max(1, a.most.capitalUSD)
            }.max() ?? 0
        print(String(format: "  largest difference of a range end: %.1e of the group's most", largest))
    }
}
