import PlacementOptimizer

/// The placement program of a study as GNU MathProg: a readable, commented model file and a
/// data file with the study's numbers (docs/design.md §3). `glpsol --math MODEL --data DATA`
/// generates the same rows and columns as the tool and reaches the same optimum.
///
/// ```swift
/// let program = try PlacementProgramBuilder(study: study).build()
/// let export = try MathProgExport(program: program, title: "Models/baseline.yaml")
/// try export.model.write(toFile: "plan.mod", atomically: true, encoding: .utf8)
/// try export.data.write(toFile: "plan.dat", atomically: true, encoding: .utf8)
/// ```
public struct MathProgExport: Sendable {
    /// Why a program cannot be written as the placement model.
    public struct ExportError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The model file (`.mod`).
    public let model: String
    /// The data file (`.dat`).
    public let data: String

    /// `program` must be the full investment program of its study (`ProgramOptions()`), not a
    /// dispatch re-solve around a fixed plan, a subset of scenarios or a stress case.
    public init(program: PlacementProgram, title: String) throws {
        let options = program.options
        guard options.fixedBuilds == nil, options.scenarios == nil, options.demandScale.isEmpty else {
            throw ExportError(description: "only the full investment program of a study can be written as MathProg "
                + "(this one holds builds fixed, selects scenarios or scales demand)")
        }
        let study = program.index.study
        let parts = MathProgModelText.Parts(
            integerBuilds: program.model.hasIntegerVariables, budget: program.budgetRow != nil,
            risk: program.cvarEta != nil, categoryShare: study.policy.maxCategoryShare < 1)
        model = MathProgModelText(title: title, parts: parts).text
        data = MathProgDataText(program: program, title: title).text
    }
}
