/// What changed from one result (`base`) to another (`changed`): value, capital, capacity by
/// facility and year, final-year utilization, resilience and stranded value, power limits that
/// started or stopped binding, and demand that became unreachable or reachable.
///
/// Only material differences are kept (``Thresholds``): the plan is unique only to within the
/// solve's gap, so two solves of studies that differ in nothing the plan uses still differ by a
/// few accelerators out of tens of thousands, some dollars of NPV and a degenerate dual. Those
/// differences are counted in ``hiddenDifferences``, not listed.
///
/// ```swift
/// let comparison = PlanComparison(base: try ResultSnapshot(json: a, file: "a.json"),
///                                 changed: try ResultSnapshot(json: b, file: "b.json"))
/// for change in comparison.capacity { print(change.facility, change.year, change.installed.difference ?? 0) }
/// ```
public struct PlanComparison: Sendable {
    /// When a difference is material, so that a comparison lists it.
    public struct Thresholds: Sendable, Equatable {
        /// Share of the larger value a capacity, book, stranded or at-risk value must move by
        /// (`--threshold`, default 0.1%); utilization and resilience must move by this share of
        /// 100% (0.1 percentage point).
        public var share: Double
        /// Accelerators a capacity row must move by, at least.
        public var units: Double
        /// The least relative tolerance of money figures (expected and CVaR NPV, capex): the
        /// default gap of the decomposed solve. The two results' own gaps raise it.
        public var solverTolerance: Double
        /// Share of the larger shadow price by which a binding limit's dual must move to be
        /// "repriced": in a degenerate LP the duals are not unique, so smaller moves say nothing.
        public var priceShare: Double
        /// USD per MW a power limit's dual must move by, at least.
        public var powerPriceFloor: Double
        /// USD per USD the budget's dual must move by, at least.
        public var budgetPriceFloor: Double

        public static let defaultShare = 0.001

        public init(
            share: Double = defaultShare, units: Double = 1, solverTolerance: Double = 1e-7, priceShare: Double = 0.01,
            powerPriceFloor: Double = 1, budgetPriceFloor: Double = 1e-4
        ) {
            self.share = share
            self.units = units
            self.solverTolerance = solverTolerance
            self.priceShare = priceShare
            self.powerPriceFloor = powerPriceFloor
            self.budgetPriceFloor = budgetPriceFloor
        }
    }

    /// How a figure's difference is judged material.
    public enum Rule: Sendable, Equatable {
        /// More than `share` of the larger magnitude (at least 1).
        case relative(Double)
        /// At least `units` and at least `share` of the larger magnitude (accelerators).
        case count(units: Double, share: Double)
        /// At least `points` (shares such as utilization: 0.001 is 0.1 percentage point).
        case absolute(Double)
        /// At least `share` of the larger magnitude and at least `floor` (shadow prices).
        case price(share: Double, floor: Double)
        /// Material exactly when another figure is (IT MW follows its accelerators).
        case follows(Bool)

        func isMaterial(_ base: Double, _ changed: Double) -> Bool {
            let difference = abs(changed - base)
            let larger = max(abs(base), abs(changed))
            if case .follows(let material) = self { return material }
            // Equal values never differ, whatever the threshold (`--threshold 0` lists every difference).
            guard difference > 0 else { return false }
            switch self {
            case .relative(let share): return difference > share * max(1, larger)
            case .count(let units, let share): return difference >= units && difference >= share * larger
            case .absolute(let points): return difference >= points
            case .price(let share, let floor): return difference >= floor && difference >= share * larger
            case .follows: return false  // answered above
            }
        }
    }

    /// One figure in both results, and whether its difference is material under its rule.
    public struct Figure: Sendable, Equatable {
        public var base: Double?
        public var changed: Double?
        public var rule: Rule

        public init(_ base: Double?, _ changed: Double?, rule: Rule = .relative(1e-6)) {
            self.base = base
            self.changed = changed
            self.rule = rule
        }

        /// `changed - base`, when both exist.
        public var difference: Double? { base.flatMap { base in changed.map { $0 - base } } }

        /// The difference is material: present in one result only, or beyond the rule's threshold.
        public var isChanged: Bool {
            guard let base, let changed else { return (base == nil) != (changed == nil) }
            return rule.isMaterial(base, changed)
        }

        /// The two results differ at all, material or not.
        public var differs: Bool {
            guard let base, let changed else { return (base == nil) != (changed == nil) }
            return base != changed
        }
    }

    public struct CapacityChange: Sendable, Equatable {
        public var facility: String
        public var hardware: String
        public var year: Int
        /// The scenario, when either result's capacity depends on it (adaptive decisions).
        public var scenario: String? = nil

        /// The year, with the scenario when there is one: `2028 (base)`.
        public var yearLabel: String { scenario.map { "\(year) (\($0))" } ?? String(year) }
        /// Accelerators added at the start of the year.
        public var built: Figure
        /// Accelerators in service.
        public var installed: Figure
        public var itMW: Figure
    }

    public struct UtilizationChange: Sendable, Equatable {
        /// Nil for the fleet.
        public var facility: String?
        public var scenario: String
        public var utilization: Figure
    }

    public struct ResilienceChange: Sendable, Equatable {
        public var facility: String?
        public var resilience: Figure
        public var worstStress: (base: String?, changed: String?)

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.facility == rhs.facility && lhs.resilience == rhs.resilience
                && lhs.worstStress.base == rhs.worstStress.base && lhs.worstStress.changed == rhs.worstStress.changed
        }
    }

    public struct StrandedChange: Sendable, Equatable {
        public var facility: String?
        public var bookValue: Figure
        /// Expected over scenarios.
        public var stranded: Figure
        public var strandedWorstStress: Figure
        public var atRisk: Figure
    }

    /// How a facility's power limit in a year changed.
    public enum LimitChange: String, Sendable {
        case newlyBinding = "newly binding"
        case released
        /// Binding in both, at a different shadow price.
        case repriced
        /// The row exists in one result only (the facility can build in one and not the other).
        case appeared, disappeared
    }

    public struct PowerLimitChange: Sendable, Equatable {
        public var facility: String
        public var year: Int
        public var change: LimitChange
        /// USD of objective per MW.
        public var shadowPrice: Figure
    }

    public struct BudgetChange: Sendable, Equatable {
        public var change: LimitChange
        /// USD per USD.
        public var shadowPrice: Figure
    }

    public enum Reachability: String, Sendable {
        case becameUnreachable = "became unreachable"
        case becameReachable = "became reachable"
    }

    public struct ReachabilityChange: Sendable, Equatable {
        public var tenant: String
        public var zone: String
        public var change: Reachability
        /// Why no facility can serve it (in the result where it is unreachable).
        public var reason: String
    }

    public let base: ResultSnapshot
    public let changed: ResultSnapshot
    public let thresholds: Thresholds
    /// The relative tolerance of money figures: the larger of the two solves' gaps and
    /// ``Thresholds/solverTolerance``. A difference within it is no change.
    public let moneyTolerance: Double
    /// The year of the final-year figures: the changed result's last year.
    public let finalYear: Int?
    public let expectedNPV: Figure
    public let cvarNPV: Figure
    public let capex: Figure
    /// Per (facility, accelerator, year) where built or installed units differ materially, in
    /// facility, accelerator and year order.
    public let capacity: [CapacityChange]
    public let utilization: [UtilizationChange]
    public let resilience: [ResilienceChange]
    public let stranded: [StrandedChange]
    public let powerLimits: [PowerLimitChange]
    public let budget: BudgetChange?
    public let reachability: [ReachabilityChange]
    /// Rows (capacity, utilization, resilience, stranded value, limits) whose figures differ
    /// but not materially, so they are not listed.
    public let hiddenDifferences: Int

    public init(base: ResultSnapshot, changed: ResultSnapshot, thresholds: Thresholds = Thresholds()) {
        self.base = base
        self.changed = changed
        self.thresholds = thresholds
        let moneyTolerance = max(thresholds.solverTolerance, base.relativeGap ?? 0, changed.relativeGap ?? 0)
        self.moneyTolerance = moneyTolerance
        let finalYear = changed.finalYear ?? base.finalYear
        self.finalYear = finalYear
        // The gap bounds the objective, so the expected NPV is compared at the solver's tolerance.
        // CVaR NPV and capital are by-products the gap does not bound (a plan within it can trade
        // a few accelerators between sites), so they, like every value that follows capacity, are
        // compared at the threshold's share too.
        expectedNPV = Figure(base.expectedNPV, changed.expectedNPV, rule: .relative(moneyTolerance))
        let value = Rule.relative(max(moneyTolerance, thresholds.share))
        cvarNPV = Figure(base.cvarNPV, changed.cvarNPV, rule: value)
        capex = Figure(base.capex, changed.capex, rule: value)
        var hidden = 0
        /// Keeps a row when one of its figures changed materially; counts it as hidden when its
        /// figures differ only immaterially.
        func kept(_ figures: [Figure], alsoChanged: Bool = false) -> Bool {
            if alsoChanged || figures.contains(where: \.isChanged) { return true }
            if figures.contains(where: \.differs) { hidden += 1 }
            return false
        }
        let count = Rule.count(units: thresholds.units, share: thresholds.share)
        let (oldCapacity, newCapacity) = Self.byScenario(base, changed)
        capacity = Self.paired(oldCapacity, newCapacity) {
            "\($0.facility)|\($0.hardware)|\($0.year)|\($0.scenario ?? "")"
        }
        .compactMap { old, new in
            let installed = Figure(old?.installed ?? 0, new?.installed ?? 0, rule: count)
            let change = CapacityChange(
                facility: old?.facility ?? new?.facility ?? "", hardware: old?.hardware ?? new?.hardware ?? "",
                year: old?.year ?? new?.year ?? 0, scenario: old?.scenario ?? new?.scenario,
                built: Figure(old?.built ?? 0, new?.built ?? 0, rule: count),
                installed: installed,
                itMW: Figure(old?.itMW ?? 0, new?.itMW ?? 0, rule: .follows(installed.isChanged)))
            return kept([change.built, change.installed]) ? change : nil
        }
        let points = Rule.absolute(thresholds.share)
        let old = (base.fleetUtilization + base.facilityUtilization).filter { $0.year == finalYear }
        let new = (changed.fleetUtilization + changed.facilityUtilization).filter { $0.year == finalYear }
        utilization = Self.paired(old, new) { "\($0.facility ?? "")|\($0.scenario)" }.compactMap { old, new in
            let figure = Figure(old?.utilization, new?.utilization, rule: points)
            guard kept([figure]) else { return nil }
            return UtilizationChange(
                facility: old?.facility ?? new?.facility, scenario: old?.scenario ?? new?.scenario ?? "",
                utilization: figure)
        }
        resilience = Self.paired(
            base.resilience.filter { $0.year == finalYear },
            changed.resilience.filter { $0.year == finalYear }, key: \.facility
        )
        .compactMap { old, new in
            let figure = Figure(old?.resilience, new?.resilience, rule: points)
            guard kept([figure], alsoChanged: old?.worstStress != new?.worstStress) else { return nil }
            return ResilienceChange(
                facility: old?.facility ?? new?.facility, resilience: figure,
                worstStress: (old?.worstStress, new?.worstStress))
        }
        stranded = Self.paired(
            base.stranded.filter { $0.year == finalYear },
            changed.stranded.filter { $0.year == finalYear }, key: \.facility
        )
        .compactMap { old, new in
            let change = StrandedChange(
                facility: old?.facility ?? new?.facility,
                bookValue: Figure(old?.bookValue, new?.bookValue, rule: value),
                stranded: Figure(old?.strandedExpected, new?.strandedExpected, rule: value),
                strandedWorstStress: Figure(old?.strandedWorstStress, new?.strandedWorstStress, rule: value),
                atRisk: Figure(old?.atRiskExpected, new?.atRiskExpected, rule: value))
            return kept([change.bookValue, change.stranded, change.strandedWorstStress, change.atRisk]) ? change : nil
        }
        let powerPrice = Rule.price(share: thresholds.priceShare, floor: thresholds.powerPriceFloor)
        powerLimits = Self.paired(base.powerLimits, changed.powerLimits) { "\($0.facility)|\($0.year)" }
            .compactMap { old, new in
                let price = Figure(old?.shadowPrice, new?.shadowPrice, rule: powerPrice)
                guard let change = Self.limitChange(old?.binding, new?.binding, price: price) else {
                    if old?.binding == true, new?.binding == true, price.differs { hidden += 1 }
                    return nil
                }
                return PowerLimitChange(
                    facility: old?.facility ?? new?.facility ?? "",
                    year: old?.year ?? new?.year ?? 0, change: change, shadowPrice: price)
            }
        let budgetPrice = Figure(
            base.budget?.shadowPrice, changed.budget?.shadowPrice,
            rule: .price(share: thresholds.priceShare, floor: thresholds.budgetPriceFloor))
        budget = Self.limitChange(base.budget?.binding, changed.budget?.binding, price: budgetPrice)
            .map { BudgetChange(change: $0, shadowPrice: budgetPrice) }
        if budget == nil, base.budget?.binding == true, changed.budget?.binding == true, budgetPrice.differs {
            hidden += 1
        }
        reachability = Self.reachabilityChanges(base.unreachable, changed.unreachable)
        hiddenDifferences = hidden
    }

    /// True when nothing this comparison looks at changed.
    public var isEmpty: Bool {
        ![expectedNPV, cvarNPV, capex].contains(where: \.isChanged) && capacity.isEmpty && utilization.isEmpty
            && resilience.isEmpty && stranded.isEmpty && powerLimits.isEmpty && budget == nil && reachability.isEmpty
    }

    /// Installed IT MW per facility of `result` in `year`: expected over the scenarios where
    /// capacity depends on the scenario (an adaptive plan lists a row per scenario).
    public static func installedMW(of result: ResultSnapshot, in year: Int) -> [String: Double] {
        result.capacity.filter { $0.year == year }.reduce(into: [:]) {
            $0[$1.facility, default: 0] += $1.itMW * ($1.scenario.map { result.probability(of: $0) } ?? 1)
        }
    }

    /// Installed IT MW per facility in the final year, in both results (facilities with capacity in
    /// either), material when one of the facility's final-year capacity rows is.
    public var finalYearMWByFacility: [(facility: String, mw: Figure)] {
        guard let finalYear else { return [] }
        let old = Self.installedMW(of: base, in: finalYear)
        let new = Self.installedMW(of: changed, in: finalYear)
        let facilities = Self.ordered((base.capacity + changed.capacity).map(\.facility))
        return facilities.compactMap { facility in
            // A facility's MW changed when one of its final-year capacity rows did.
            let material = capacity.contains { $0.facility == facility && $0.year == finalYear }
            let figure = Figure(old[facility] ?? 0, new[facility] ?? 0, rule: .follows(material))
            return (figure.base ?? 0) > 0 || (figure.changed ?? 0) > 0 ? (facility, figure) : nil
        }
    }

    // MARK: Pieces

    /// The two results' capacity rows, comparable row by row: when one result's capacity depends on
    /// the scenario (an adaptive plan) and the other's does not, each shared row of the other is
    /// repeated for each scenario of the first.
    private static func byScenario(_ base: ResultSnapshot, _ changed: ResultSnapshot)
        -> ([ResultSnapshot.Capacity], [ResultSnapshot.Capacity])
    {
        func spread(_ rows: [ResultSnapshot.Capacity], over scenarios: [String]) -> [ResultSnapshot.Capacity] {
            rows.flatMap { row in
                row.scenario != nil
                    ? [row]
                    : scenarios.map { scenario in
                        var copy = row
                        copy.scenario = scenario
                        return copy
                    }
            }
        }
        let oldByScenario = base.capacity.contains { $0.scenario != nil }
        let newByScenario = changed.capacity.contains { $0.scenario != nil }
        switch (oldByScenario, newByScenario) {
        case (true, false): return (base.capacity, spread(changed.capacity, over: base.scenarios))
        case (false, true): return (spread(base.capacity, over: changed.scenarios), changed.capacity)
        default: return (base.capacity, changed.capacity)
        }
    }

    /// The change of a limit that exists in either result, or nil when nothing changed.
    private static func limitChange(_ old: Bool?, _ new: Bool?, price: Figure) -> LimitChange? {
        switch (old, new) {
        case (nil, nil): return nil
        case (nil, _): return .appeared
        case (_, nil): return .disappeared
        case (false, true): return .newlyBinding
        case (true, false): return .released
        case (true, true): return price.isChanged ? .repriced : nil
        default: return nil
        }
    }

    private static func reachabilityChanges(
        _ old: [ResultSnapshot.Unreachable],
        _ new: [ResultSnapshot.Unreachable]
    ) -> [ReachabilityChange] {
        paired(old, new) { "\($0.tenant)|\($0.zone)" }.compactMap { old, new in
            switch (old, new) {
            case (nil, let new?):
                return ReachabilityChange(
                    tenant: new.tenant, zone: new.zone, change: .becameUnreachable,
                    reason: new.reason)
            case (let old?, nil):
                return ReachabilityChange(
                    tenant: old.tenant, zone: old.zone, change: .becameReachable,
                    reason: old.reason)
            default:
                return nil
            }
        }
    }

    /// Items of both lists matched by key: base order first, then keys only the changed list has.
    static func paired<Item, Key: Hashable>(
        _ old: [Item], _ new: [Item],
        key: (Item) -> Key
    ) -> [(Item?, Item?)] {
        let oldByKey = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        return ordered((old + new).map(key)).map { (oldByKey[$0], newByKey[$0]) }
    }

    private static func paired<Item>(_ old: [Item], _ new: [Item], key: KeyPath<Item, String?>) -> [(Item?, Item?)] {
        paired(old, new) { $0[keyPath: key] ?? "" }
    }

    /// The distinct values in first-seen order.
    static func ordered<Key: Hashable>(_ keys: [Key]) -> [Key] {
        var seen = Set<Key>()
        return keys.filter { seen.insert($0).inserted }
    }
}
