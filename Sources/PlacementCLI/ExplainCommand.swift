import ArgumentParser
import GLPKSolver
import PlacementModel
import PlacementPlanning
import PlacementReports

/// `placement explain [STUDY]`: the unit capex at which each fleet would enter or leave the plan.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "The unit capex at which each facility would start, or stop, building each accelerator.",
        discussion: """
            Solves the study (decomposed), then for every fleet (facility, accelerator) the plan does not build \
            finds the largest unit capex at which it would build some, and for every fleet it builds the unit \
            capex above which it would build none: by bisection to --tolerance on re-solves of the master with the \
            cuts it already has, each step checked against the blocks. Binding power limits and the budget are \
            given with their shadow prices. Studies with integer build blocks are searched exactly (each step a \
            branch and bound), which takes longer.

            \(ExitStatus.summary)
            """)

    @Argument(help: "The study file.")
    var study: String = StudyInput.defaultPath

    @Option(parsing: .unconditional, help: "The bisection's relative width (0.0001 to 0.1).")
    var tolerance: Double = 0.001

    @Option(
        name: .customLong("facility"),
        help: ArgumentHelp("Search only this facility's fleets (repeat for several; default: all).", valueName: "id"))
    var facilities: [String] = []

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    func validate() throws {
        if !(tolerance >= 0.0001 && tolerance <= 0.1) {
            throw ValidationError("--tolerance must be in [0.0001, 0.1], got \(tolerance)")
        }
    }

    func run() throws {
        try output.declare()
        let loaded = try StudyInput.load(study)
        let only = try Self.facilities(facilities, in: loaded.study)
        let prices = try Self.search(loaded.study, tolerance: tolerance, facilities: only, solver: solver)
        let report = ExplainReport(prices, studyPath: study)
        try output.emit(report)
    }

    /// The break-even prices of `study` with the solver flags, failures mapped to exit statuses
    /// (shared by `explain` and `report --explain`).
    static func search(
        _ study: Study, tolerance: Double, facilities: Set<FacilityID>? = nil, solver: SolverOptions
    ) throws -> BreakEvenPrices {
        try solver.decomposedSearch { try $0.explain(study, tolerance: tolerance, facilities: facilities) }
    }

    /// The `--facility` ids as a set (nil when none is given); an id the study does not have is a
    /// usage error naming the flag, with the nearest ids.
    static func facilities(_ ids: [String], in study: Study) throws -> Set<FacilityID>? {
        guard !ids.isEmpty else { return nil }
        let known = study.facilities.map(\.id.rawValue)
        for id in ids where !known.contains(id) {
            let hint = Suggestions.hint(for: id, among: known, noun: "facilities").map { "; \($0)" } ?? ""
            printError("error: --facility \(id): the study has no such facility\(hint)")
            throw ExitStatus.usage
        }
        return Set(ids.map { FacilityID($0) })
    }
}
