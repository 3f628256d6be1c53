import ArgumentParser
import GLPKSolver

/// Flags that tune GLPK, shared by the commands that solve.
struct SolverOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop the solver after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .customLong("mip-gap"), help: ArgumentHelp("Relative MIP gap at which a MIP counts as solved (integer blocks only).", valueName: "gap"))
    var mipGap: Double?

    @Option(help: "Simplex method: primal (measured fastest on placement LPs) or dual.")
    var method: GLPKOptions.Method = .primal

    @Flag(name: .customLong("exact"), help: "Polish the optimum in exact rational arithmetic (glp_exact from the optimal basis).")
    var exact = false

    @Flag(name: .customLong("solver-log"), help: "Show GLPK's own output on stderr.")
    var solverLog = false

    /// GLPK takes the limit in milliseconds as a C int.
    static let maximumTimeLimit = Double(Int32.max / 1000)

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.maximumTimeLimit) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0 and at most "
                + "\(Int(Self.maximumTimeLimit)) (GLPK's limit, 24.8 days), got \(timeLimit)")
        }
        if let mipGap, !(mipGap >= 0 && mipGap < 1) {
            throw ValidationError("--mip-gap must be in [0, 1), got \(mipGap)")
        }
    }

    var glpkOptions: GLPKOptions {
        var options = GLPKOptions()
        options.method = method
        options.exactPolish = exact
        if let timeLimit { options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
        if let mipGap { options.mipGap = mipGap }
        options.log = solverLog ? .standardError : .off
        return options
    }
}

extension GLPKOptions.Method: ExpressibleByArgument {}
