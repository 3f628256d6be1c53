import PlacementOptimizer

/// The placement program of a study as GNU MathProg: a readable, commented model file and a
/// data file with the study's numbers (docs/design.md §3). `glpsol --math MODEL --data DATA`
/// generates the same rows and columns as the tool and reaches the same optimum. With several
/// nodes in some year (adaptive decisions) the model is written over the scenario tree: builds
/// per node, each scenario's capacity from the builds on its path (docs/formulation.md).
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

    /// `program` must be the investment program of its whole study (`ProgramOptions()`): the
    /// model file weighs every scenario of the data file.
    public init(program: PlacementProgram, title: String) throws {
        guard program.options.scenarios == nil else {
            throw ExportError(
                description: "only the program of all of a study's scenarios can be written as MathProg "
                    + "(this one selects some)")
        }
        let study = program.index.study
        let parts = MathProgModelText.Parts(
            integerBuilds: program.model.hasIntegerVariables, budget: program.budgetRow != nil,
            risk: program.cvarEta != nil, categoryShare: study.policy.maxCategoryShare < 1,
            nodes: !program.index.tree.isSingleNodePerYear)
        model = MathProgModelText(title: title, parts: parts).text
        data = MathProgDataText(program: program, title: title).text
    }
}
