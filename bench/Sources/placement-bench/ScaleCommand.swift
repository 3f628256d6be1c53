import ArgumentParser
import Foundation

/// `scale`: studies through the `placement optimize` pipeline, timed by phase, with glpsol
/// and HiGHS on the same LP side by side (see ``ScaleBenchmark``).
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Load, build, solve and read each study, timed by phase; optionally glpsol and HiGHS on the same LP.",
        discussion: """
            Studies run one after another, each with its own peak memory, and a side-by-side table closes the run. \
            --highs needs Python with highspy (pip install highspy); the tests never do.
            """
    )

    @Option(name: .customLong("study"), help: ArgumentHelp("A study file; repeat for several.", valueName: "path"))
    var studies: [String] = []

    @Option(help: ArgumentHelp("How the tool solves; repeat for several (default primal).", valueName: "method"))
    var method: [ScaleMethod] = []

    @Flag(help: "Also solve the exported free MPS with glpsol, the objective checked against ours.")
    var glpsol = false

    @Flag(help: "Also solve the exported free MPS with HiGHS on one thread (bench/highs_solve.py).")
    var highs = false

    @Option(name: .customLong("highs-script"), help: ArgumentHelp("The HiGHS script.", valueName: "path"))
    var highsScript = "bench/highs_solve.py"

    @Option(help: ArgumentHelp("The Python interpreter with highspy.", valueName: "command"))
    var python = "python3"

    @Flag(name: .customLong("build-only"), help: "Stop after the build: the LP's size in seconds.")
    var buildOnly = false

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp(
            "Stop each solver after this many seconds.",
            valueName: "seconds"))
    var timeLimit: Double?

    @Flag(name: .customLong("solver-log"), help: "Stream the solvers' own progress to stderr.")
    var solverLog = false

    @Flag(help: "Print one line per decomposition iteration to stderr (without the solvers' own output).")
    var progress = false

    @Option(
        name: .customLong("monolithic-max-nonzeros"),
        help: ArgumentHelp(
            "Skip the monolithic GLPK methods on studies with more nonzeros (HiGHS still runs).",
            valueName: "count"))
    var monolithicMaxNonzeros: Int?

    func validate() throws {
        guard !studies.isEmpty else {
            throw ValidationError("scale needs --study PATH (repeat it for several studies)")
        }
        for study in studies where !FileManager.default.fileExists(atPath: study) {
            throw ValidationError("--study \(study): no such file")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
        if let monolithicMaxNonzeros, monolithicMaxNonzeros < 0 {
            throw ValidationError("--monolithic-max-nonzeros must be at least 0, got \(monolithicMaxNonzeros)")
        }
        if buildOnly, glpsol || highs {
            throw ValidationError("--build-only stops after the build: drop --glpsol and --highs")
        }
        if highs, !FileManager.default.fileExists(atPath: highsScript) {
            throw ValidationError("--highs-script \(highsScript): no such file (run from the package root)")
        }
    }

    func run() throws {
        let options = ScaleBenchmark.Options(
            methods: method.isEmpty ? [ScaleMethod.pipeline(.primal)] : method, glpsol: glpsol,
            highs: highs ? .init(script: highsScript, python: python) : nil, buildOnly: buildOnly,
            timeLimit: timeLimit, solverLog: solverLog, progress: progress, monolithicMaxNonzeros: monolithicMaxNonzeros
        )
        var rows: [ScaleBenchmark.Row] = []
        for (number, study) in studies.enumerated() {
            if number > 0 { print() }
            rows += try ScaleBenchmark(options: options).run(study: study)
        }
        if !buildOnly, rows.count > 1 { ScaleBenchmark.printTable(rows) }
    }
}
