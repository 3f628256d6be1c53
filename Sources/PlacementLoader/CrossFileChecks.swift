import PlacementModel

/// Checks that need more than one file: unknown ids, measured latencies, existing units
/// against export rules and power, workloads nothing can serve, and facilities that the
/// category-share policy would leave idle.
struct CrossFileChecks {
    let context: DecodingContext
    let draft: StudyDraft

    func run() {
        checkReferences()
        let measured = checkLatency()
        guard let settings = draft.settings else { return }
        checkExistingUnits(horizon: settings.horizon)
        warnAboutUnserveableWorkloads()
        warnAboutUnreachableFacilities(settings: settings, measured: measured)
    }

    private func checkReferences() {
        for reference in draft.references where !draft.isDeclared(reference.kind, reference.id) {
            let kind = reference.kind.rawValue
            context.error(
                at: reference.location, "\(reference.owner) names unknown \(kind) '\(reference.id)'",
                hint: Suggestions.hint(for: reference.id, among: draft.ids(reference.kind), noun: "known \(kind) ids")
                    ?? "declare a \(kind) with this id")
        }
    }

    /// Reports pairs measured twice with different values; returns the measured table.
    private func checkLatency() -> [LatencyPair: Double] {
        var first: [LatencyPair: LatencyMeasurement] = [:]
        var measured: [LatencyPair: Double] = [:]
        for entry in draft.latency {
            let pair = LatencyPair(zone: ZoneID(entry.zone), facility: FacilityID(entry.facility))
            if let earlier = first[pair] {
                if earlier.rttMs != entry.rttMs {
                    let at = earlier.location
                    context.error(
                        at: entry.location,
                        "latency \(entry.zone) -> \(entry.facility) is measured twice with different values (\(ModelFileDecoder.format(earlier.rttMs)) and \(ModelFileDecoder.format(entry.rttMs)) ms)",
                        hint: "keep one measurement; the other is at \(at.file):\(at.line):\(at.column)")
                }
                continue
            }
            first[pair] = entry
            measured[pair] = entry.rttMs
        }
        return measured
    }

    private func checkExistingUnits(horizon: Horizon) {
        let hardware = Dictionary(draft.hardware.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for region in draft.regions {
            for item in region.facilities {
                let facility = item.facility
                for (id, location) in item.existingLocations.sorted(by: { $0.key < $1.key })
                where !facility.allows(id) && hardware[id] != nil {
                    context.error(
                        at: location, "existing units of '\(id)' at facility '\(facility.id)' are not allowed there",
                        hint: "add '\(id)' to the facility's hardware list or remove the existing units")
                }
                guard !context.isBroken("facility.\(facility.id)"), !facility.existingUnits.isEmpty else { continue }
                let units = facility.existingUnits.keys.compactMap { hardware[$0] }
                guard units.count == facility.existingUnits.count,
                    !units.contains(where: { context.isBroken("hardware.\($0.id)") })
                else { continue }
                for year in horizon.years {
                    let needed = units.reduce(0.0) { total, unit in
                        guard unit.isAlive(installedIn: horizon.existingInstallYear, in: year) else { return total }
                        return total + facility.existingUnits(of: unit.id) * unit.powerKW / 1000
                    }
                    let available = facility.powerMW(in: year)
                    if needed > available + 1e-9 {
                        let at = item.existingLocations.values.min { ($0.line, $0.column) < ($1.line, $1.column) }!
                        context.error(
                            at: at,
                            "existing units at facility '\(facility.id)' draw \(ModelFileDecoder.format(needed)) MW in \(year), more than its power_mw of \(ModelFileDecoder.format(available))",
                            hint: "raise power_mw for \(year) or reduce the existing units; the plan could not exist")
                        break
                    }
                }
            }
        }
    }

    /// A demanded workload that no accelerator can serve is a warning, not an error: the study
    /// still plans, and its tenants' demand is reported as unreachable with the reason (a sweep
    /// over `min_memory_gb` must keep going past such a variant).
    private func warnAboutUnserveableWorkloads() {
        let demanded = Set(draft.tenants.map(\.workload))
        for item in draft.workloads where demanded.contains(item.workload.id) {
            let workload = item.workload
            let serveable = draft.hardware.contains {
                $0.throughput(for: workload.id) > 0 && $0.memoryGB >= workload.minMemoryGB
            }
            if !serveable && !draft.hardware.isEmpty {
                let memory = ModelFileDecoder.format(workload.minMemoryGB)
                let id = workload.id
                context.warning(
                    at: item.idLocation,
                    "no hardware can serve workload '\(id)' (throughput > 0 and at least \(memory) GB); "
                        + "its tenants' demand is unreachable",
                    hint: "give an accelerator with enough memory a throughput for '\(id)'; "
                        + "until then the plan reports its demand under unreachable_demand")
            }
        }
    }

    /// A facility that at most one workload can reach serves nothing when the category
    /// share is limited; one that no tenant can reach is idle whatever the policy.
    private func warnAboutUnreachableFacilities(settings: StudySettings, measured: [LatencyPair: Double]) {
        guard !context.hasErrors else { return }
        let zones = draft.regions.flatMap(\.zones)
        let facilities = draft.regions.flatMap(\.facilities)
        let table = LatencyTable(
            zones: zones, facilities: facilities.map(\.facility), measured: measured, settings: settings.latency)
        let zoneByID = Dictionary(zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let workloads = Dictionary(
            draft.workloads.map { ($0.workload.id, $0.workload) }, uniquingKeysWith: { a, _ in a })
        for item in facilities {
            let facility = item.facility
            var reaching: [WorkloadID] = []
            for tenant in draft.tenants where !reaching.contains(tenant.workload) {
                guard let workload = workloads[tenant.workload] else { continue }
                let canServe = draft.hardware.contains {
                    facility.allows($0.id) && $0.memoryGB >= workload.minMemoryGB && $0.throughput(for: workload.id) > 0
                }
                let reachable =
                    canServe
                    && tenant.zoneShares.contains { share in
                        guard let zone = zoneByID[share.zone], share.share > 0 else { return false }
                        return tenant.residency.permits(zone: zone, facility: facility)
                            && table.rttMs(zone: zone.id, facility: facility.id) <= workload.latencySLOMs
                    }
                if reachable { reaching.append(tenant.workload) }
            }
            let share = settings.policy.maxCategoryShare
            if reaching.isEmpty {
                context.warning(
                    at: item.idLocation, "no tenant can reach facility '\(facility.id)'",
                    hint: "check latency SLOs, residency, allowed hardware and zone shares; it will stay empty")
            } else if reaching.count == 1, share < 1 {
                context.warning(
                    at: item.idLocation,
                    "only workload '\(reaching[0])' can reach facility '\(facility.id)'; with max_category_share \(ModelFileDecoder.format(share)) it will serve nothing",
                    hint:
                        "allow hardware or relax latency or residency so a second workload can use it, or set max_category_share to 1"
                )
            }
        }
    }
}
