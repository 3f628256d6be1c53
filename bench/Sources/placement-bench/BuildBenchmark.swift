import ArgumentParser
import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming

/// Building and loading a ~1M-nonzero transportation model through the API, against
/// glpsol translating the same model from GNU MathProg (`glpsol --math M --check`:
/// translate and build the problem, no solve).
struct BuildBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-vs-mathprog",
        abstract:
            "Build and load a ~1,000,000-nonzero transportation model, against glpsol translating it from MathProg.",
        discussion: "Prints both times (best of --repeat) and the ratio; goal >= 10x."
    )

    @Option(help: ArgumentHelp("Sources of the transportation model.", valueName: "count"))
    var sources = 500

    @Option(
        help: ArgumentHelp("Sinks of the transportation model (nonzeros = 2 x sources x sinks).", valueName: "count"))
    var sinks = 1000

    @Option(
        name: .customLong("repeat"), help: ArgumentHelp("Runs of each side; the best is compared.", valueName: "count"))
    var repeats = 3

    func validate() throws {
        for (flag, value) in [("--sources", sources), ("--sinks", sinks), ("--repeat", repeats)] where value < 1 {
            throw ValidationError("\(flag) must be at least 1, got \(value)")
        }
    }

    func run() throws {
        let problem = TransportationModel(sources: sources, sinks: sinks, seed: 42)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("placement-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelFile = directory.appendingPathComponent("transport.mod")
        try problem.mathProg().write(to: modelFile, atomically: true, encoding: .utf8)

        var apiTimes: [Double] = []
        var glpsolTimes: [Double] = []
        var sizes = (rows: 0, columns: 0, nonzeros: 0)
        for _ in 0..<repeats {
            let ((lp, _, _), buildSeconds) = measure { problem.model() }
            sizes = (lp.constraintCount, lp.variableCount, lp.nonzeroCount)
            let (_, validateSeconds) = try measure { try lp.validate() }
            let (_, loadSeconds) = try measure { try GLPKProbe.load(lp) }
            print(
                String(
                    format: "  build %.3f s, validate %.3f s, validate + load into GLPK %.3f s", buildSeconds,
                    validateSeconds, loadSeconds))
            apiTimes.append(buildSeconds + loadSeconds)
            let (status, glpsolSeconds) = try measure { try runGlpsol(["--math", modelFile.path, "--check"]) }
            guard status == 0 else { throw BenchError(description: "glpsol --math --check failed (status \(status))") }
            glpsolTimes.append(glpsolSeconds)
        }
        let api = apiTimes.min()!
        let translator = glpsolTimes.min()!
        print("model: \(sizes.rows) rows, \(sizes.columns) columns, \(sizes.nonzeros) nonzeros")
        print(
            String(
                format: "API build + validate + load into GLPK: best %.3f s of %d  %@", api, repeats,
                apiTimes.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        print(
            String(
                format: "glpsol --math --check (translate + build): best %.3f s of %d  %@", translator, repeats,
                glpsolTimes.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        print(String(format: "ratio glpsol / API: %.1fx (goal >= 10x)", translator / api))
        print(String(format: "peak memory of this process: %.0f MiB", peakMemoryMiB()))
    }

    private func runGlpsol(_ arguments: [String]) throws -> Int32 {
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
