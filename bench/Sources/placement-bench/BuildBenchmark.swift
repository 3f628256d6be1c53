import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming

/// Building and loading a ~1M-nonzero transportation model through the API, against
/// glpsol translating the same model from GNU MathProg (`glpsol --math M --check`:
/// translate and build the problem, no solve).
enum BuildBenchmark {
    static func run(sources: Int, sinks: Int, repeats: Int) throws {
        let problem = TransportationModel(sources: sources, sinks: sinks, seed: 42)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("placement-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelFile = directory.appendingPathComponent("transport.mod")
        try problem.mathProg().write(to: modelFile, atomically: true, encoding: .utf8)

        var apiTimes = [Double](), glpsolTimes = [Double]()
        var sizes = (rows: 0, columns: 0, nonzeros: 0)
        for _ in 0..<repeats {
            let ((lp, _, _), buildSeconds) = measure { problem.model() }
            sizes = (lp.constraintCount, lp.variableCount, lp.nonzeroCount)
            let (_, validateSeconds) = try measure { try lp.validate() }
            let (_, loadSeconds) = try measure { try GLPKProbe.load(lp) }
            print(String(format: "  build %.3f s, validate %.3f s, validate + load into GLPK %.3f s", buildSeconds, validateSeconds, loadSeconds))
            apiTimes.append(buildSeconds + loadSeconds)
            let (status, glpsolSeconds) = try measure { try runGlpsol(["--math", modelFile.path, "--check"]) }
            guard status == 0 else { throw BenchCommand.UsageError(description: "glpsol failed (status \(status))") }
            glpsolTimes.append(glpsolSeconds)
        }
        let api = apiTimes.min()!, translator = glpsolTimes.min()!
        print("model: \(sizes.rows) rows, \(sizes.columns) columns, \(sizes.nonzeros) nonzeros")
        print(String(format: "API build + validate + load into GLPK: best %.3f s of %d  %@", api, repeats, apiTimes.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        print(String(format: "glpsol --math --check (translate + build): best %.3f s of %d  %@", translator, repeats, glpsolTimes.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        print(String(format: "ratio glpsol / API: %.1fx (goal >= 10x)", translator / api))
        print(String(format: "peak memory of this process: %.0f MiB", peakMemoryMiB()))
    }

    static func runGlpsol(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
