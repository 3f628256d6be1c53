import ArgumentParser

/// `placement stress [STUDY]`: resilience and stranded-asset tables.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress",
        abstract: "Stress the optimal plan: utilization resilience when one workload's demand falls, and stranded-asset risk.",
        discussion: ExitStatus.summary)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func run() throws {
        try output.declare()
        let run = try PlanningRun(path: study, solver: solver, analyse: true)
        switch output.format {
        case .table: try output.emit(run.report.stressTables())
        case .json: try output.emit(run.report.json().serialized() + "\n")
        case .csv: try output.emit(run.report.csv().text)
        }
        try run.checkOutcome()
    }
}
