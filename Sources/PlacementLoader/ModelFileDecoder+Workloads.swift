import PlacementModel

/// Reads `workloads.yaml`.
extension ModelFileDecoder {

    @discardableResult
    func decodeWorkloads(_ root: YAMLNode) -> Bool {
        guard let (_, list) = items(root, owner: "workloads file", key: "workloads") else { return false }
        for (position, node) in list.enumerated() {
            let fields = FieldReader(
                node, owner: owner("workload", node, position),
                keys: ["id", "name", "unit", "latency_slo_ms", "min_memory_gb", "daily_profile"], context: context)
            guard let id: WorkloadID = declaredID(fields, .workload) else { continue }
            let unit = fields.text("unit")
            let slo = fields.number("latency_slo_ms", .latencySLOMs)
            let memory = fields.optionalNumber("min_memory_gb", .memoryGB) ?? 0
            var profile = DailyProfile.flat
            if let profileNode = fields.node("daily_profile"),
                let values = context.numbers(profileNode, field: "daily_profile", rule: .dailyProfileEntry)
            {
                if let read = DailyProfile(values) {
                    profile = read
                } else {
                    context.error(
                        at: profileNode.location,
                        "'daily_profile' has \(values.count) entries, which does not divide 24",
                        hint: "use 1, 2, 3, 4, 6, 8, 12 or 24 entries, one per equal part of the local day")
                }
            }
            if fields.hadError { context.markBroken("workload.\(id)") }
            draft.workloads.append(
                WorkloadDraft(
                    workload: Workload(
                        id: id, name: fields.optionalText("name"), unit: unit ?? "", latencySLOMs: slo ?? 1,
                        minMemoryGB: memory, dailyProfile: profile),
                    idLocation: fields.node("id")!.location))
        }
        return true
    }
}
