import ArgumentParser

/// The exit statuses every command uses (sysexits.h), documented in the README.
enum ExitStatus {
    /// Bad flags or arguments (ArgumentParser's validation failures exit 64 too).
    static let usage = ExitCode(64)
    /// Input data is invalid: the located errors are on stderr.
    static let invalidData = ExitCode(65)
    /// An input file is missing or unreadable.
    static let missingInput = ExitCode(66)
    /// The solver failed (GLPK error, limit without a plan, numerical trouble).
    static let solverFailure = ExitCode(70)
    /// An output file could not be written.
    static let cannotCreateOutput = ExitCode(73)
}
