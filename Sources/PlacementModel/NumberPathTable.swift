/// Every number a path can name: one table per kind of item, keyed like the YAML files.
enum NumberPathTable {
    static let studyFields: [NumberField<Study>] = [
        .value("discount_rate", .discountRate, \.discountRate),
        .whole("time_slices", .divisorOf24, \.timeSlices),
        .value("breakeven_utilization", .positiveUpToOne, \.breakevenUtilization),
        .value("risk.alpha", .openUnitInterval, \.risk.alpha),
        .value("risk.weight", .unitInterval, \.risk.weight),
        .value("policy.max_category_share", .positiveUpToOne, \.policy.maxCategoryShare),
        .value("stress.shock", .unitInterval, \.stress.shock),
        NumberField(
            "budget_usd", .budgetUSD, read: { study, _ in study.budgetUSD },
            write: { study, _, value in
                study.budgetUSD = value
            }),
        NumberField(
            "integer_blocks.units", .integerBuildUnits,
            read: { study, _ in
                study.integerBuildUnits.map(Double.init)
            }, write: { study, _, value in study.integerBuildUnits = Int(value) }),
        NumberField(
            "latency.route_factor", .routeFactor, read: { study, _ in study.latency.settings.routeFactor },
            write: { study, _, value in
                var settings = study.latency.settings
                settings.routeFactor = value
                study.rebuildLatency(settings)
            }),
        NumberField(
            "latency.base_ms", .baseMs, read: { study, _ in study.latency.settings.baseMs },
            write: { study, _, value in
                var settings = study.latency.settings
                settings.baseMs = value
                study.rebuildLatency(settings)
            }),
    ]

    static let facilityFields: [NumberField<Facility>] = [
        .series("power_mw", .powerMW, default: 0, \.powerMWSeries),
        .value("pue", .pue, \.pue),
        .value("electricity_usd_per_mwh", .electricityUSDPerMWh, \.electricityUSDPerMWh),
        .value("shell_capex_usd_per_mw", .shellCapexUSDPerMW, \.shellCapexUSDPerMW),
        .value("fixed_om_usd_per_mw_year", .fixedOMUSDPerMWYear, \.fixedOMUSDPerMWYear),
        NumberField(
            "existing.<hardware>", .existingUnits,
            read: { facility, arguments in
                facility.existingUnits(of: HardwareID(arguments[0]))
            }, write: { facility, arguments, value in facility.existingUnits[HardwareID(arguments[0])] = value }),
    ]

    static let zoneFields: [NumberField<Zone>] = [
        .value("utc_offset_hours", .utcOffset, \.utcOffsetHours)
    ]

    static let hardwareFields: [NumberField<Hardware>] = [
        .value("memory_gb", .memoryGB, \.memoryGB),
        .value("power_kw", .powerKW, \.powerKW),
        .value("capex_usd", .capexUSD, \.capexUSD),
        .whole("lifetime_years", .lifetimeYears, \.lifetimeYears),
        NumberField(
            "throughput.<workload>", .throughput,
            read: { hardware, arguments in
                hardware.throughput(for: WorkloadID(arguments[0]))
            }, write: { hardware, arguments, value in hardware.throughputByWorkload[WorkloadID(arguments[0])] = value }),
    ]

    static let workloadFields: [NumberField<Workload>] = [
        .value("latency_slo_ms", .latencySLOMs, \.latencySLOMs),
        .value("min_memory_gb", .memoryGB, \.minMemoryGB),
        NumberField(
            "daily_profile.<entry>", .dailyProfileEntry, entryCount: { $0.dailyProfile.values.count },
            read: { workload, arguments in workload.dailyProfile.values[Int(arguments[0])!] },
            write: { workload, arguments, value in workload.dailyProfile.setValue(value, at: Int(arguments[0])!) }),
    ]

    static let tenantFields: [NumberField<Tenant>] = [
        .value("price_usd_per_unit", .priceUSDPerUnit, \.priceUSDPerUnit),
        .value("committed_share", .unitInterval, \.committedShare),
        .value("shortfall_penalty_usd_per_unit", .priceUSDPerUnit, \.shortfallPenaltyUSDPerUnit),
        NumberField(
            "demand.annual_units.<year>", .annualUnits,
            read: { tenant, arguments in
                tenant.annualUnits(in: Int(arguments[0])!)
            }, write: { tenant, arguments, value in tenant.annualUnitsCurve.points.set(value, for: Int(arguments[0])!) }
        ),
        NumberField(
            "demand.zones.<zone>", .unitInterval,
            read: { tenant, arguments in
                tenant.share(of: ZoneID(arguments[0]))
            },
            write: { tenant, arguments, value in
                let zone = ZoneID(arguments[0])
                if let position = tenant.zoneShares.firstIndex(where: { $0.zone == zone }) {
                    tenant.zoneShares[position].share = value
                } else {
                    tenant.zoneShares.append(Tenant.ZoneShare(zone: zone, share: value))
                }
            }),
    ]

    static let scenarioFields: [NumberField<Scenario>] = [
        .value("probability", .unitInterval, \.probability),
        .multipliers("demand", placeholder: "workload", .multiplier, \.demand),
        .multipliers("price", placeholder: "workload", .multiplier, \.price),
        .multipliers("efficiency", placeholder: "workload", .efficiency, \.efficiency),
        .multipliers("electricity", placeholder: "region", .multiplier, \.electricity),
    ]

    static let scopes: [NumberScope] = [
        .collection(
            "facilities", noun: "facility", ids: { $0.facilities.map(\.id.rawValue) },
            item: { study, id in study.facility(FacilityID(id))! },
            modify: { study, id, change in study.modifyFacility(FacilityID(id), change) },
            fields: facilityFields),
        .collection(
            "zones", noun: "zone", ids: { $0.zones.map(\.id.rawValue) },
            item: { study, id in study.zone(ZoneID(id))! },
            modify: { study, id, change in study.modifyZone(ZoneID(id), change) },
            fields: zoneFields),
        .collection(
            "hardware", noun: "hardware", ids: { $0.hardware.map(\.id.rawValue) },
            item: { study, id in study.hardware(HardwareID(id))! },
            modify: { study, id, change in change(&study.hardware[study.index.hardware[HardwareID(id)]!]) },
            fields: hardwareFields),
        .collection(
            "workloads", noun: "workload", ids: { $0.workloads.map(\.id.rawValue) },
            item: { study, id in study.workload(WorkloadID(id))! },
            modify: { study, id, change in change(&study.workloads[study.index.workloads[WorkloadID(id)]!]) },
            fields: workloadFields),
        .collection(
            "tenants", noun: "tenant", ids: { $0.tenants.map(\.id.rawValue) },
            item: { study, id in study.tenant(TenantID(id))! },
            modify: { study, id, change in change(&study.tenants[study.index.tenants[TenantID(id)]!]) },
            fields: tenantFields),
        .collection(
            "scenarios", noun: "scenario", ids: { $0.scenarios.map(\.id.rawValue) },
            item: { study, id in study.scenario(ScenarioID(id))! },
            modify: { study, id, change in change(&study.scenarios[study.index.scenarios[ScenarioID(id)]!]) },
            fields: scenarioFields),
    ]
}

extension Study {
    /// Changes a facility in both the flat list and its region.
    mutating func modifyFacility(_ id: FacilityID, _ change: (inout Facility) -> Void) {
        guard let flat = index.facilities[id], let nested = index.facilityInRegion[id] else { return }
        change(&facilities[flat])
        regions[nested.region].facilities[nested.facility] = facilities[flat]
    }

    /// Changes a zone in both the flat list and its region.
    mutating func modifyZone(_ id: ZoneID, _ change: (inout Zone) -> Void) {
        guard let flat = index.zones[id], let nested = index.zoneInRegion[id] else { return }
        change(&zones[flat])
        regions[nested.region].zones[nested.zone] = zones[flat]
    }

    /// Recomputes every estimated round trip for new settings.
    mutating func rebuildLatency(_ settings: LatencySettings) {
        latency = LatencyTable(zones: zones, facilities: facilities, measured: latency.measured, settings: settings)
    }
}
