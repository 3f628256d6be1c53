import PlacementModel
import PlacementOptimizer

/// A plan's builds held on a study (``PlanningPipeline/evaluate(_:builds:stress:)``): each build
/// is placed in the study's fleets and stages, or refused with its position, since dropping it
/// would evaluate another plan.
public enum HeldBuilds {
    /// The units each fleet builds in each stage of `index` when `builds` are held: a build of a
    /// fleet or year the study cannot build, or an adaptive plan's build on scenarios it was not
    /// solved for, is refused (``PlanningError/heldBuild(position:reason:)``, naming the build).
    static func units(_ builds: [PlanningOptions.StartingBuild], index: PlacementIndex) throws(PlanningError)
        -> [[Double]]
    {
        let study = index.study
        var built = Array(repeating: Array(repeating: 0.0, count: index.stages.count), count: index.fleets.count)
        for (position, build) in builds.enumerated() where build.units != 0 {
            guard let y = index.years.firstIndex(of: build.year),
                let fleet = index.fleets.firstIndex(where: {
                    study.facilities[$0.facility].id == build.facility
                        && study.hardware[$0.hardware].id == build.hardware
                })
            else {
                throw PlanningError.heldBuild(
                    position: position,
                    reason:
                        "it builds \(build.hardware) at \(build.facility) in \(build.year), which the study cannot build"
                )
            }
            // A shared build is made in every node of its year; an adaptive plan's, in its scenario's node.
            guard let id = build.scenario else {
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
            // Every scenario of the node lists the node's build: count it once.
            if index.tree.nodes[y][index.tree.node(year: y, scenario: s)][0] == s {
                built[fleet][index.stage(year: y, scenario: s)] += build.units
            }
        }
        return built
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
