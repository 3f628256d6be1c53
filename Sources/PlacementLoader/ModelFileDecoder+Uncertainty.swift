import PlacementModel

/// Reads the `uncertainty:` section of a scenarios file (docs/design.md §8): the reference
/// scenario, the log-normal factors and their correlations. Unknown workloads, regions and
/// the reference scenario are checked across files, like every other id.
extension ModelFileDecoder {

    func decodeUncertainty(_ file: FieldReader) {
        guard
            let section = file.nested(
                "uncertainty", keys: ["reference", "factors", "correlation"], required: false)
        else { return }
        var reference: ScenarioID?
        if let node = section.node("reference"), let id: ScenarioID = context.identifier(node, field: "reference") {
            reference = id
            draft.refer(.scenario, id.rawValue, at: node.location, owner: "uncertainty")
        }
        var factors: [UncertaintyFactor] = []
        var factorsComplete = true
        var written: [String] = []
        if let pairs = section.mapping("factors") {
            written = pairs.map(\.key)
            if pairs.isEmpty {
                context.error(
                    at: section.keyLocation("factors"), "'factors' of uncertainty lists no factor",
                    hint: "add a factor, e.g. demand.video: {drift: 0.05, volatility: 0.3}")
            }
            for pair in pairs {
                if let factor = uncertaintyFactor(pair) { factors.append(factor) } else { factorsComplete = false }
            }
        } else {
            factorsComplete = false
        }
        let errorsBefore = context.errorCount
        let correlations =
            section.node("correlation").map { correlationEntries($0, factors: factors, written: written) } ?? []
        if section.hadError {
            context.markBroken("uncertainty")
            return
        }
        let model = UncertaintyModel(reference: reference, factors: factors, correlations: correlations)
        if factorsComplete, context.errorCount == errorsBefore,
            CholeskyFactorization(model.correlationMatrix()) == nil
        {
            context.error(
                at: section.keyLocation("correlation"), "the correlation matrix is not positive definite",
                hint: "these correlations cannot all hold at once (e.g. two factors both strongly tied to a third "
                    + "but opposed to each other); weaken the largest ones")
            return
        }
        draft.uncertainty = model
    }

    /// One `kind.target: {drift, volatility}` entry; `nil` after reporting its errors.
    private func uncertaintyFactor(_ pair: YAMLPair) -> UncertaintyFactor? {
        let kinds = UncertaintyFactor.Kind.allCases.map(\.rawValue)
        guard let dot = pair.key.firstIndex(of: ".") else {
            context.error(
                at: pair.keyLocation, "factor '\(pair.key)' is not named kind.id",
                hint: "name a factor demand.<workload>, efficiency.<workload>, price.<workload> or electricity.<region>"
            )
            return nil
        }
        let kindText = String(pair.key[..<dot])
        let target = String(pair.key[pair.key.index(after: dot)...])
        guard let kind = UncertaintyFactor.Kind(rawValue: kindText) else {
            context.error(
                at: pair.keyLocation, "unknown factor kind '\(kindText)' in '\(pair.key)'",
                hint: Suggestions.hint(for: kindText, among: kinds, noun: "factor kinds")
                    ?? "use demand, efficiency, price or electricity")
            return nil
        }
        let keyNode = YAMLNode(content: .scalar(target, isPlain: true), location: pair.keyLocation)
        guard let _: WorkloadID = context.identifier(keyNode, field: pair.key) else { return nil }
        draft.refer(
            kind.targetsRegion ? .region : .workload, target, at: pair.keyLocation,
            owner: "uncertainty factor '\(pair.key)'")
        let fields = FieldReader(
            pair.value, owner: "factor '\(pair.key)'", keys: ["drift", "volatility"], context: context)
        let drift = fields.number("drift", .drift)
        let volatility = fields.number("volatility", .volatility)
        guard let drift, let volatility else { return nil }
        return UncertaintyFactor(kind: kind, target: target, drift: drift, volatility: volatility)
    }

    /// The `correlation` list: `[factor, factor, rho]` items naming listed factors, each pair once.
    /// A factor listed with an error (`written` but not in `factors`) was reported already.
    private func correlationEntries(_ node: YAMLNode, factors: [UncertaintyFactor], written: [String])
        -> [FactorCorrelation]
    {
        guard let items = context.list(node, field: "correlation") else { return [] }
        let names = factors.map(\.name)
        var seen: [Set<String>: SourceLocation] = [:]
        var result: [FactorCorrelation] = []
        for item in items {
            guard case .sequence(let parts) = item.content, parts.count == 3 else {
                let found =
                    if case .sequence(let parts) = item.content { "a list of \(parts.count)" } else {
                        item.kindDescription
                    }
                context.error(
                    at: item.location, "a correlation entry must be [factor, factor, rho], found \(found)",
                    hint: "write e.g. [demand.video, efficiency.video, -0.4]")
                continue
            }
            let first = correlatedFactor(parts[0], names: names, written: written)
            let second = correlatedFactor(parts[1], names: names, written: written)
            let rho = context.number(parts[2], field: "rho", rule: .any)
            if let rho, !(abs(rho) < 1) {
                context.error(
                    at: parts[2].location,
                    "correlation rho must be strictly between -1 and 1, found \(ModelFileDecoder.format(rho))",
                    hint: "write e.g. -0.4; a correlation of ±1 would make the two factors one")
                continue
            }
            guard let first, let second, let rho else { continue }
            if first == second {
                context.error(
                    at: item.location, "correlation pairs factor '\(first)' with itself",
                    hint: "a factor's correlation with itself is always 1; pair two different factors")
                continue
            }
            let pair: Set = [first, second]
            if let earlier = seen[pair] {
                context.error(
                    at: item.location, "correlation lists the pair '\(first)', '\(second)' twice",
                    hint: "first listed at \(earlier.file):\(earlier.line):\(earlier.column); keep one")
                continue
            }
            seen[pair] = item.location
            result.append(FactorCorrelation(first: first, second: second, rho: rho))
        }
        return result
    }

    private func correlatedFactor(_ node: YAMLNode, names: [String], written: [String]) -> String? {
        guard let name = context.text(node, field: "correlation") else { return nil }
        guard names.contains(name) else {
            if written.contains(name) { return nil }
            context.error(
                at: node.location, "correlation names factor '\(name)', which 'factors' does not list",
                hint: Suggestions.hint(for: name, among: names, noun: "listed factors")
                    ?? "list the factor under 'factors' first")
            return nil
        }
        return name
    }
}
