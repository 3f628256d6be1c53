import ArgumentParser

/// `placement-bench`: side-by-side benchmarks (bench/README.md), one subcommand per verb.
/// Each prints its figures and the ratio against its reference, both measured in the same
/// run. Not run by `swift test`.
struct PlacementBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement-bench",
        abstract: "Side-by-side benchmarks of SovereignPlacement against glpsol, published optima and HiGHS.",
        discussion: """
            Build in release mode first: swift build -c release --product placement-bench. \
            Exit status: 0 success, 64 usage error, 1 the benchmark failed.
            """,
        subcommands: [
            BuildBenchmark.self, ORLibraryBenchmark.self, GenerateStudyCommand.self, ScaleCommand.self,
            SweepBenchmark.self, BlockProbeCommand.self, AlternativesBenchmark.self, AdaptiveBenchmark.self,
            RiskBenchmark.self, ExplainBenchmark.self,
        ]
    )
}

/// A benchmark that could not run or whose input is unusable; `placement-bench` prints it and exits 1.
struct BenchError: Error, CustomStringConvertible {
    var description: String
}
