import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming

/// The benchmark verbs. Each prints its figures and the ratio against its reference,
/// both measured in the same run.
enum BenchCommand {
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static let usage = """
    usage: placement-bench build-vs-mathprog [--sources N] [--sinks N] [--repeat N]
           placement-bench orlib --dir DIR [--only NAME]
           placement-bench generate-study --out DIR --facilities N --zones N --tenants N --years N
                                          --scenarios N --slices N [--seed S] [--regions N]
           placement-bench scale --study PATH [--method primal|dual] [--glpsol] [--build-only]
                                 [--time-limit SECONDS] [--solver-log]
           placement-bench sweep [--sweep bench/sweeps/power-price-200.yaml] [--sample 6]
                                 [--block-size 25] [--workers 2]
    """

    /// Flags that take no value.
    static let switches: Set<String> = ["glpsol", "build-only", "solver-log"]

    static func run(_ arguments: [String]) throws {
        guard let verb = arguments.first else { throw UsageError(description: usage) }
        let options = try parseOptions(Array(arguments.dropFirst()))
        switch verb {
        case "build-vs-mathprog":
            try BuildBenchmark.run(sources: Int(options["sources"] ?? "500") ?? 500,
                                   sinks: Int(options["sinks"] ?? "1000") ?? 1000,
                                   repeats: Int(options["repeat"] ?? "3") ?? 3)
        case "orlib":
            // The instances capa/b/c are not in the repository: the directory is the user's copy.
            guard let directory = options["dir"] else { throw UsageError(description: "orlib needs --dir DIR\n\(usage)") }
            try ORLibraryBenchmark.run(directory: directory, only: options["only"])
        case "generate-study":
            guard let directory = options["out"] else { throw UsageError(description: "generate-study needs --out DIR\n\(usage)") }
            let parameters = SyntheticStudy.Parameters(
                facilities: try integer(options, "facilities", 12), zones: try integer(options, "zones", 24),
                tenants: try integer(options, "tenants", 12), years: try integer(options, "years", 5),
                scenarios: try integer(options, "scenarios", 4), slices: try integer(options, "slices", 6),
                seed: try seed(options["seed"]),
                regions: options["regions"] == nil ? nil : try integer(options, "regions", 0))
            try GenerateStudyCommand.run(directory: directory, parameters: parameters)
        case "sweep":
            try SweepBenchmark.run(sweepPath: options["sweep"] ?? "bench/sweeps/power-price-200.yaml",
                                   sample: try integer(options, "sample", 6), blockSize: try integer(options, "block-size", 25),
                                   workers: try integer(options, "workers", 2))
        case "scale":
            guard let study = options["study"] else { throw UsageError(description: "scale needs --study PATH\n\(usage)") }
            var scale = ScaleBenchmark.Options(study: study)
            if let method = options["method"] {
                guard let parsed = GLPKOptions.Method(rawValue: method) else {
                    throw UsageError(description: "--method must be primal or dual, got '\(method)'")
                }
                scale.method = parsed
            }
            if let limit = options["time-limit"] {
                guard let seconds = Double(limit), seconds > 0, seconds.isFinite else {
                    throw UsageError(description: "--time-limit must be a positive number of seconds, got '\(limit)'")
                }
                scale.timeLimit = seconds
            }
            scale.glpsol = options["glpsol"] != nil
            scale.buildOnly = options["build-only"] != nil
            scale.solverLog = options["solver-log"] != nil
            try ScaleBenchmark.run(scale)
        default:
            throw UsageError(description: "unknown benchmark '\(verb)'\n\(usage)")
        }
    }

    private static func parseOptions(_ arguments: [String]) throws -> [String: String] {
        var options = [String: String]()
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            let name = String(flag.dropFirst(2))
            if flag.hasPrefix("--"), switches.contains(name) {
                options[name] = "true"
                continue
            }
            guard flag.hasPrefix("--"), let value = iterator.next() else {
                throw UsageError(description: "expected --name value, got '\(flag)'\n\(usage)")
            }
            options[name] = value
        }
        return options
    }

    private static func seed(_ text: String?) throws -> UInt64 {
        guard let text else { return 1 }
        guard let value = UInt64(text) else { throw UsageError(description: "--seed must be a whole number >= 0, got '\(text)'") }
        return value
    }

    private static func integer(_ options: [String: String], _ name: String, _ fallback: Int) throws -> Int {
        guard let text = options[name] else { return fallback }
        guard let value = Int(text) else { throw UsageError(description: "--\(name) must be a whole number, got '\(text)'") }
        return value
    }
}

/// Wall-clock seconds of `body`.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// Peak resident memory of this process so far, in MiB (Linux VmHWM).
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return .nan }
    return kilobytes / 1024
}
