import ArgumentParser
import GLPKSolver
import OutputFiles

/// The `placement` command: plans AI-inference capacity across sovereign regions.
public struct PlacementCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract:
            "Decide where AI-inference capacity should be built across sovereign regions, and how much of it is at risk when demand moves.",
        discussion: ExitStatus.summary,
        version: "placement \(version) (GLPK \(GLPKSolver.glpkVersion))",
        subcommands: [
            OptimizeCommand.self, StressCommand.self, ReportCommand.self, SweepCommand.self, MergeCommand.self,
            ValidateCommand.self, ExportCommand.self, CompareCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line; an interruption removes temporary and lock files first.
    public static func main() {
        TransientFiles.removeOnSignals()
        main(nil)
    }
}
