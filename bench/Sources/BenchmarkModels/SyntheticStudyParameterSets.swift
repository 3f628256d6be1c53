/// The named synthetic studies the benchmarks and tests use, and the flags that write them.
///
/// ```swift
/// let forty = try SyntheticStudy(.reportForty)        // the HTML report's 40-facility study
/// let same = SyntheticStudy.Parameters.named["report-40"]
/// print(SyntheticStudy.Parameters.million.arguments.joined(separator: " "))
/// // --facilities 24 --zones 48 --tenants 45 --years 5 --scenarios 4 --slices 6 --seed 1
/// ```
extension SyntheticStudy.Parameters {
    /// `generate-study`'s defaults: 12 facilities, 24 zones, 12 tenants, 5 years, 4 scenarios, 6 slices.
    public static let standard = Self()

    /// The ~1,000,000-nonzero study of the scale benchmark (26,041 rows, 501,425 columns,
    /// 987,620 nonzeros): GLPK's primal simplex needs about 34 minutes on it.
    public static let million = Self(facilities: 24, zones: 48, tenants: 45, years: 5, scenarios: 4, slices: 6, seed: 1)

    /// The study no monolithic solve can touch (issue 9): hourly slices, a ten-year horizon
    /// (2026-2035), a dozen scenarios, 40 facilities and 80 zones, with tenants in the
    /// million study's proportion to zones.
    public static let hourlyDecade = Self(
        facilities: 40, zones: 80, tenants: 75, years: 10, scenarios: 12, slices: 24,
        seed: 1)

    /// The HTML report's layout study: 40 facilities with long ids and names full of markup
    /// in one region around four zones, over two years and two scenarios, small enough to
    /// solve and analyse in seconds.
    public static let reportForty = Self(
        facilities: 40, zones: 4, tenants: 3, years: 2, scenarios: 2, slices: 2, seed: 7,
        regions: 1, hostileNames: true)

    /// Every named set, in the order `generate-study --help` lists them.
    public static let catalogue: [(name: String, parameters: Self)] = [
        ("standard", .standard), ("million", .million), ("hourly-decade", .hourlyDecade), ("report-40", .reportForty),
    ]

    /// The named sets by name.
    public static let named = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.name, $0.parameters) })

    /// The `placement-bench generate-study` flags that write this study (without `--out`).
    public var arguments: [String] {
        var flags = [
            "--facilities", "\(facilities)", "--zones", "\(zones)", "--tenants", "\(tenants)",
            "--years", "\(years)", "--scenarios", "\(scenarios)", "--slices", "\(slices)", "--seed", "\(seed)",
        ]
        if let regions { flags += ["--regions", "\(regions)"] }
        if startYear != Self.standard.startYear { flags += ["--start", "\(startYear)"] }
        if hostileNames { flags.append("--hostile-names") }
        return flags
    }
}
