/// A demand category (video, reasoning, embodied) with its service requirements.
///
/// ```swift
/// let video = Workload(id: "video", unit: "second of video", latencySLOMs: 120,
///                      minMemoryGB: 80, dailyProfile: DailyProfile([1, 2, 3, 2])!)
/// video.profileFactors(slices: 6, utcOffsetHours: 4)   // six factors averaging 1
/// ```
public struct Workload: Hashable, Sendable, Identifiable {
    /// The workload's identifier.
    public var id: WorkloadID
    /// Display name; optional in the files.
    public var name: String?
    /// What one work unit is, e.g. `second of video`, `million tokens`, `robot-hour`.
    public var unit: String
    /// Largest round trip a zone-facility pair may have to serve this workload, ms.
    public var latencySLOMs: Double
    /// Smallest accelerator memory that can serve it, GB.
    public var minMemoryGB: Double
    /// Shape over the local day.
    public var dailyProfile: DailyProfile

    /// Creates a workload.
    public init(
        id: WorkloadID, name: String? = nil, unit: String, latencySLOMs: Double,
        minMemoryGB: Double, dailyProfile: DailyProfile
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.latencySLOMs = latencySLOMs
        self.minMemoryGB = minMemoryGB
        self.dailyProfile = dailyProfile
    }

    /// The name if set, else the identifier.
    public var displayName: String { name ?? id.rawValue }

    /// `prof(w, z, k)` for every slice `k` of the UTC day, for a zone at `utcOffsetHours`.
    public func profileFactors(slices: Int, utcOffsetHours: Double) -> [Double] {
        dailyProfile.sliceFactors(slices: slices, utcOffsetHours: utcOffsetHours)
    }
}
