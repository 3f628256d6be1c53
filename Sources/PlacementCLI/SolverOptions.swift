import ArgumentParser
import Foundation
import GLPKSolver
import PlacementPlanning

/// Flags that tune GLPK, shared by the commands that solve.
struct SolverOptions: ParsableArguments {
    // `.unconditional`: a negative value (`--time-limit -1`) is read as the value and refused
    // by validate() naming the flag, not taken for a flag ("Missing value").
    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: ArgumentHelp("Stop the solver after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(
        name: .customLong("mip-gap"), parsing: .unconditional,
        help: ArgumentHelp("Relative MIP gap at which a MIP counts as solved (integer blocks only).", valueName: "gap"))
    var mipGap: Double?

    @Option(
        help: ArgumentHelp(
            "How the investment LP is solved: auto, decomposed (regularized Benders over year and scenario blocks), "
                + "primal or dual (the whole LP by GLPK's simplex). auto decomposes when the blocks hold over 25,000 nonzeros.",
            valueName: "method"))
    var method: PlanningOptions.Method = .auto

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Worker threads for the dispatch blocks (default: the machine's cores); results do not depend on it.",
            valueName: "n"))
    var threads: Int?

    @Option(
        name: .customLong("gap"), parsing: .unconditional,
        help: ArgumentHelp(
            "Relative gap at which the decomposed solve stops (below 1e-9, round-off, it stops at 1e-9).",
            valueName: "gap"))
    var relativeGap: Double = 1e-7

    @Flag(
        name: .customLong("exact"),
        help: "Polish the optimum in exact rational arithmetic (glp_exact from the optimal basis).")
    var exact = false

    @Flag(name: .customLong("solver-log"), help: "Show GLPK's own output on stderr.")
    var solverLog = false

    /// GLPK takes the limit in milliseconds as a C int.
    static let maximumTimeLimit = Double(Int32.max / 1000)

    func validate() throws {
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--threads must be between 1 and 256, got \(threads)")
        }
        if !(relativeGap >= 0 && relativeGap < 1) {
            throw ValidationError("--gap must be in [0, 1), got \(relativeGap)")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.maximumTimeLimit) {
            throw ValidationError(
                "--time-limit must be a number of seconds greater than 0 and at most "
                    + "\(Int(Self.maximumTimeLimit)) (GLPK's limit, 24.8 days), got \(timeLimit)")
        }
        if let mipGap, !(mipGap >= 0 && mipGap < 1) {
            throw ValidationError("--mip-gap must be in [0, 1), got \(mipGap)")
        }
    }

    var glpkOptions: GLPKOptions {
        var options = GLPKOptions()
        options.method = method == .dual ? .dual : .primal
        options.exactPolish = exact
        if let timeLimit { options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
        if let mipGap { options.mipGap = mipGap }
        options.log = solverLog ? .standardError : .off
        return options
    }

    /// Decomposition progress lines go to stderr when it is a terminal, and always with --solver-log.
    var showsDecompositionProgress: Bool {
        method != .primal && method != .dual && (solverLog || standardErrorIsTerminal)
    }

    func planningOptions(analyse: Bool, progress: Bool = true) -> PlanningOptions {
        var options = PlanningOptions()
        options.method = method
        options.analyse = analyse
        options.relativeGap = relativeGap
        if let threads { options.threads = threads }
        if let timeLimit { options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
        if progress && showsDecompositionProgress {
            options.progress = { step in printError(step.line) }
        }
        return options
    }
}

extension PlanningOptions.Method: ExpressibleByArgument {}
