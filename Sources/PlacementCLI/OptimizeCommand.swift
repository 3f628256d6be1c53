import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming

/// `placement optimize [STUDY]`: the plan, its value and its risk figures.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract:
            "Find where to build capacity: the plan, NPV by scenario, utilization, resilience, stranded-asset risk and binding limits.",
        discussion: ExitStatus.summary)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    @Option(
        name: .customLong("export-lp"),
        help: ArgumentHelp("Also write the model in CPLEX LP format.", valueName: "file"))
    var exportLP: String?

    @Option(
        name: .customLong("export-mps"),
        help: ArgumentHelp("Also write the model in free MPS format (minimises -objective).", valueName: "file"))
    var exportMPS: String?

    @Flag(name: .customLong("skip-analysis"), help: "Skip the stress re-solves and stranded-asset risk.")
    var skipAnalysis = false

    @Flag(name: .customLong("timings"), help: "Include wall-clock times in JSON output (they make runs differ).")
    var includeTimings = false

    func run() throws {
        try output.declare()
        if let exportLP { try RunFiles.declareOutput(exportLP, flag: "--export-lp") }
        if let exportMPS { try RunFiles.declareOutput(exportMPS, flag: "--export-mps") }
        let run = try PlanningRun(
            path: study, solver: solver, analyse: !skipAnalysis, exportsModel: exportLP != nil || exportMPS != nil)
        if exportLP != nil || exportMPS != nil { try export(run.investmentModel()) }
        switch output.format {
        case .table: try output.emitTable(run.report.table())
        case .json: try output.emit(run.report.json(includeTimings: includeTimings).serialized() + "\n")
        case .csv: try output.emit(run.report.csv().text)
        case .xlsx: try output.emitWorkbook(run.report.workbook())
        }
        try run.checkOutcome()
    }

    private func export(_ model: LinearProgram) throws {
        let exports = [(exportLP, "--export-lp", ModelFileFormat.cplexLP), (exportMPS, "--export-mps", .freeMPS)]
        for (path, flag, format) in exports {
            guard let path else { continue }
            try ModelExport.write(model, format: format, to: path, flag: flag)
        }
    }
}
