import ArgumentParser
import Foundation
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
            ValidateCommand.self, ExportCommand.self, CompareCommand.self, SampleCommand.self,
            AlternativesCommand.self, ExplainCommand.self, RiskCommand.self, EvaluateCommand.self, ValueCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line; an interruption removes temporary and lock files first.
    public static func main() {
        // A write beyond `ulimit -f` (SIGXFSZ) or into a closed pipe (SIGPIPE) must fail as an
        // error the writer sees (exit 73, temporary files removed), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        TransientFiles.removeOnSignals()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            // --help, --version and completion scripts: ArgumentParser would print them unchecked
            // and exit 0 even when nothing could be written.
            if exitCode(for: error) == .success {
                do { try StandardOutput.write(fullMessage(for: error)) } catch { exit(withError: error) }
                exit(withError: nil)
            }
            exit(withError: error)
        }
    }
}
