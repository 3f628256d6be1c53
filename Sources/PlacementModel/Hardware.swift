/// An accelerator type with its host share.
///
/// ```swift
/// let h200 = Hardware(id: "gpu-h200", memoryGB: 141, powerKW: 1.2, capexUSD: 35_000,
///                     lifetimeYears: 5, throughput: ["reasoning": 2_000_000])
/// h200.throughput(for: "video")      // 0: cannot serve video
/// h200.isAlive(installedIn: 2025, in: 2030)   // false: 2030 - 2025 >= 5
/// ```
public struct Hardware: Hashable, Sendable, Identifiable {
    /// The accelerator's identifier.
    public var id: HardwareID
    /// Display name; optional in the files.
    public var name: String?
    /// Accelerator memory, GB.
    public var memoryGB: Double
    /// IT power per accelerator including its host share, kW.
    public var powerKW: Double
    /// Purchase cost per accelerator, USD.
    public var capexUSD: Double
    /// Service life in whole years, >= 1.
    public var lifetimeYears: Int
    /// Work units per accelerator-hour by workload; absent or 0 means it cannot serve it.
    public var throughputByWorkload: [WorkloadID: Double]

    /// Creates an accelerator type.
    public init(
        id: HardwareID, name: String? = nil, memoryGB: Double, powerKW: Double, capexUSD: Double,
        lifetimeYears: Int, throughput: [WorkloadID: Double]
    ) {
        self.id = id
        self.name = name
        self.memoryGB = memoryGB
        self.powerKW = powerKW
        self.capexUSD = capexUSD
        self.lifetimeYears = lifetimeYears
        self.throughputByWorkload = throughput
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }

    /// Work units per accelerator-hour for `workload` (0 when it cannot serve it).
    public func throughput(for workload: WorkloadID) -> Double { throughputByWorkload[workload] ?? 0 }

    /// Whether a unit installed in `installYear` is still in service in `year`:
    /// it retires when `year - installYear >= lifetimeYears`.
    public func isAlive(installedIn installYear: Int, in year: Int) -> Bool {
        year >= installYear && year - installYear < lifetimeYears
    }
}
