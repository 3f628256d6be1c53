/// Positions of every item by id, built once per study.
struct StudyIndex: Sendable {
    var regions: [RegionID: Int] = [:]
    var zones: [ZoneID: Int] = [:]
    var facilities: [FacilityID: Int] = [:]
    /// Facility id to (region position, position inside the region), to update nested copies.
    var facilityInRegion: [FacilityID: (region: Int, facility: Int)] = [:]
    var zoneInRegion: [ZoneID: (region: Int, zone: Int)] = [:]
    var hardware: [HardwareID: Int] = [:]
    var workloads: [WorkloadID: Int] = [:]
    var tenants: [TenantID: Int] = [:]
    var scenarios: [ScenarioID: Int] = [:]

    init(
        regions: [Region], hardware: [Hardware], workloads: [Workload], tenants: [Tenant],
        scenarios: [Scenario]
    ) throws(StudyError) {
        var flatZone = 0
        var flatFacility = 0
        for (regionPosition, region) in regions.enumerated() {
            try Self.insert(region.id, regionPosition, into: &self.regions, kind: "region")
            for (position, zone) in region.zones.enumerated() {
                try Self.insert(zone.id, flatZone, into: &zones, kind: "zone")
                zoneInRegion[zone.id] = (regionPosition, position)
                flatZone += 1
            }
            for (position, facility) in region.facilities.enumerated() {
                try Self.insert(facility.id, flatFacility, into: &facilities, kind: "facility")
                facilityInRegion[facility.id] = (regionPosition, position)
                flatFacility += 1
            }
        }
        for (position, item) in hardware.enumerated() {
            try Self.insert(item.id, position, into: &self.hardware, kind: "hardware")
        }
        for (position, item) in workloads.enumerated() {
            try Self.insert(item.id, position, into: &self.workloads, kind: "workload")
        }
        for (position, item) in tenants.enumerated() {
            try Self.insert(item.id, position, into: &self.tenants, kind: "tenant")
        }
        for (position, item) in scenarios.enumerated() {
            try Self.insert(item.id, position, into: &self.scenarios, kind: "scenario")
        }
    }

    private static func insert<Kind>(
        _ id: Identifier<Kind>, _ position: Int, into table: inout [Identifier<Kind>: Int], kind: String
    ) throws(StudyError) {
        guard table.updateValue(position, forKey: id) == nil else {
            throw StudyError("duplicate \(kind) id '\(id)'")
        }
    }

    /// References that lookups rely on must resolve.
    static func checkReferences(of study: Study) throws(StudyError) {
        for tenant in study.tenants {
            guard study.index.workloads[tenant.workload] != nil else {
                throw StudyError("tenant '\(tenant.id)' names unknown workload '\(tenant.workload)'")
            }
            for share in tenant.zoneShares where study.index.zones[share.zone] == nil {
                throw StudyError("tenant '\(tenant.id)' names unknown zone '\(share.zone)'")
            }
        }
        for facility in study.facilities {
            let named = (facility.allowedHardware ?? []) + Array(facility.existingUnits.keys)
            for id in named where study.index.hardware[id] == nil {
                throw StudyError("facility '\(facility.id)' names unknown hardware '\(id)'")
            }
        }
        guard study.index.scenarios[study.stress.reference] != nil else {
            throw StudyError("stress reference '\(study.stress.reference)' is not a scenario")
        }
        for pair in study.latency.measured.keys
        where study.index.zones[pair.zone] == nil || study.index.facilities[pair.facility] == nil {
            throw StudyError("measured latency names unknown pair \(pair.zone) -> \(pair.facility)")
        }
    }
}
