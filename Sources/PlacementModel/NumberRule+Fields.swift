/// The documented range of every number field (docs/file-formats.md, "Number ranges"), used by
/// the loader and by number paths alike. Each is wide enough for any real study and narrow
/// enough that every LP coefficient stays finite and GLPK solves the LP (RangeBoundsTests).
extension NumberRule {
    // Study
    public static let discountRate = NumberRule.between(0, 1)
    public static let budgetUSD = NumberRule.between(0, 1e15)
    public static let integerBuildUnits = NumberRule.wholeBetween(1, 1e6)
    public static let routeFactor = NumberRule.between(1, 10)
    public static let baseMs = NumberRule.between(0, 1000)
    public static let year = NumberRule.wholeBetween(1900, 2200)
    // Region files
    public static let powerMW = NumberRule.between(0, 1e6)
    public static let pue = NumberRule.between(1, 10)
    public static let electricityUSDPerMWh = NumberRule.between(0, 1e5)
    public static let shellCapexUSDPerMW = NumberRule.between(0, 1e10)
    public static let fixedOMUSDPerMWYear = NumberRule.between(0, 1e9)
    public static let existingUnits = NumberRule.wholeBetween(0, 1e9)
    public static let rttMs = NumberRule.between(0.001, 1e5)
    // Hardware
    public static let memoryGB = NumberRule.between(0, 1e6)
    public static let powerKW = NumberRule.between(0.001, 1000)
    public static let capexUSD = NumberRule.between(0, 1e9)
    public static let lifetimeYears = NumberRule.wholeBetween(1, 100)
    public static let throughput = NumberRule.between(0, 1e9)
    // Workloads
    public static let latencySLOMs = NumberRule.between(0.001, 1e5)
    public static let dailyProfileEntry = NumberRule.between(0.001, 1000)
    // Tenants
    public static let priceUSDPerUnit = NumberRule.between(0, 1e4)
    public static let annualUnits = NumberRule.between(0, 1e18)
    // Scenarios
    public static let multiplier = NumberRule.between(0, 1000)
    public static let efficiency = NumberRule.between(0.001, 1000)
    // Uncertainty (docs/design.md §8): a yearly log volatility (10 is e^10 per standard deviation)
    // and drift (10 is a factor of e^10, about 22,000, a year).
    public static let volatility = NumberRule.between(0, 10)
    public static let drift = NumberRule.between(-10, 10)
}
