import PlacementModel

/// Builds the model ``Study`` from a draft that passed every check.
enum StudyAssembly {
    static func study(
        from draft: StudyDraft, settings: StudySettings, context: DecodingContext, studyFile: String
    ) -> Study? {
        let regions = draft.regions.map { region in
            Region(id: region.id, name: region.name, zones: region.zones, facilities: region.facilities.map(\.facility))
        }
        var measured: [LatencyPair: Double] = [:]
        for entry in draft.latency {
            let pair = LatencyPair(zone: ZoneID(entry.zone), facility: FacilityID(entry.facility))
            if measured[pair] == nil { measured[pair] = entry.rttMs }
        }
        let stress =
            draft.stressReference.map {
                StressSettings(shock: draft.stressShock ?? StressSettings.defaultShock, reference: $0.id)
            }
            ?? draft.scenarios.first.map {
                StressSettings(shock: draft.stressShock ?? StressSettings.defaultShock, reference: $0.id)
            }
        do {
            return try Study(
                regions: regions, hardware: draft.hardware, workloads: draft.workloads.map(\.workload),
                tenants: draft.tenants, scenarios: draft.scenarios, stress: stress, horizon: settings.horizon,
                discountRate: settings.discountRate, timeSlices: settings.timeSlices, budgetUSD: settings.budgetUSD,
                risk: settings.risk, policy: settings.policy, integerBuildUnits: settings.integerBuildUnits,
                latencySettings: settings.latency, breakevenUtilization: settings.breakevenUtilization,
                measuredLatency: measured, uncertainty: draft.uncertainty, decisions: settings.decisions)
        } catch {
            // The checks above make this unreachable; report rather than trap if they miss a case.
            context.error(
                at: .start(of: studyFile), "the study is inconsistent: \(error.message)",
                hint: "please report this; the loader's checks should have named the file and line")
            return nil
        }
    }
}
