/// A study with other scenarios: the same structure, such as sampled paths (docs/design.md §8).
extension Study {
    /// This study with `scenarios` in place of its own. The stress reference is kept when it is
    /// among them, else it becomes the first (as the loader's default does); the uncertainty
    /// model is dropped, since it described the study's own scenarios file.
    ///
    /// ```swift
    /// let paths = try study.replacingScenarios([Scenario(id: "path-00001", probability: 1)])
    /// ```
    ///
    /// - Throws: ``StudyError`` when `scenarios` is empty or an id repeats.
    public func replacingScenarios(_ scenarios: [Scenario]) throws(StudyError) -> Study {
        guard let first = scenarios.first else { throw StudyError("a study needs a scenario") }
        var study = self
        study.scenarios = scenarios
        if !scenarios.contains(where: { $0.id == stress.reference }) {
            study.stress = StressSettings(shock: stress.shock, reference: first.id)
        }
        study.uncertainty = nil
        study.index = try StudyIndex(
            regions: regions, hardware: hardware, workloads: workloads, tenants: tenants, scenarios: scenarios)
        try StudyIndex.checkReferences(of: study)
        return study
    }
}
