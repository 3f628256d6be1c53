import ArgumentParser
import Foundation
import GLPKSolver
import PlacementExport
import PlacementOptimizer

/// `placement export STUDY --format lp|mps|gmpl --output PATH`: the study's program written
/// for another solver, without solving it (load and build only).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a study's linear program (LP, MPS or GNU MathProg) without solving it.",
        discussion: """
            lp: CPLEX LP format (glpsol --lp FILE). mps: free MPS, minimising -objective \
            (glpsol --freemps FILE). gmpl: a readable GNU MathProg model PATH.mod and its data \
            PATH.dat (glpsol --math PATH.mod --data PATH.dat); a PATH ending in .mod or .dat is \
            taken without that extension. Money in the objective is in thousands of USD \
            (docs/formulation.md). Files are written atomically.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 73 output not writable.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, mps, gmpl
    }

    @Argument(help: "The study file.", completion: .file(extensions: ["yaml", "yml"]))
    var study: String = StudyInput.defaultPath

    @Option(help: "File format: lp, mps or gmpl.")
    var format: Format

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The file to write (gmpl: the path without .mod/.dat).",
            valueName: "path"), completion: .file())
    var output: String

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name ('-' for stdout)") }
        if output == "-" && format == .gmpl {
            throw ValidationError(
                "--output - is not possible with --format gmpl: it writes two files, PATH.mod and PATH.dat")
        }
    }

    func run() throws {
        let written = format == .gmpl ? [Self.basePath(output) + ".mod", Self.basePath(output) + ".dat"] : [output]
        for path in written { try RunFiles.declareOutput(path, flag: "--output") }
        let loaded = try StudyInput.load(study)
        try ProgramSizeLimit.check(loaded.study, path: study, use: format == .gmpl ? .mathProg : .modelFile)
        let program: PlacementProgram
        do { program = try PlacementProgramBuilder(study: loaded.study).build() } catch {
            printError("error: \(study): \(error)")
            throw ExitStatus.invalidData
        }
        switch format {
        case .lp, .mps:
            try ModelExport.write(
                program.model, format: format == .lp ? .cplexLP : .freeMPS, to: output, flag: "--output")
        case .gmpl:
            let files: MathProgExport
            do { files = try MathProgExport(program: program, title: study) } catch {
                printError("error: \(error)")
                throw ExitStatus.invalidData
            }
            // The pair is replaced together: a new model beside an old data file would still solve.
            try OutputWriter.write(
                together: zip(written, [files.model, files.data]).map { (Data($1.utf8), $0, "--output") })
        }
        let model = program.model
        // With the model on standard output, the summary goes to standard error: one document a stream.
        let summary: (String) throws -> Void = output == "-" ? { printError($0) } : { try StandardOutput.write($0) }
        try summary(
            "wrote \(output == "-" ? "standard output" : written.joined(separator: " and ")): \(model.constraintCount) rows, "
                + "\(model.variableCount) columns, \(model.nonzeroCount) nonzeros"
                + (model.hasIntegerVariables ? ", integer builds" : ""))
    }

    /// `plan`, `plan.mod` and `plan.dat` all mean the pair plan.mod, plan.dat.
    static func basePath(_ path: String) -> String {
        for suffix in [".mod", ".dat"] where path.hasSuffix(suffix) { return String(path.dropLast(suffix.count)) }
        return path
    }
}
