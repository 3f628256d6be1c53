import PlacementModel
import PlacementOptimizer

/// A plan's builds held on a study (``PlanningPipeline/evaluate(_:builds:stress:)``): each build
/// is placed in the study's fleets and stages, or refused with its position, since dropping it
/// would evaluate another plan.
public enum HeldBuilds {
    /// The units each fleet builds in each stage of `index` when `builds` are held: a build of a
    /// fleet or year the study cannot build, an adaptive plan's build on scenarios it was not
    /// solved for, and builds that contradict each other (two scenarios of one node of the
    /// scenario tree building different units; a build for every scenario beside builds by
    /// scenario) are refused (``PlanningError/heldBuild(position:reason:)``, naming the build).
    /// Rows of 0 units count in the comparisons, not in the units.
    static func units(_ builds: [PlanningOptions.StartingBuild], index: PlacementIndex) throws(PlanningError)
        -> [[Double]]
    {
        let study = index.study
        var built = Array(repeating: Array(repeating: 0.0, count: index.stages.count), count: index.fleets.count)
        // Per fleet and stage, the first row by scenario (its position); per fleet and year, the
        // position of a row for every scenario and of one by scenario.
        var nodeRows: [[Int?]] = Array(
            repeating: Array(repeating: nil, count: index.stages.count), count: index.fleets.count)
        var shared: [[Int?]] = Array(
            repeating: Array(repeating: nil, count: index.years.count), count: index.fleets.count)
        var byScenario = shared
        for (position, build) in builds.enumerated() {
            guard let y = index.years.firstIndex(of: build.year),
                let fleet = index.fleets.firstIndex(where: {
                    study.facilities[$0.facility].id == build.facility
                        && study.hardware[$0.hardware].id == build.hardware
                })
            else {
                guard build.units != 0 else { continue }
                throw PlanningError.heldBuild(
                    position: position,
                    reason:
                        "it builds \(build.hardware) at \(build.facility) in \(build.year), which the study cannot build"
                )
            }
            let what = "\(build.hardware) at \(build.facility) in \(build.year)"
            // A shared build is made in every node of its year; an adaptive plan's, in its scenario's node.
            guard let id = build.scenario else {
                if let other = byScenario[fleet][y] {
                    throw PlanningError.heldBuild(
                        position: position,
                        reason: "it builds \(what) for every scenario, beside the builds by scenario of row \(other)")
                }
                shared[fleet][y] = position
                for node in index.tree.nodes[y].indices {
                    built[fleet][index.stage(year: y, node: node)] += build.units
                }
                continue
            }
            guard let s = index.scenarios.firstIndex(where: { $0.id == id }),
                !index.tree.isSingleNodePerYear
            else {
                throw PlanningError.heldBuild(
                    position: position, reason: PlanningError.adaptiveHoldReason + ", not on '\(id)'")
            }
            if let other = shared[fleet][y] {
                throw PlanningError.heldBuild(
                    position: position,
                    reason: "it builds \(what) in scenario '\(id)', beside the build for every scenario of row \(other)"
                )
            }
            byScenario[fleet][y] = byScenario[fleet][y] ?? position
            // Every scenario of the node lists the node's build: count it once, and only if they agree.
            let stage = index.stage(year: y, scenario: s)
            if let first = nodeRows[fleet][stage] {
                let agreed = builds[first].units
                guard abs(build.units - agreed) <= 1e-9 * max(1, abs(agreed)) else {
                    throw PlanningError.heldBuild(
                        position: position,
                        reason: "it builds \(Self.units(build.units)) of \(what) in scenario '\(id)', but row \(first) "
                            + "builds \(Self.units(agreed)) in '\(builds[first].scenario?.rawValue ?? "")', and the two "
                            + "share a node of the scenario tree (one decision)")
                }
                continue
            }
            nodeRows[fleet][stage] = position
            built[fleet][stage] += build.units
        }
        return built
    }

    private static func units(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// Checks that `study` can hold `builds` (``PlanningPipeline/evaluate(_:builds:stress:)`` would refuse them
    /// otherwise) without solving anything: the position of the first build it cannot hold, and why.
    ///
    /// ```swift
    /// if let refusal = try HeldBuilds.unholdable(saved, in: study) { print(refusal.position, refusal.reason) }
    /// ```
    public static func unholdable(
        _ builds: [PlanningOptions.StartingBuild], in study: Study
    ) throws -> (position: Int, reason: String)? {
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        do { _ = try units(builds, index: index) } catch {
            if case .heldBuild(let position, let reason) = error { return (position, reason) }
            throw error
        }
        return nil
    }
}
