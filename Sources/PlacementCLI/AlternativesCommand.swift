import ArgumentParser
import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports

/// `placement alternatives [STUDY]`: which sites every good plan uses, and which it can drop.
struct AlternativesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alternatives",
        abstract:
            "The range of build capital each site (or region, jurisdiction, accelerator) takes over near-optimal plans.",
        discussion: """
            Solves the study (decomposed), then for each group minimises and maximises the capital of its builds \
            over every plan whose objective is within --slack of the optimum, re-solving the master with the cuts \
            it already has. Each group's verdict reads its range against --material of the optimal plan's build \
            capital: essential (every such plan invests that much there), excluded (none does), optional. With \
            integer build blocks every master re-solve is a branch and bound, so the ranges are exact there too.

            \(ExitStatus.summary)
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @Option(parsing: .unconditional, help: "The share of the optimum's magnitude a plan may give up (0 to 0.5).")
    var slack: Double = 0.02

    @Option(help: "Group the fleets by facility, region, jurisdiction or hardware.")
    var by: NearOptimalAlternatives.Grouping = .facility

    @Option(
        parsing: .unconditional, help: "The share of the optimal plan's build capital that counts as material (0 to 1)."
    )
    var material: Double = 0.01

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func validate() throws {
        if !(slack >= 0 && slack <= 0.5) { throw ValidationError("--slack must be in [0, 0.5], got \(slack)") }
        if !(material >= 0 && material <= 1) { throw ValidationError("--material must be in [0, 1], got \(material)") }
    }

    func run() throws {
        try output.declare()
        let loaded = try StudyInput.load(study)
        let alternatives = try Self.search(loaded.study, slack: slack, by: by, solver: solver)
        let report = AlternativesReport(alternatives, studyPath: study, material: material)
        try output.emit(report)
    }

    /// The near-optimal alternatives of `study` with the solver flags, failures mapped to exit
    /// statuses (shared by `alternatives` and `report --alternatives`).
    static func search(
        _ study: Study, slack: Double, by grouping: NearOptimalAlternatives.Grouping, solver: SolverOptions
    ) throws -> NearOptimalAlternatives {
        try solver.decomposedSearch { try $0.alternatives(study, slack: slack, by: grouping) }
    }
}

extension NearOptimalAlternatives.Grouping: ExpressibleByArgument {}
