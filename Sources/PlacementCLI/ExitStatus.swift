import ArgumentParser
import PlacementLoader

/// The exit statuses every command uses (sysexits.h), documented in the README.
enum ExitStatus {
    /// Bad flags or arguments, or an output that is an input of the run (ArgumentParser's
    /// validation failures exit 64 too).
    static let usage = ExitCode(64)
    /// The solver failed (GLPK error, limit without a plan, numerical trouble).
    static let solverFailure = ExitCode(70)
    /// An output file or standard output could not be written, or another sweep holds the outputs.
    static let cannotCreateOutput = ExitCode(73)

    /// Invalid data (65) or a missing or unreadable input (66), as the loader classified it.
    static func loadFailure(_ kind: LoadFailure.Kind) -> ExitCode { ExitCode(kind.exitCode) }

    /// Invalid input data that is not a load failure (a sweep's partial or shard file).
    static let invalidData = loadFailure(.invalidData)
    /// An input file that is missing or unreadable.
    static let missingInput = loadFailure(.missingInput)

    /// The one paragraph every command's help ends with.
    static let summary = """
        Exit status: 0 success, 64 usage error (or an output that is an input), 65 invalid input data, \
        66 input missing or unreadable, 70 solver failure, 73 output not writable.
        """
}
