/// A site where accelerators can be installed.
///
/// ```swift
/// let campus = Facility(
///     id: "abu-dhabi-campus", region: "gulf", jurisdiction: "AE",
///     location: GeoCoordinate(latitude: 24.45, longitude: 54.38),
///     powerMW: YearSeries([2026: 200, 2028: 1000]), pue: 1.35,
///     electricityUSDPerMWh: 45, shellCapexUSDPerMW: 9.2e6, fixedOMUSDPerMWYear: 2.5e5,
///     allowedHardware: ["gpu-h200", "gpu-b200"], existingUnits: ["gpu-h200": 20000])
/// campus.powerMW(in: 2027)            // 200
/// campus.allows("gpu-b200")           // true
/// ```
public struct Facility: Hashable, Sendable, Identifiable {
    /// The facility's identifier.
    public var id: FacilityID
    /// Display name; optional in the files.
    public var name: String?
    /// The region whose file declares the facility.
    public var region: RegionID
    /// ISO 3166-1 alpha-2 country code.
    public var jurisdiction: String
    /// Where the facility is, for the latency estimate.
    public var location: GeoCoordinate
    /// IT megawatts available to the plan by year (carries forward; 0 before the first year).
    public var powerMWSeries: YearSeries
    /// Power usage effectiveness, >= 1.
    public var pue: Double
    /// Electricity price, USD per MWh.
    public var electricityUSDPerMWh: Double
    /// Building, power and cooling cost per IT MW, USD.
    public var shellCapexUSDPerMW: Double
    /// Fixed operations and maintenance per IT MW and year, USD.
    public var fixedOMUSDPerMWYear: Double
    /// Accelerators allowed here (export rules), in file order; `nil` allows all.
    public var allowedHardware: [HardwareID]?
    /// Units installed before the horizon, by accelerator (whole numbers).
    public var existingUnits: [HardwareID: Double]

    /// Creates a facility.
    public init(
        id: FacilityID, name: String? = nil, region: RegionID, jurisdiction: String,
        location: GeoCoordinate, powerMW: YearSeries, pue: Double, electricityUSDPerMWh: Double,
        shellCapexUSDPerMW: Double, fixedOMUSDPerMWYear: Double,
        allowedHardware: [HardwareID]? = nil, existingUnits: [HardwareID: Double] = [:]
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.jurisdiction = jurisdiction
        self.location = location
        self.powerMWSeries = powerMW
        self.pue = pue
        self.electricityUSDPerMWh = electricityUSDPerMWh
        self.shellCapexUSDPerMW = shellCapexUSDPerMW
        self.fixedOMUSDPerMWYear = fixedOMUSDPerMWYear
        self.allowedHardware = allowedHardware
        self.existingUnits = existingUnits
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }

    /// IT MW available in `year`: the latest listed year at or before it, else 0.
    public func powerMW(in year: Int) -> Double { powerMWSeries.value(in: year, default: 0) }

    /// Whether accelerator `hardware` may be installed here.
    public func allows(_ hardware: HardwareID) -> Bool {
        allowedHardware?.contains(hardware) ?? true
    }

    /// Units of `hardware` installed before the horizon (0 when none).
    public func existingUnits(of hardware: HardwareID) -> Double { existingUnits[hardware] ?? 0 }

    /// Capital cost of one more unit of `hardware` here: accelerator plus its share of the shell.
    public func unitCapexUSD(of hardware: Hardware) -> Double {
        hardware.capexUSD + hardware.powerKW / 1000 * shellCapexUSDPerMW
    }
}
