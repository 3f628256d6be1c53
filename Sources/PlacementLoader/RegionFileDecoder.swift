import PlacementModel

/// Reads a region file: its zones, facilities and measured latencies.
struct RegionFileDecoder {
    let context: DecodingContext
    let draft: StudyDraft

    static let facilityKeys = [
        "id", "name", "jurisdiction", "location", "power_mw", "pue", "electricity_usd_per_mwh",
        "shell_capex_usd_per_mw", "fixed_om_usd_per_mw_year", "hardware", "existing",
    ]

    /// Returns `false` when the file's declarations could not be read, so references to
    /// them are not reported as unknown.
    @discardableResult
    func decode(_ root: YAMLNode) -> Bool {
        guard
            let file = FileHeader.read(
                root, owner: "region file", keys: ["region", "name", "zones", "facilities", "latency_ms"],
                context: context)
        else { return false }
        guard let regionNode = file.required("region", expecting: "the region's id"),
            let region: RegionID = context.identifier(regionNode, field: "region")
        else { return false }
        draft.declare(.region, region.rawValue, at: regionNode.location, context: context)
        let zoneNodes = file.list("zones")
        let facilityNodes = file.list("facilities")
        let zones = (zoneNodes ?? []).enumerated().compactMap { zone($1, position: $0, region: region) }
        let facilities = (facilityNodes ?? []).enumerated().compactMap { facility($1, position: $0, region: region) }
        if let entries = file.node("latency_ms").flatMap({ context.list($0, field: "latency_ms") }) {
            entries.forEach(latency)
        }
        draft.regions.append(
            RegionDraft(id: region, name: file.optionalText("name"), zones: zones, facilities: facilities))
        return zoneNodes != nil && facilityNodes != nil
    }

    private func owner(_ kind: String, _ node: YAMLNode, _ position: Int) -> String {
        FieldReader.peekText(node, "id").map { "\(kind) '\($0)'" } ?? "\(kind) \(position + 1)"
    }

    private func location(_ fields: FieldReader) -> GeoCoordinate? {
        guard let point = fields.nested("location", keys: ["lat", "lon"]) else { return nil }
        guard let latitude = point.number("lat", .latitude), let longitude = point.number("lon", .longitude) else {
            return nil
        }
        return GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    private func zone(_ node: YAMLNode, position: Int, region: RegionID) -> Zone? {
        let fields = FieldReader(
            node, owner: owner("zone", node, position),
            keys: ["id", "name", "jurisdiction", "location", "utc_offset_hours"], context: context)
        guard let id: ZoneID = fields.identifier("id") else { return nil }
        guard draft.declare(.zone, id.rawValue, at: fields.node("id")!.location, context: context) else { return nil }
        let name = fields.optionalText("name")
        let jurisdiction = fields.jurisdiction("jurisdiction")
        let point = location(fields)
        let offset = fields.number("utc_offset_hours", .utcOffset)
        guard let jurisdiction, let point, let offset else {
            context.markBroken("zone.\(id)")
            return Zone(
                id: id, name: name, region: region, jurisdiction: jurisdiction ?? "",
                location: point ?? GeoCoordinate(latitude: 0, longitude: 0), utcOffsetHours: offset ?? 0)
        }
        return Zone(
            id: id, name: name, region: region, jurisdiction: jurisdiction, location: point, utcOffsetHours: offset)
    }

    private func facility(_ node: YAMLNode, position: Int, region: RegionID) -> FacilityDraft? {
        let owner = owner("facility", node, position)
        let fields = FieldReader(node, owner: owner, keys: Self.facilityKeys, context: context)
        guard let id: FacilityID = fields.identifier("id") else { return nil }
        let idLocation = fields.node("id")!.location
        guard draft.declare(.facility, id.rawValue, at: idLocation, context: context) else { return nil }
        let name = fields.optionalText("name")
        let jurisdiction = fields.jurisdiction("jurisdiction")
        let point = location(fields)
        let power = fields.yearSeries("power_mw", .powerMW, use: .carryForward)
        let pue = fields.number("pue", .pue)
        let electricity = fields.number("electricity_usd_per_mwh", .electricityUSDPerMWh)
        let shell = fields.number("shell_capex_usd_per_mw", .shellCapexUSDPerMW)
        let fixedOM = fields.number("fixed_om_usd_per_mw_year", .fixedOMUSDPerMWYear)
        var allowed: [HardwareID]?
        if let list = fields.node("hardware").flatMap({ context.list($0, field: "hardware") }) {
            allowed = list.compactMap { item -> HardwareID? in
                guard let hardware: HardwareID = context.identifier(item, field: "hardware") else { return nil }
                draft.refer(.hardware, hardware.rawValue, at: item.location, owner: owner)
                return hardware
            }
        }
        var existing: [HardwareID: Double] = [:]
        var existingLocations: [HardwareID: SourceLocation] = [:]
        for pair in fields.node("existing").flatMap({ context.mapping($0, field: "existing") }) ?? [] {
            let keyNode = YAMLNode(content: .scalar(pair.key, isPlain: true), location: pair.keyLocation)
            guard let hardware: HardwareID = context.identifier(keyNode, field: "existing"),
                let units = context.number(pair.value, field: "existing.\(pair.key)", rule: .existingUnits)
            else { continue }
            draft.refer(.hardware, hardware.rawValue, at: pair.keyLocation, owner: owner)
            existing[hardware] = units
            existingLocations[hardware] = pair.keyLocation
        }
        if fields.hadError { context.markBroken("facility.\(id)") }
        let facility = Facility(
            id: id, name: name, region: region, jurisdiction: jurisdiction ?? "",
            location: point ?? GeoCoordinate(latitude: 0, longitude: 0), powerMW: power ?? YearSeries(),
            pue: pue ?? 1, electricityUSDPerMWh: electricity ?? 0, shellCapexUSDPerMW: shell ?? 0,
            fixedOMUSDPerMWYear: fixedOM ?? 0, allowedHardware: allowed, existingUnits: existing)
        return FacilityDraft(facility: facility, idLocation: idLocation, existingLocations: existingLocations)
    }

    private func latency(_ node: YAMLNode) {
        let fields = FieldReader(
            node, owner: "latency entry", keys: ["zone", "facility", "rtt_ms"], context: context)
        let zone: ZoneID? = fields.identifier("zone")
        let facility: FacilityID? = fields.identifier("facility")
        let rtt = fields.number("rtt_ms", .rttMs)
        guard let zone, let facility, let rtt else { return }
        draft.latency.append(
            LatencyMeasurement(
                zone: zone.rawValue, facility: facility.rawValue, rttMs: rtt, location: node.location))
        draft.refer(.zone, zone.rawValue, at: fields.node("zone")!.location, owner: "latency entry")
        draft.refer(.facility, facility.rawValue, at: fields.node("facility")!.location, owner: "latency entry")
    }
}
