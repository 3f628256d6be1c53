import Foundation
import GLPKSolver

/// `glpsol` solving an exported free-MPS file: the reference run of the scale benchmark.
///
/// The objective is read from the solution file (`-w`), whose `s` line carries it with
/// full precision; glpsol's terminal output rounds it.
struct GlpsolRun {
    /// Wall-clock seconds of the process: reading the MPS file, solving, writing the solution.
    var seconds: Double
    var exitStatus: Int32
    /// The objective of the file's problem (a minimisation: minus the model's for a maximisation).
    var objective: Double?
    /// glpsol's primal status letter from the solution file (`f` feasible).
    var primalStatus: String?
    /// glpsol's own figures from its output: the status line, "Time used" and "Memory used".
    var statusLine: String?
    var reportedSeconds: Double?
    var reportedMemory: String?

    static func solve(mps: URL, method: GLPKOptions.Method, timeLimit: Double?, workDirectory: URL) throws -> GlpsolRun
    {
        let solutionFile = workDirectory.appendingPathComponent("glpsol.sol")
        let outputFile = workDirectory.appendingPathComponent("glpsol.log")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            throw BenchError(description: "cannot create \(outputFile.path)")
        }
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        var arguments = ["--freemps", mps.path, method == .dual ? "--dual" : "--primal", "-w", solutionFile.path]
        if let timeLimit { arguments += ["--tmlim", String(Int(timeLimit.rounded(.up)))] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        let (_, seconds) = try measure {
            try process.run()
            process.waitUntilExit()
        }
        var run = GlpsolRun(seconds: seconds, exitStatus: process.terminationStatus)
        let log = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        for line in log.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Time used:") {
                run.reportedSeconds = text.split(separator: " ").dropFirst(2).first.flatMap { Double($0) }
            } else if text.hasPrefix("Memory used:") {
                run.reportedMemory = text.dropFirst("Memory used:".count).trimmingCharacters(in: .whitespaces)
            } else if text.contains("SOLUTION FOUND") || text.contains("LIMIT EXCEEDED") || text.contains("NO PRIMAL")
                || text.contains("NO DUAL") || text.contains("UNBOUNDED")
            {
                run.statusLine = text
            }
        }
        // Solution file (GLPK 5): "s bas ROWS COLS PRIMAL DUAL OBJECTIVE".
        if let solution = try? String(contentsOf: solutionFile, encoding: .utf8),
            let line = solution.split(separator: "\n").first(where: { $0.hasPrefix("s ") })
        {
            let fields = line.split(separator: " ")
            run.objective = fields.last.flatMap { Double($0) }
            run.primalStatus = fields.count >= 6 ? String(fields[4]) : nil
        }
        return run
    }
}
