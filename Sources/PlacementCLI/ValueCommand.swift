import ArgumentParser
import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports

/// `placement value [STUDY]`: the value of information and of adaptivity (docs/design.md §9).
struct ValueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "The value of information: RP (here-and-now and adaptive), WS, EEV, EVPI, VSS and adaptivity.",
        discussion: """
            Solves the study with every build fixed at the start (RP here-and-now) and with builds \
            decided each year on what has been observed (RP adaptive: scenarios whose inputs agree in \
            every year before y share year y's builds), as if each scenario were known from the start \
            (WS), and for the mean scenario (every multiplier the probability-weighted mean), whose \
            builds are then held under the study's scenarios (EEV). Every figure is the study's own \
            objective in USD. EVPI = WS - RP and VSS = RP - EEV take RP in the study's `decisions` \
            mode; the value of adaptivity is RP(adaptive) - RP(here-and-now).

            \(ExitStatus.summary)
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func run() throws {
        try output.declare()
        let loaded = try StudyInput.load(study)
        if solver.method == .primal || solver.method == .dual {
            try ProgramSizeLimit.check(loaded.study, path: study, use: .solve)
        }
        let value = try Self.compute(loaded.study, solver: solver)
        let report = ValueReport(value, studyPath: study)
        try output.emit(report)
        if !value.allOptimal {
            printError("error: a solve was not proven optimal; the figures are those of the best plans found")
            throw ExitStatus.solverFailure
        }
    }

    /// The value of information of `study` with the solver flags, failures mapped to exit statuses
    /// (shared by `value` and `report --value`).
    static func compute(_ study: Study, solver: SolverOptions) throws -> ValueOfInformation {
        let pipeline = PlanningPipeline(
            solver: GLPKSolver(options: solver.glpkOptions), options: solver.planningOptions(analyse: false))
        let progress = ProgressIndicator("solving", enabled: !solver.showsDecompositionProgress)
        defer { progress.stop() }
        do { return try pipeline.valueOfInformation(study) } catch {
            progress.stop()
            printError("error: \(error)")
            if case PlanningError.unsupported = error { throw ExitStatus.usage }
            throw ExitStatus.solverFailure
        }
    }
}
