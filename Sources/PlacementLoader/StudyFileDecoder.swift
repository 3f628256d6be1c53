import PlacementModel

/// Reads a study file: the files it names and its settings.
struct StudyFileDecoder {
    /// A file the study names, resolved for display and reading.
    struct FileReference {
        var path: String
        var location: SourceLocation
    }

    /// The files a study names, in load order.
    struct FileList {
        var regions: [FileReference] = []
        /// False when a region entry is not a usable path (its error is reported).
        var regionsComplete = true
        var hardware: FileReference?
        var workloads: FileReference?
        var tenants: FileReference?
        var scenarios: FileReference?
    }

    let context: DecodingContext
    let file: String

    func decode(_ root: YAMLNode) -> (FileList, StudySettings?) {
        guard
            let fields = FileHeader.read(
                root, owner: "study file",
                keys: [
                    "name", "regions", "hardware", "workloads", "tenants", "scenarios", "horizon", "discount_rate",
                    "time_slices", "budget_usd", "risk", "policy", "integer_blocks", "latency", "breakeven_utilization",
                    "decisions",
                ],
                context: context)
        else { return (FileList(), nil) }
        var files = FileList()
        if let regions = fields.list("regions") {
            if regions.isEmpty {
                context.error(
                    at: fields.keyLocation("regions"), "the study names no region file",
                    hint: "list region files, e.g. regions: [../Regions/gulf.yaml]")
            }
            files.regions = regions.compactMap { reference($0, field: "regions") }
            files.regionsComplete = files.regions.count == regions.count
        }
        for (key, expecting, slot) in [
            ("hardware", "a path to hardware.yaml", \FileList.hardware),
            ("workloads", "a path to workloads.yaml", \FileList.workloads),
            ("tenants", "a path to tenants.yaml", \FileList.tenants),
            ("scenarios", "a path to scenarios.yaml", \FileList.scenarios),
        ] {
            files[keyPath: slot] = fields.required(key, expecting: expecting).flatMap { reference($0, field: key) }
        }
        return (files, settings(fields))
    }

    private func reference(_ node: YAMLNode, field: String) -> FileReference? {
        guard let relative = context.path(node, field: field) else { return nil }
        return FileReference(path: PathDisplay.resolve(relative, from: file), location: node.location)
    }

    private func settings(_ fields: FieldReader) -> StudySettings? {
        let horizon = horizon(fields)
        context.horizon = horizon
        let discountRate = fields.number("discount_rate", .discountRate)
        let timeSlices = fields.optionalNumber("time_slices", .divisorOf24).map(Int.init) ?? Study.defaultTimeSlices
        let budget = fields.optionalNumber("budget_usd", .budgetUSD)
        var risk = RiskSettings()
        if let reader = fields.nested("risk", keys: ["alpha", "weight"], required: false) {
            risk.alpha = reader.optionalNumber("alpha", .openUnitInterval) ?? risk.alpha
            risk.weight = reader.optionalNumber("weight", .unitInterval) ?? risk.weight
        }
        var policy = PolicySettings()
        if let reader = fields.nested("policy", keys: ["max_category_share"], required: false) {
            policy.maxCategoryShare = reader.optionalNumber("max_category_share", .positiveUpToOne) ?? 1
        }
        var blocks: Int?
        if let reader = fields.nested("integer_blocks", keys: ["units"], required: false) {
            blocks = reader.number("units", .integerBuildUnits).map(Int.init)
        }
        var latency = LatencySettings()
        if let reader = fields.nested("latency", keys: ["route_factor", "base_ms"], required: false) {
            latency.routeFactor = reader.optionalNumber("route_factor", .routeFactor) ?? latency.routeFactor
            latency.baseMs = reader.optionalNumber("base_ms", .baseMs) ?? latency.baseMs
        }
        let breakeven =
            fields.optionalNumber("breakeven_utilization", .positiveUpToOne)
            ?? Study.defaultBreakevenUtilization
        let decisions = decisions(fields)
        guard let horizon, let discountRate, let decisions, !fields.hadError else { return nil }
        return StudySettings(
            horizon: horizon, discountRate: discountRate, timeSlices: timeSlices, budgetUSD: budget, risk: risk,
            policy: policy, integerBuildUnits: blocks, latency: latency, breakevenUtilization: breakeven,
            decisions: decisions)
    }

    /// `decisions: here-and-now | adaptive` (docs/design.md §9); absent means here-and-now.
    private func decisions(_ fields: FieldReader) -> DecisionMode? {
        guard let node = fields.node("decisions") else { return .hereAndNow }
        return context.choice(
            node, field: "decisions", among: DecisionMode.studyFileValues,
            hint: "use here-and-now (every build fixed at the start) or adaptive (builds in phases)")
    }

    private func horizon(_ fields: FieldReader) -> Horizon? {
        guard let reader = fields.nested("horizon", keys: ["start", "end"]) else { return nil }
        let start = reader.number("start", .year).map(Int.init)
        let end = reader.number("end", .year).map(Int.init)
        guard let start, let end else { return nil }
        for (key, year) in [("start", start), ("end", end)] where !(1900...2200).contains(year) {
            context.error(
                at: reader.node(key)!.location, "horizon \(key) \(year) is not a plausible year",
                hint: "write years in full, e.g. 2026")
            return nil
        }
        guard end >= start else {
            context.error(
                at: reader.node("end")!.location, "horizon end \(end) is before its start \(start)",
                hint: "the horizon runs from start to end inclusive")
            return nil
        }
        return Horizon(start: start, end: end)
    }
}
