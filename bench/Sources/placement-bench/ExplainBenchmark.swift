import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementModel
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

    @Option(
        help:
            "Facilities (the first N of the study) whose fleets are also searched from scratch for the ratio; 0 for none."
    )
    var scratchFacilities = 2

    func run() throws {
        let loaded = try StudyLoader().loadStudy(at: study)
        var options = PlanningOptions()
        options.method = .decomposed
        options.analyse = false
        func timed(_ facilities: Set<FacilityID>?, fromScratch: Bool) throws -> (seconds: Double, BreakEvenPrices) {
            let pipeline = PlanningPipeline(solver: GLPKSolver(), options: options)
            let clock = ContinuousClock()
            let start = clock.now
            let result = try pipeline.explain(
                loaded.study, tolerance: tolerance, facilities: facilities, fromScratch: fromScratch)
            return ((clock.now - start).seconds, result)
        }
        let (seconds, all) = try timed(nil, fromScratch: false)
        let steps = all.fleets.reduce(0) { $0 + $1.steps }
        let counts = Dictionary(grouping: all.fleets, by: \.verdict).mapValues(\.count)
        print(
            "study \(study), tolerance \(tolerance): \(all.fleets.count) fleets (\(counts[.breakEven] ?? 0) break-even, "
                + "\(counts[.neverBuilds] ?? 0) never, \(counts[.alwaysBuilds] ?? 0) always), \(steps) bisection steps")
        print(
            String(
                format: "  every fleet, cuts reused: %8.2f s (the optimal solve included)  %6d master re-solves  "
                    + "%5d block evaluations", seconds, all.masterSolves, all.evaluations))
        guard scratchFacilities > 0 else { return }
        let subset = Set(loaded.study.facilities.prefix(scratchFacilities).map(\.id))
        let names = subset.map(\.rawValue).sorted().joined(separator: ", ")
        var runs: [(label: String, seconds: Double, result: BreakEvenPrices)] = []
        for fromScratch in [false, true] {
            let (seconds, result) = try timed(subset, fromScratch: fromScratch)
            runs.append((fromScratch ? "from scratch" : "cuts reused", seconds, result))
        }
        let subsetSteps = runs[0].result.fleets.reduce(0) { $0 + $1.steps }
        print("  the fleets of \(names) (\(runs[0].result.fleets.count) fleets, \(subsetSteps) steps), side by side:")
        for run in runs {
            print(
                String(
                    format: "    %-13@ %8.2f s  %6d master re-solves  %5d block evaluations", run.label as NSString,
                    run.seconds, run.result.masterSolves, run.result.evaluations))
        }
        print(String(format: "    ratio: %.1fx", runs[1].seconds / runs[0].seconds))
        let largest =
            zip(runs[0].result.fleets, runs[1].result.fleets).map { a, b -> Double in
                guard let x = a.breakEvenUnitCapexUSD, let y = b.breakEvenUnitCapexUSD else {
                    return a.verdict == b.verdict ? 0 : .infinity
                }
                return abs(x - y) / max(x, y)
            }.max() ?? 0
        print(String(format: "    largest relative difference of a break-even: %.1e", largest))
    }
}
