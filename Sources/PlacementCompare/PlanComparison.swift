/// What changed from one result (`base`) to another (`changed`): value, capital, capacity by
/// facility and year, final-year utilization, resilience and stranded value, power limits that
/// started or stopped binding, and demand that became unreachable or reachable.
///
/// Only differences are kept: a figure counts as changed when the two values differ by more
/// than ``tolerance`` relative to the larger magnitude (at least 1), or when one is missing.
///
/// ```swift
/// let comparison = PlanComparison(base: try ResultSnapshot(json: a, file: "a.json"),
///                                 changed: try ResultSnapshot(json: b, file: "b.json"))
/// for change in comparison.capacity { print(change.facility, change.year, change.installed.difference ?? 0) }
/// ```
public struct PlanComparison: Sendable {
    /// Relative difference below which two figures count as equal (solver noise).
    public static let tolerance = 1e-6

    /// One figure in both results.
    public struct Figure: Sendable, Equatable {
        public var base: Double?
        public var changed: Double?

        public init(_ base: Double?, _ changed: Double?) {
            self.base = base
            self.changed = changed
        }

        /// `changed - base`, when both exist.
        public var difference: Double? { base.flatMap { base in changed.map { $0 - base } } }

        public var isChanged: Bool {
            guard let base, let changed else { return (base == nil) != (changed == nil) }
            return abs(changed - base) > PlanComparison.tolerance * max(1, abs(base), abs(changed))
        }
    }

    public struct CapacityChange: Sendable, Equatable {
        public var facility: String
        public var hardware: String
        public var year: Int
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
    /// The year of the final-year figures: the changed result's last year.
    public let finalYear: Int?
    public let expectedNPV: Figure
    public let cvarNPV: Figure
    public let capex: Figure
    /// Per (facility, accelerator, year) where built or installed units differ, in facility,
    /// accelerator and year order.
    public let capacity: [CapacityChange]
    public let utilization: [UtilizationChange]
    public let resilience: [ResilienceChange]
    public let stranded: [StrandedChange]
    public let powerLimits: [PowerLimitChange]
    public let budget: BudgetChange?
    public let reachability: [ReachabilityChange]

    public init(base: ResultSnapshot, changed: ResultSnapshot) {
        self.base = base
        self.changed = changed
        let finalYear = changed.finalYear ?? base.finalYear
        self.finalYear = finalYear
        expectedNPV = Figure(base.expectedNPV, changed.expectedNPV)
        cvarNPV = Figure(base.cvarNPV, changed.cvarNPV)
        capex = Figure(base.capex, changed.capex)
        capacity = Self.capacityChanges(base.capacity, changed.capacity)
        utilization = Self.utilizationChanges(base, changed, year: finalYear)
        resilience = Self.paired(
            base.resilience.filter { $0.year == finalYear },
            changed.resilience.filter { $0.year == finalYear }, key: \.facility
        )
        .compactMap { old, new in
            let figure = Figure(old?.resilience, new?.resilience)
            guard figure.isChanged || old?.worstStress != new?.worstStress else { return nil }
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
                facility: old?.facility ?? new?.facility, bookValue: Figure(old?.bookValue, new?.bookValue),
                stranded: Figure(old?.strandedExpected, new?.strandedExpected),
                strandedWorstStress: Figure(old?.strandedWorstStress, new?.strandedWorstStress),
                atRisk: Figure(old?.atRiskExpected, new?.atRiskExpected))
            let figures = [change.bookValue, change.stranded, change.strandedWorstStress, change.atRisk]
            return figures.contains(where: \.isChanged) ? change : nil
        }
        powerLimits = Self.paired(base.powerLimits, changed.powerLimits) { "\($0.facility)|\($0.year)" }
            .compactMap { old, new in
                let price = Figure(old?.shadowPrice, new?.shadowPrice)
                guard let change = Self.limitChange(old?.binding, new?.binding, price: price) else { return nil }
                return PowerLimitChange(
                    facility: old?.facility ?? new?.facility ?? "",
                    year: old?.year ?? new?.year ?? 0, change: change, shadowPrice: price)
            }
        let budgetPrice = Figure(base.budget?.shadowPrice, changed.budget?.shadowPrice)
        budget = Self.limitChange(base.budget?.binding, changed.budget?.binding, price: budgetPrice)
            .map { BudgetChange(change: $0, shadowPrice: budgetPrice) }
        reachability = Self.reachabilityChanges(base.unreachable, changed.unreachable)
    }

    /// True when nothing this comparison looks at changed.
    public var isEmpty: Bool {
        ![expectedNPV, cvarNPV, capex].contains(where: \.isChanged) && capacity.isEmpty && utilization.isEmpty
            && resilience.isEmpty && stranded.isEmpty && powerLimits.isEmpty && budget == nil && reachability.isEmpty
    }

    /// Installed IT MW per facility in the final year, in both results (facilities with capacity in either).
    public var finalYearMWByFacility: [(facility: String, mw: Figure)] {
        guard let finalYear else { return [] }
        func total(_ rows: [ResultSnapshot.Capacity]) -> [String: Double] {
            rows.filter { $0.year == finalYear }.reduce(into: [:]) { $0[$1.facility, default: 0] += $1.itMW }
        }
        let old = total(base.capacity)
        let new = total(changed.capacity)
        let facilities = Self.ordered((base.capacity + changed.capacity).map(\.facility))
        return facilities.compactMap { facility in
            let figure = Figure(old[facility] ?? 0, new[facility] ?? 0)
            return (figure.base ?? 0) > 0 || (figure.changed ?? 0) > 0 ? (facility, figure) : nil
        }
    }

    // MARK: Pieces

    private static func capacityChanges(
        _ old: [ResultSnapshot.Capacity],
        _ new: [ResultSnapshot.Capacity]
    ) -> [CapacityChange] {
        paired(old, new) { "\($0.facility)|\($0.hardware)|\($0.year)" }.compactMap { old, new in
            let change = CapacityChange(
                facility: old?.facility ?? new?.facility ?? "", hardware: old?.hardware ?? new?.hardware ?? "",
                year: old?.year ?? new?.year ?? 0, built: Figure(old?.built ?? 0, new?.built ?? 0),
                installed: Figure(old?.installed ?? 0, new?.installed ?? 0),
                itMW: Figure(old?.itMW ?? 0, new?.itMW ?? 0))
            return change.built.isChanged || change.installed.isChanged ? change : nil
        }
    }

    private static func utilizationChanges(
        _ base: ResultSnapshot, _ changed: ResultSnapshot,
        year: Int?
    ) -> [UtilizationChange] {
        let old = (base.fleetUtilization + base.facilityUtilization).filter { $0.year == year }
        let new = (changed.fleetUtilization + changed.facilityUtilization).filter { $0.year == year }
        return paired(old, new) { "\($0.facility ?? "")|\($0.scenario)" }.compactMap { old, new in
            let figure = Figure(old?.utilization, new?.utilization)
            guard figure.isChanged else { return nil }
            return UtilizationChange(
                facility: old?.facility ?? new?.facility,
                scenario: old?.scenario ?? new?.scenario ?? "", utilization: figure)
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
