import LinearProgramming
import PlacementModel

/// The rows that tie the build columns together, written the same way in the investment LP and
/// the decomposition's master (rows 3 and 4 of docs/design.md §3).
///
/// ```swift
/// let power = InvestmentRows(index: index).addPowerRows(to: &lp, build: build)
/// let budget = InvestmentRows(index: index).addBudgetRow(to: &lp, build: build)
/// ```
struct InvestmentRows {
    let index: PlacementIndex

    /// `sum of alive builds x kW / 1000 <= power_mw - existing MW` per facility and year; nil where
    /// no build column is alive (the loader has checked that existing units fit).
    func addPowerRows(to lp: inout LinearProgram, build: [[Variable?]]) -> [[Constraint?]] {
        let study = index.study
        var rows = Array(
            repeating: [Constraint?](repeating: nil, count: index.years.count), count: study.facilities.count)
        for (f, facility) in study.facilities.enumerated() {
            for (y, year) in index.years.enumerated() {
                var terms: [(Variable, Double)] = []
                for (fleet, entry) in index.fleets.enumerated() where entry.facility == f {
                    let kw = study.hardware[entry.hardware].powerKW
                    for built in index.buildYearsAlive(fleet: fleet, in: y) {
                        if let column = build[fleet][built] { terms.append((column, kw / 1000 * index.blockUnits)) }
                    }
                }
                guard !terms.isEmpty else { continue }
                let room = facility.powerMW(in: year) - study.existingPowerMW(facility: facility, in: year)
                rows[f][y] = lp.addConstraint(name: "power[\(facility.id),\(year)]", terms: terms, .lessOrEqual(room))
            }
        }
        return rows
    }

    /// `sum of builds x unit capex <= budget` (scaled money), when the study sets a budget.
    func addBudgetRow(to lp: inout LinearProgram, build: [[Variable?]]) -> Constraint? {
        let study = index.study
        let scale = PlacementProgram.moneyScale
        guard let budget = study.budgetUSD else { return nil }
        var terms: [(Variable, Double)] = []
        for (fleet, entry) in index.fleets.enumerated() {
            let unitCapex = study.facilities[entry.facility].unitCapexUSD(of: study.hardware[entry.hardware])
            for case let column? in build[fleet] { terms.append((column, unitCapex * index.blockUnits * scale)) }
        }
        guard !terms.isEmpty else { return nil }
        return lp.addConstraint(name: "budget", terms: terms, .lessOrEqual(budget * scale))
    }
}
