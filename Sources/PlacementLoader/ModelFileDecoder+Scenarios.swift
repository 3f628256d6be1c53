import PlacementModel

/// Reads `scenarios.yaml`.
extension ModelFileDecoder {

    @discardableResult
    func decodeScenarios(_ root: YAMLNode) -> Bool {
        guard
            let (file, list) = items(
                root, owner: "scenarios file", key: "scenarios", extraKeys: ["stress", "uncertainty"])
        else {
            return false
        }
        draft.scenariosLocation = file.keyLocation("scenarios")
        if list.isEmpty {
            context.error(
                at: file.keyLocation("scenarios"), "the study has no scenario",
                hint: "add at least one scenario, e.g. {id: base, probability: 1}")
        }
        var total = 0.0
        var isComplete = true
        for (position, node) in list.enumerated() {
            let owner = owner("scenario", node, position)
            let fields = FieldReader(
                node, owner: owner,
                keys: ["id", "name", "probability", "demand", "price", "efficiency", "electricity"], context: context)
            guard let id: ScenarioID = declaredID(fields, .scenario) else {
                isComplete = false
                continue
            }
            let probability = fields.number("probability", .unitInterval)
            let demand: [WorkloadID: YearSeries] = multipliers(fields, "demand", .workload, .multiplier, owner)
            let price: [WorkloadID: YearSeries] = multipliers(fields, "price", .workload, .multiplier, owner)
            let efficiency: [WorkloadID: YearSeries] = multipliers(fields, "efficiency", .workload, .efficiency, owner)
            let electricity: [RegionID: YearSeries] = multipliers(fields, "electricity", .region, .multiplier, owner)
            if fields.hadError { context.markBroken("scenario.\(id)") }
            if let probability { total += probability } else { isComplete = false }
            draft.scenarios.append(
                Scenario(
                    id: id, name: fields.optionalText("name"), probability: probability ?? 0, demand: demand,
                    price: price, efficiency: efficiency, electricity: electricity))
        }
        if isComplete, !list.isEmpty, abs(total - 1) > 1e-6 {
            context.error(
                at: file.keyLocation("scenarios"), "scenario probabilities sum to \(Self.format(total)), not 1",
                hint: "make the probabilities add up to 1 (within 1e-6)")
        }
        if let stress = file.nested("stress", keys: ["shock", "reference"], required: false) {
            draft.stressShock = stress.optionalNumber("shock", .unitInterval)
            if let node = stress.node("reference"),
                let reference: ScenarioID = context.identifier(node, field: "reference")
            {
                draft.stressReference = (reference, node.location)
                draft.refer(.scenario, reference.rawValue, at: node.location, owner: "stress")
            }
        }
        decodeUncertainty(file)
        return true
    }

    private func multipliers<Kind>(
        _ fields: FieldReader, _ key: String, _ kind: IDKind, _ rule: NumberRule, _ owner: String
    ) -> [Identifier<Kind>: YearSeries] {
        guard let node = fields.node(key), let pairs = context.mapping(node, field: key) else { return [:] }
        var result: [Identifier<Kind>: YearSeries] = [:]
        for pair in pairs {
            let keyNode = YAMLNode(content: .scalar(pair.key, isPlain: true), location: pair.keyLocation)
            guard let id: Identifier<Kind> = context.identifier(keyNode, field: key) else { continue }
            draft.refer(kind, id.rawValue, at: pair.keyLocation, owner: owner)
            if let series = context.yearSeries(pair.value, field: "\(key).\(pair.key)", rule: rule, use: .carryForward)
            {
                result[id] = series
            }
        }
        return result
    }
}
