import PlacementModel

/// The kinds of identifiers, for duplicate and unknown-id checks across files.
enum IDKind: String, CaseIterable {
    case region, zone, facility, hardware, workload, tenant, scenario
}

/// A use of an identifier that must be declared somewhere in the study.
struct IDReference {
    var kind: IDKind
    var id: String
    var location: SourceLocation
    /// How the message names the user, e.g. `tenant 'acme'`.
    var owner: String
}

/// A facility as read, with the positions the cross-file checks point at.
struct FacilityDraft {
    var facility: Facility
    var idLocation: SourceLocation
    var existingLocations: [HardwareID: SourceLocation]
}

/// A region file as read.
struct RegionDraft {
    var id: RegionID
    var name: String?
    var zones: [Zone]
    var facilities: [FacilityDraft]
}

/// A measured round trip as read.
struct LatencyMeasurement {
    var zone: String
    var facility: String
    var rttMs: Double
    var location: SourceLocation
}

/// A workload as read, with where it was declared.
struct WorkloadDraft {
    var workload: Workload
    var idLocation: SourceLocation
}

/// The study file's own settings.
struct StudySettings {
    var horizon: Horizon
    var discountRate: Double
    var timeSlices: Int
    var budgetUSD: Double?
    var risk: RiskSettings
    var policy: PolicySettings
    var integerBuildUnits: Int?
    var latency: LatencySettings
    var breakevenUtilization: Double
    var decisions: DecisionMode = .hereAndNow
}

/// Everything read from a study's files, valid or not, before the cross-file checks.
final class StudyDraft {
    private(set) var declared: [IDKind: [String: SourceLocation]] = [:]
    private(set) var declaredOrder: [IDKind: [String]] = [:]
    var references: [IDReference] = []
    var settings: StudySettings?
    var regions: [RegionDraft] = []
    var hardware: [Hardware] = []
    var workloads: [WorkloadDraft] = []
    var tenants: [Tenant] = []
    var scenarios: [Scenario] = []
    var stressShock: Double?
    var stressReference: (id: ScenarioID, location: SourceLocation)?
    var latency: [LatencyMeasurement] = []
    /// The scenarios file's `uncertainty:` section, when present and valid.
    var uncertainty: UncertaintyModel?
    /// Where each scenarios file's list starts, for study-level scenario errors.
    var scenariosLocation: SourceLocation?

    /// Records a declaration; reports a duplicate and returns `false` for it.
    @discardableResult
    func declare(_ kind: IDKind, _ id: String, at location: SourceLocation, context: DecodingContext) -> Bool {
        if let first = declared[kind]?[id] {
            context.error(
                at: location, "duplicate \(kind.rawValue) id '\(id)'",
                hint: "first declared at \(first.file):\(first.line):\(first.column); ids must be unique")
            return false
        }
        declared[kind, default: [:]][id] = location
        declaredOrder[kind, default: []].append(id)
        return true
    }

    func isDeclared(_ kind: IDKind, _ id: String) -> Bool { declared[kind]?[id] != nil }

    /// Declared ids of a kind in declaration order.
    func ids(_ kind: IDKind) -> [String] { declaredOrder[kind] ?? [] }

    func refer(_ kind: IDKind, _ id: String, at location: SourceLocation, owner: String) {
        references.append(IDReference(kind: kind, id: id, location: location, owner: owner))
    }
}
