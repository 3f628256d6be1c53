import ArgumentParser
import GLPKSolver

/// The `placement` command: plans AI-inference capacity across sovereign regions.
public struct PlacementCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: "Decide where AI-inference capacity should be built across sovereign regions, and how much of it is at risk when demand moves.",
        discussion: "Exit status: 0 success, 64 usage error, 65 invalid input data, 66 input missing or unreadable, "
            + "70 solver failure, 73 output not writable.",
        version: "placement \(version) (GLPK \(GLPKSolver.glpkVersion))",
        subcommands: [OptimizeCommand.self, StressCommand.self, ReportCommand.self, SweepCommand.self, MergeCommand.self,
                      ValidateCommand.self, ExportCommand.self, CompareCommand.self]
    )

    public init() {}
}
