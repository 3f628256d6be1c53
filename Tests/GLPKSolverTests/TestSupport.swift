import Foundation
import LinearProgramming
import PlacementTestSupport
import Testing

/// Checks strong duality and complementary slackness on an LP optimum:
/// objective = constant + sum dual_i * activeBound_i + sum reducedCost_j * x_j,
/// where a row with a nonzero dual must sit at the bound it is credited with.
func expectStrongDuality(
    _ lp: LinearProgram, _ solution: Solution, tolerance: Double = 1e-7,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let primal = solution.primal, let dual = solution.dual else {
        Issue.record("no primal or dual values", sourceLocation: sourceLocation)
        return
    }
    var total = lp.objectiveConstant
    for row in lp.constraints {
        let bound = lp.bound(of: row)
        let activity = primal[row]
        let y = dual[row]
        guard abs(y) > 1e-12 else { continue }
        let active = abs(activity - bound.lower) <= abs(activity - bound.upper) ? bound.lower : bound.upper
        #expect(
            active.isFinite, "row \(lp.displayName(of: row)) has dual \(y) but no finite active bound",
            sourceLocation: sourceLocation)
        #expect(
            abs(activity - active) <= tolerance * max(1, abs(active)),
            "row \(lp.displayName(of: row)): dual \(y) but activity \(activity) is off its bound \(active)",
            sourceLocation: sourceLocation)
        total += y * active
    }
    for variable in lp.variables {
        let d = dual.reducedCost(variable)
        guard abs(d) > 1e-12 else { continue }
        let x = primal[variable]
        let atBound = x == lp.lowerBound(of: variable) || x == lp.upperBound(of: variable)
        #expect(
            atBound, "column \(lp.displayName(of: variable)) has reduced cost \(d) off its bounds",
            sourceLocation: sourceLocation)
        total += d * x
    }
    let objective = primal.objective
    #expect(
        abs(total - objective) <= tolerance * max(1, abs(objective)),
        "dual objective \(total) != primal objective \(objective)", sourceLocation: sourceLocation)
}

enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}
