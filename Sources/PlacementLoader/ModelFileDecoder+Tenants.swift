import PlacementModel

/// Reads `tenants.yaml`.
extension ModelFileDecoder {

    @discardableResult
    func decodeTenants(_ root: YAMLNode) -> Bool {
        guard let (_, list) = items(root, owner: "tenants file", key: "tenants") else { return false }
        for (position, node) in list.enumerated() {
            let owner = owner("tenant", node, position)
            let fields = FieldReader(
                node, owner: owner,
                keys: [
                    "id", "name", "workload", "price_usd_per_unit", "committed_share",
                    "shortfall_penalty_usd_per_unit", "residency", "demand",
                ],
                context: context)
            guard let id: TenantID = declaredID(fields, .tenant) else { continue }
            let workload: WorkloadID? = fields.identifier("workload")
            if let workload {
                draft.refer(.workload, workload.rawValue, at: fields.node("workload")!.location, owner: owner)
            }
            let price = fields.number("price_usd_per_unit", .priceUSDPerUnit)
            let committed = fields.optionalNumber("committed_share", .unitInterval) ?? 0
            let penalty = fields.optionalNumber("shortfall_penalty_usd_per_unit", .priceUSDPerUnit) ?? 0
            let residency = residency(fields)
            var annual: YearSeries?
            var shares: [(ZoneID, Double)] = []
            if let demand = fields.nested("demand", keys: ["annual_units", "zones"]) {
                annual = demand.yearSeries(
                    "annual_units", .annualUnits, use: .interpolated, field: "demand.annual_units")
                shares = zoneShares(demand, owner: owner)
            }
            if fields.hadError { context.markBroken("tenant.\(id)") }
            draft.tenants.append(
                Tenant(
                    id: id, name: fields.optionalText("name"), workload: workload ?? "", priceUSDPerUnit: price ?? 0,
                    committedShare: committed, shortfallPenaltyUSDPerUnit: penalty, residency: residency ?? .anywhere,
                    annualUnits: DemandCurve(annual ?? YearSeries()), zoneShares: shares))
        }
        return true
    }

    private func residency(_ fields: FieldReader) -> Residency? {
        guard let node = fields.node("residency") else { return .anywhere }
        return context.choice(
            node, field: "residency", among: Residency.allCases, hint: "use in-country, in-region or anywhere")
    }

    private func zoneShares(_ demand: FieldReader, owner: String) -> [(ZoneID, Double)] {
        guard let zonesNode = demand.required("zones", expecting: "a mapping of zone ids to shares"),
            let pairs = context.mapping(zonesNode, field: "demand.zones")
        else { return [] }
        var shares: [(ZoneID, Double)] = []
        var isComplete = true
        for pair in pairs {
            let keyNode = YAMLNode(content: .scalar(pair.key, isPlain: true), location: pair.keyLocation)
            guard let zone: ZoneID = context.identifier(keyNode, field: "demand.zones"),
                let share = context.number(pair.value, field: "demand.zones.\(pair.key)", rule: .unitInterval)
            else {
                isComplete = false
                continue
            }
            draft.refer(.zone, zone.rawValue, at: pair.keyLocation, owner: owner)
            shares.append((zone, share))
        }
        let total = shares.reduce(0) { $0 + $1.1 }
        if isComplete, abs(total - 1) > 1e-6 {
            context.error(
                at: zonesNode.location, "zone shares of \(owner) sum to \(Self.format(total)), not 1",
                hint: "make the shares add up to 1 (within 1e-6)")
        }
        return shares
    }
}
