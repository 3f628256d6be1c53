import Foundation

/// A synthetic study of any size in the tool's study file schema:
/// region files, hardware, workloads, tenants, scenarios and the study file.
///
/// Everything is drawn from one `SplitMix64` seed, so the same parameters give the same
/// bytes on every machine. The shape follows the bundled study so the LP has the same
/// structure, only larger: regions laid out a few thousand km apart (video reaches a
/// neighbouring region, embodied only nearby sites, reasoning everything), countries
/// with their own time zone and export rules, facilities whose power grows over the
/// horizon, the three accelerator classes and the three workloads of the bundled
/// study, tenants with every residency, and scenarios that move demand, prices,
/// efficiency and electricity. Shares and probabilities are multiples of a power of two
/// written exactly, so they sum to exactly 1.
///
/// ```swift
/// let study = try SyntheticStudy(.million)
/// let studyFile = try study.write(to: URL(fileURLWithPath: "bench/out/million"))
/// // studyFile is bench/out/million/study.yaml, ready for StudyLoader
/// ```
public struct SyntheticStudy: Sendable {
    /// The size and seed of a synthetic study. Named sets live in
    /// ``SyntheticStudy/Parameters/named``.
    public struct Parameters: Sendable, Equatable {
        public var facilities: Int
        public var zones: Int
        public var tenants: Int
        /// Years of the horizon, from ``startYear``.
        public var years: Int
        public var scenarios: Int
        /// Time slices of a day; a divisor of 24.
        public var slices: Int
        public var seed: UInt64
        /// Regions; nil derives one per ~8 zones (at least 2, at most 24).
        public var regions: Int?
        /// The first year of the horizon.
        public var startYear: Int
        /// Long facility ids and display names with markup characters (`<`, `&`, quotes) on
        /// facilities and regions, to exercise a report's escaping and layout.
        public var hostileNames: Bool

        public init(
            facilities: Int = 12, zones: Int = 24, tenants: Int = 12, years: Int = 5, scenarios: Int = 4,
            slices: Int = 6, seed: UInt64 = 1, regions: Int? = nil, startYear: Int = 2026,
            hostileNames: Bool = false
        ) {
            self.facilities = facilities
            self.zones = zones
            self.tenants = tenants
            self.years = years
            self.scenarios = scenarios
            self.slices = slices
            self.seed = seed
            self.regions = regions
            self.startYear = startYear
            self.hostileNames = hostileNames
        }
    }

    /// A parameter out of range, named as in ``Parameters`` (the bench's flags use the same names).
    public struct InvalidParameter: Error, CustomStringConvertible, Equatable {
        /// The parameter's name, e.g. `slices`.
        public var parameter: String
        /// What is wrong, e.g. `must divide 24, got 5`.
        public var problem: String

        public var description: String { "\(parameter) \(problem)" }
    }

    /// The study file, relative to the output directory.
    public static let studyFile = "study.yaml"

    public let parameters: Parameters

    /// Checks the parameters; nothing is drawn until ``files()`` or ``write(to:)``.
    public init(_ parameters: Parameters) throws {
        let p = parameters
        for (name, value) in [
            ("facilities", p.facilities), ("zones", p.zones), ("tenants", p.tenants),
            ("years", p.years), ("scenarios", p.scenarios),
        ] where value < 1 {
            throw InvalidParameter(parameter: name, problem: "must be at least 1, got \(value)")
        }
        guard p.slices >= 1, p.slices <= 24, 24 % p.slices == 0 else {
            throw InvalidParameter(parameter: "slices", problem: "must divide 24, got \(p.slices)")
        }
        guard p.years <= 100 else {
            throw InvalidParameter(parameter: "years", problem: "must be at most 100, got \(p.years)")
        }
        guard (2000...2200).contains(p.startYear) else {
            throw InvalidParameter(parameter: "start", problem: "must be a year in 2000...2200, got \(p.startYear)")
        }
        if let regions = p.regions, !(1...min(p.zones, p.facilities)).contains(regions) {
            throw InvalidParameter(
                parameter: "regions",
                problem: "must be between 1 and min(zones, facilities) = \(min(p.zones, p.facilities)), got \(regions)")
        }
        self.parameters = parameters
    }

    var regionCount: Int {
        parameters.regions
            ?? min(24, max(1, min(parameters.zones, parameters.facilities, max(2, parameters.zones / 8))))
    }

    /// The horizon's years.
    public var years: ClosedRange<Int> { parameters.startYear...(parameters.startYear + parameters.years - 1) }
}
