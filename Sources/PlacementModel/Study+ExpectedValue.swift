/// The expected-value study of the value of information (docs/design.md §9).
extension Study {
    /// The id of the expected-value study's one scenario.
    public static let expectedValueScenarioID: ScenarioID = "expected-value"

    /// One scenario whose every multiplier (demand, price, efficiency of each workload any
    /// scenario lists; electricity of each region) in every horizon year is the probability-weighted
    /// mean of the scenarios' (after carry-forward), with probability 1.
    ///
    /// ```swift
    /// let mean = study.expectedValueScenario()
    /// mean.demandMultiplier(for: "video", in: 2028)   // sum of p_s x mdem(video, 2028, s)
    /// ```
    public func expectedValueScenario() -> Scenario {
        let total = scenarios.reduce(0) { $0 + $1.probability }
        let weights = scenarios.map { total > 0 ? $0.probability / total : 1 / Double(scenarios.count) }
        func mean<Key: Hashable & Comparable>(
            _ series: KeyPath<Scenario, [Key: YearSeries]>, _ multiplier: (Scenario, Key, Int) -> Double
        ) -> [Key: YearSeries] {
            let keys = Set(scenarios.flatMap { $0[keyPath: series].keys }).sorted()
            return Dictionary(
                uniqueKeysWithValues: keys.map { key in
                    let values = horizon.years.map { year in
                        (year, zip(scenarios, weights).reduce(0) { $0 + $1.1 * multiplier($1.0, key, year) })
                    }
                    return (key, YearSeries(Dictionary(uniqueKeysWithValues: values)))
                })
        }
        return Scenario(
            id: Self.expectedValueScenarioID, name: "Expected value (probability-weighted mean of the scenarios)",
            probability: 1,
            demand: mean(\.demand) { $0.demandMultiplier(for: $1, in: $2) },
            price: mean(\.price) { $0.priceMultiplier(for: $1, in: $2) },
            efficiency: mean(\.efficiency) { $0.efficiencyMultiplier(for: $1, in: $2) },
            electricity: mean(\.electricity) { $0.electricityMultiplier(for: $1, in: $2) })
    }

    /// This study with its scenarios replaced by ``expectedValueScenario()``, decided here and now
    /// (one scenario has one node a year).
    ///
    /// - Throws: ``StudyError`` when the scenario cannot replace the study's (it always can).
    public func expectedValueStudy() throws(StudyError) -> Study {
        try replacingScenarios([expectedValueScenario()]).withDecisions(.hereAndNow)
    }
}
