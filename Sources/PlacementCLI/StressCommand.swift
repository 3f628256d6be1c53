import ArgumentParser

/// `placement stress [STUDY]`: resilience and stranded-asset tables.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress",
        abstract:
            "Stress the optimal plan: utilization resilience when one workload's demand falls, and stranded-asset risk.",
        discussion: """
            Every figure comes from one canonical dispatch (docs/design.md §4, revision 2): with the builds \
            held at the plan, each (year, scenario) block keeps its optimal value to 1e-9 of it (1e-7 where \
            the simplex's optimum is only that exact) and, subject to that, keeps as many accelerators busy as \
            it can. Ties between equally good dispatches therefore cannot move utilization, resilience or \
            stranded value, whichever solver, start or thread count found the plan. Stranded value is the book \
            value each block could write off at no loss of value (a second small LP per block); at-risk value \
            is per facility. Both stages are warm re-solves of each block (about 0.1 s on the bundled study); \
            see docs/formulation.md.

            \(ExitStatus.summary)
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func run() throws {
        try output.declare()
        let run = try PlanningRun(path: study, solver: solver, analyse: true)
        switch output.format {
        case .table: try output.emitTable(run.report.stressTables())
        case .json: try output.emit(run.report.json().serialized() + "\n")
        case .csv: try output.emit(run.report.csv().text)
        case .xlsx: try output.emitWorkbook(run.report.workbook())
        }
        try run.checkOutcome()
    }
}
