import Foundation
import PlacementCompare

/// `placement compare` output: what changed between two results, as a terminal table, JSON
/// (schema `sovereign-placement.compare/1`) or CSV (one row per changed figure).
///
/// ```swift
/// let report = ComparisonReport(PlanComparison(base: a, changed: b))
/// print(report.table())
/// ```
public struct ComparisonReport: Sendable {
    public static let schema = "sovereign-placement.compare/1"

    public let comparison: PlanComparison

    public init(_ comparison: PlanComparison) {
        self.comparison = comparison
    }

    // MARK: Table

    public func table() -> String {
        let c = comparison
        var out = ["Compare \(c.base.source) (base) with \(c.changed.source) (changed)"]
        if c.base.termination != c.changed.termination {
            out.append("Solver: \(c.base.termination) -> \(c.changed.termination)")
        }
        if c.isEmpty {
            out.append(
                "No differences in value, capital, capacity, final-year utilization, resilience, "
                    + "stranded value, binding limits or reachable demand.")
            if let footer = Self.hiddenFooter(c) { out += ["", footer] }
            return out.joined(separator: "\n") + "\n"
        }
        var value = TextTable(header: ["value (USD)", "base", "changed", "difference"])
        for (label, figure) in [("expected NPV", c.expectedNPV), ("CVaR NPV", c.cvarNPV), ("capex", c.capex)] {
            value.append([label] + Self.money(figure, solverTolerance: c.moneyTolerance))
        }
        out += ["", value.rendered()]
        if !c.capacity.isEmpty {
            var table = TextTable(header: [
                "capacity (accelerators)", "year", "built", "installed", "installed Δ",
                "IT MW Δ",
            ])
            for change in c.capacity {
                table.append([
                    "\(change.facility) / \(change.hardware)", change.yearLabel,
                    Self.fromTo(change.built), Self.fromTo(change.installed),
                    Self.signed(change.installed.difference) + Self.addedOrRemoved(change.installed),
                    Self.signed(
                        change.itMW.difference,
                        decimals: abs(change.itMW.difference ?? 0) < 1 ? 3 : 1),
                ])
            }
            out += ["", table.rendered()]
        }
        let year = c.finalYear.map(String.init) ?? "the final year"
        if !c.utilization.isEmpty {
            var table = TextTable(header: ["utilization in \(year)", "scenario", "base", "changed", "difference"])
            for change in c.utilization {
                table.append([
                    change.facility ?? "fleet", change.scenario, Format.percent(change.utilization.base),
                    Format.percent(change.utilization.changed), Self.points(change.utilization.difference),
                ])
            }
            out += ["", table.rendered()]
        }
        if !c.resilience.isEmpty {
            var table = TextTable(header: ["resilience in \(year)", "base", "changed", "difference", "worst stress"])
            for change in c.resilience {
                table.append([
                    change.facility ?? "fleet", Format.percent(change.resilience.base),
                    Format.percent(change.resilience.changed), Self.points(change.resilience.difference),
                    Self.fromTo(change.worstStress.base, change.worstStress.changed),
                ])
            }
            out += ["", table.rendered()]
        }
        if !c.stranded.isEmpty {
            var table = TextTable(header: [
                "stranded value in \(year) (USD)", "book value", "stranded E",
                "worst stress", "at risk E",
            ])
            for change in c.stranded {
                table.append([
                    change.facility ?? "fleet", Self.moneyChange(change.bookValue),
                    Self.moneyChange(change.stranded), Self.moneyChange(change.strandedWorstStress),
                    Self.moneyChange(change.atRisk),
                ])
            }
            out += ["", table.rendered()]
        }
        if !c.powerLimits.isEmpty || c.budget != nil {
            var table = TextTable(header: ["limit", "year", "change", "shadow price base", "changed"])
            for limit in c.powerLimits {
                table.append([
                    "power at \(limit.facility)", String(limit.year), limit.change.rawValue,
                    Self.money(limit.shadowPrice.base, unit: " USD/MW"),
                    Self.money(limit.shadowPrice.changed, unit: " USD/MW"),
                ])
            }
            if let budget = c.budget {
                table.append([
                    "budget", "all", budget.change.rawValue,
                    budget.shadowPrice.base.map { Format.grouped($0, decimals: 3) + " USD/USD" } ?? "-",
                    budget.shadowPrice.changed.map { Format.grouped($0, decimals: 3) + " USD/USD" } ?? "-",
                ])
            }
            out += ["", table.rendered()]
        }
        if !c.reachability.isEmpty {
            out.append("")
            out.append("Demand reachability")
            for change in c.reachability {
                out.append("  \(change.tenant) in \(change.zone) \(change.change.rawValue): \(change.reason)")
            }
        }
        if let footer = Self.hiddenFooter(c) { out += ["", footer] }
        return out.joined(separator: "\n") + "\n"
    }

    /// How many immaterial differences were left out, and the rule, or nil when none were.
    static func hiddenFooter(_ c: PlanComparison) -> String? {
        guard c.hiddenDifferences > 0 else { return nil }
        let count = c.hiddenDifferences
        return "\(count) immaterial difference\(count == 1 ? "" : "s") hidden: \(materialityRule(c))."
    }

    /// A relative tolerance as people write it: "1e-7", "2.5e-6".
    static func tolerance(_ value: Double) -> String {
        String(format: "%.2g", value).replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(
            of: "e+0", with: "e")
    }

    /// The materiality rule in words, for footers.
    static func materialityRule(_ c: PlanComparison) -> String {
        let share = Format.grouped(c.thresholds.share * 100, decimals: c.thresholds.share * 100 < 0.1 ? 3 : 1)
        return "a row is listed when accelerators move by at least \(Format.grouped(c.thresholds.units)) and "
            + "\(share)% (--threshold), utilization or resilience by \(share) percentage points, book, stranded "
            + "and at-risk value, CVaR NPV and capex by \(share)%, expected NPV beyond the solver tolerance "
            + "(\(Self.tolerance(c.moneyTolerance))), a binding limit's shadow price by "
            + "\(Format.grouped(c.thresholds.priceShare * 100))%"
    }

    // MARK: Formatting

    static func money(_ figure: PlanComparison.Figure, solverTolerance: Double) -> [String] {
        [money(figure.base), money(figure.changed), moneyDifference(figure, solverTolerance: solverTolerance)]
    }

    /// The difference of a money figure, or "no change" when it is immaterial: within the
    /// solver's tolerance (the rule of the expected NPV), or below `--threshold` (the others).
    static func moneyDifference(_ figure: PlanComparison.Figure, solverTolerance: Double) -> String {
        guard let difference = figure.difference else { return "-" }
        guard figure.isChanged else {
            guard figure.differs else { return "no change" }
            return figure.rule == .relative(solverTolerance)
                ? "no change (within solver tolerance)" : "no change (below --threshold)"
        }
        return signed(difference, money: true)
    }

    static func money(_ value: Double?, unit: String = "") -> String {
        value.map { Format.money($0) + unit } ?? "-"
    }

    static func moneyChange(_ figure: PlanComparison.Figure) -> String {
        guard figure.isChanged else { return money(figure.changed) }
        return "\(money(figure.base)) -> \(money(figure.changed))"
    }

    static func fromTo(_ figure: PlanComparison.Figure) -> String {
        let grouped = { (value: Double?) in value.map { Format.grouped($0) } ?? "-" }
        return figure.isChanged ? "\(grouped(figure.base)) -> \(grouped(figure.changed))" : grouped(figure.changed)
    }

    static func fromTo(_ base: String?, _ changed: String?) -> String {
        base == changed ? (changed ?? "-") : "\(base ?? "-") -> \(changed ?? "-")"
    }

    /// A difference with its sign, except where it reads as zero at the precision shown: never
    /// "+0" or "-0".
    static func signed(_ value: Double?, decimals: Int = 0, money: Bool = false) -> String {
        guard let value else { return "-" }
        let text = money ? Format.money(abs(value)) : Format.grouped(abs(value), decimals: decimals)
        guard text.contains(where: { $0.isNumber && $0 != "0" }) else { return text }
        return (value > 0 ? "+" : value < 0 ? "-" : "") + text
    }

    /// A difference of two shares, in percentage points.
    static func points(_ value: Double?) -> String {
        guard let value else { return "-" }
        return signed(value * 100, decimals: 1) + " pt"
    }

    /// " (added)" or " (removed)" for a material change of accelerators, else nothing.
    static func addedOrRemoved(_ figure: PlanComparison.Figure) -> String {
        guard let difference = figure.difference, figure.isChanged, difference.rounded() != 0 else { return "" }
        return difference > 0 ? " (added)" : " (removed)"
    }
}
