/// The documented range of every number field (docs/file-formats.md, "Number ranges"), used by
/// the loader and by number paths alike. Each is wide enough for any real study and narrow
/// enough that every LP coefficient stays finite and GLPK solves the LP (RangeBoundsTests).
public extension NumberRule {
    // Study
    static let discountRate = NumberRule.between(0, 1)
    static let budgetUSD = NumberRule.between(0, 1e15)
    static let integerBlockUnits = NumberRule.wholeBetween(1, 1e6)
    static let routeFactor = NumberRule.between(1, 10)
    static let baseMs = NumberRule.between(0, 1000)
    static let year = NumberRule.wholeBetween(1900, 2200)
    // Region files
    static let powerMW = NumberRule.between(0, 1e6)
    static let pue = NumberRule.between(1, 10)
    static let electricityUSDPerMWh = NumberRule.between(0, 1e5)
    static let shellCapexUSDPerMW = NumberRule.between(0, 1e10)
    static let fixedOMUSDPerMWYear = NumberRule.between(0, 1e9)
    static let existingUnits = NumberRule.wholeBetween(0, 1e9)
    static let rttMs = NumberRule.between(0.001, 1e5)
    // Hardware
    static let memoryGB = NumberRule.between(0, 1e6)
    static let powerKW = NumberRule.between(0.001, 1000)
    static let capexUSD = NumberRule.between(0, 1e9)
    static let lifetimeYears = NumberRule.wholeBetween(1, 100)
    static let throughput = NumberRule.between(0, 1e9)
    // Workloads
    static let latencySLOMs = NumberRule.between(0.001, 1e5)
    static let dailyProfileEntry = NumberRule.between(0.001, 1000)
    // Tenants
    static let priceUSDPerUnit = NumberRule.between(0, 1e4)
    static let annualUnits = NumberRule.between(0, 1e18)
    // Scenarios
    static let multiplier = NumberRule.between(0, 1000)
    static let efficiency = NumberRule.between(0.001, 1000)
}
