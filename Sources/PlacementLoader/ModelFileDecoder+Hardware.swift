import PlacementModel

/// Reads `hardware.yaml`.
extension ModelFileDecoder {

    @discardableResult
    func decodeHardware(_ root: YAMLNode) -> Bool {
        guard let (_, list) = items(root, owner: "hardware file", key: "hardware") else { return false }
        for (position, node) in list.enumerated() {
            let owner = owner("hardware", node, position)
            let fields = FieldReader(
                node, owner: owner,
                keys: ["id", "name", "memory_gb", "power_kw", "capex_usd", "lifetime_years", "throughput"],
                context: context)
            guard let id: HardwareID = declaredID(fields, .hardware) else { continue }
            let memory = fields.number("memory_gb", .memoryGB)
            let power = fields.number("power_kw", .powerKW)
            let capex = fields.number("capex_usd", .capexUSD)
            let lifetime = fields.number("lifetime_years", .lifetimeYears)
            var throughput: [WorkloadID: Double] = [:]
            for pair in fields.mapping("throughput") ?? [] {
                let keyNode = YAMLNode(content: .scalar(pair.key, isPlain: true), location: pair.keyLocation)
                guard let workload: WorkloadID = context.identifier(keyNode, field: "throughput"),
                    let value = context.number(pair.value, field: "throughput.\(pair.key)", rule: .throughput)
                else { continue }
                draft.refer(.workload, workload.rawValue, at: pair.keyLocation, owner: owner)
                throughput[workload] = value
            }
            if fields.hadError { context.markBroken("hardware.\(id)") }
            draft.hardware.append(
                Hardware(
                    id: id, name: fields.optionalText("name"), memoryGB: memory ?? 0, powerKW: power ?? 1,
                    capexUSD: capex ?? 0, lifetimeYears: Int(lifetime ?? 1), throughput: throughput))
        }
        return true
    }
}
