import Foundation
import LinearProgramming
import PlacementTestSupport
import Testing

/// Checks strong duality and complementary slackness on an LP optimum:
/// objective = constant + sum dual_i * activeBound_i + sum reducedCost_j * x_j,
/// where a row with a nonzero dual must sit at the bound it is credited with.
func expectStrongDuality(_ lp: LinearProgram, _ solution: Solution, tolerance: Double = 1e-7,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    guard let primal = solution.primal, let dual = solution.dual else {
        Issue.record("no primal or dual values", sourceLocation: sourceLocation)
        return
    }
    var total = lp.objectiveConstant
    for row in lp.constraints {
        let bound = lp.bound(of: row), activity = primal[row], y = dual[row]
        guard abs(y) > 1e-12 else { continue }
        let active = abs(activity - bound.lower) <= abs(activity - bound.upper) ? bound.lower : bound.upper
        #expect(active.isFinite, "row \(lp.displayName(of: row)) has dual \(y) but no finite active bound",
                sourceLocation: sourceLocation)
        #expect(abs(activity - active) <= tolerance * max(1, abs(active)),
                "row \(lp.displayName(of: row)): dual \(y) but activity \(activity) is off its bound \(active)",
                sourceLocation: sourceLocation)
        total += y * active
    }
    for variable in lp.variables {
        let d = dual.reducedCost(variable)
        guard abs(d) > 1e-12 else { continue }
        let x = primal[variable]
        let atBound = x == lp.lowerBound(of: variable) || x == lp.upperBound(of: variable)
        #expect(atBound, "column \(lp.displayName(of: variable)) has reduced cost \(d) off its bounds",
                sourceLocation: sourceLocation)
        total += d * x
    }
    let objective = primal.objective
    #expect(abs(total - objective) <= tolerance * max(1, abs(objective)),
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

/// Runs glpsol when it is installed; nil (and a recorded note) when it is not.
func runGlpsol(_ arguments: [String]) throws -> String? {
    let candidates = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"]
    guard let executable = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The objective glpsol reports in its solution file written with `-w`.
func glpsolObjective(solutionFile: URL) throws -> Double? {
    // glpsol -w writes "s bas m n p d obj" (LP) or "s mip m n s obj" (MIP) in GLPK's plain format.
    let text = try String(contentsOf: solutionFile, encoding: .utf8)
    for line in text.split(separator: "\n") where line.hasPrefix("s ") {
        return line.split(separator: " ").last.flatMap { Double($0) }
    }
    return nil
}
