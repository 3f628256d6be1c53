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
           placement-bench orlib [--dir DIR] [--only NAME]
    """

    static func run(_ arguments: [String]) throws {
        guard let verb = arguments.first else { throw UsageError(description: usage) }
        let options = try parseOptions(Array(arguments.dropFirst()))
        switch verb {
        case "build-vs-mathprog":
            try BuildBenchmark.run(sources: Int(options["sources"] ?? "500") ?? 500,
                                   sinks: Int(options["sinks"] ?? "1000") ?? 1000,
                                   repeats: Int(options["repeat"] ?? "3") ?? 3)
        case "orlib":
            try ORLibraryBenchmark.run(directory: options["dir"] ?? "../shared/benchmarks/orlib-cap",
                                       only: options["only"])
        default:
            throw UsageError(description: "unknown benchmark '\(verb)'\n\(usage)")
        }
    }

    private static func parseOptions(_ arguments: [String]) throws -> [String: String] {
        var options = [String: String]()
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard flag.hasPrefix("--"), let value = iterator.next() else {
                throw UsageError(description: "expected --name value, got '\(flag)'\n\(usage)")
            }
            options[String(flag.dropFirst(2))] = value
        }
        return options
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
