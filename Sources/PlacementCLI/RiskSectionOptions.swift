import ArgumentParser

/// `report --paths N [--seed S] [--plan FILE]`: the report's risk section, the plan held on
/// sampled paths as `placement risk` holds it (docs/design.md §8).
struct RiskSectionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Add a 'Risk over sampled paths' section: the plan held on this many paths drawn from the study's "
                + "uncertainty model, as `placement risk` computes it (1 to \(PathOptions.maximumPaths)).",
            valueName: "n"))
    var paths: Int?

    @Option(help: ArgumentHelp("The seed of the paths (with --paths; default 1).", valueName: "s"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Hold the builds of this saved `optimize --format json` result on the paths instead of the report's "
                + "plan (with --paths).", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var plan: String?

    func validate() throws {
        if let paths { try PathOptions.check(paths: paths) }
        if let seed { try PathOptions.check(seed: seed) }
        if paths == nil, seed != nil { throw ValidationError("--seed goes with --paths (the risk section)") }
        if paths == nil, plan != nil { throw ValidationError("--plan goes with --paths (the risk section)") }
        try ResultInput.checkSavedPlan(plan)
    }
}
