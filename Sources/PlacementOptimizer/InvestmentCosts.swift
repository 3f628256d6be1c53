import PlacementModel

/// What capacity costs, whatever its dispatch: the build columns' objective coefficients and the
/// objective's constant, shared by the investment LP and the decomposition's master problem.
///
/// ```swift
/// let costs = InvestmentCosts(index: index, economics: Economics(study: study))
/// costs.discountedCostPerUnit(fleet: 0, builtIn: 0)   // USD over the build's horizon years
/// costs.existingFixedOM()                            // USD, discounted
/// ```
public struct InvestmentCosts: Sendable {
    public let index: PlacementIndex
    public let economics: Economics

    public init(index: PlacementIndex, economics: Economics) {
        self.index = index
        self.economics = economics
    }

    /// Fixed O&M plus capital charge of one accelerator built in year position `y`, discounted,
    /// over the horizon years it is alive (annualisation: years after the horizon are not charged).
    public func discountedCostPerUnit(fleet: Int, builtIn y: Int) -> Double {
        let entry = index.fleets[fleet]
        let unitCapex = index.study.facilities[entry.facility].unitCapexUSD(of: index.study.hardware[entry.hardware])
        return discountedCostPerUnit(fleet: fleet, builtIn: y, unitCapexUSD: unitCapex)
    }

    /// ``discountedCostPerUnit(fleet:builtIn:)`` were one accelerator of the fleet to cost
    /// `unitCapexUSD` (accelerator and shell together) instead of the study's: the break-even
    /// search's repricing (docs/design.md §10).
    public func discountedCostPerUnit(fleet: Int, builtIn y: Int, unitCapexUSD: Double) -> Double {
        let entry = index.fleets[fleet]
        let facility = index.study.facilities[entry.facility]
        let hardware = index.study.hardware[entry.hardware]
        let capital = unitCapexUSD * economics.capitalRecoveryFactor(lifetimeYears: hardware.lifetimeYears)
        let yearly = economics.fixedOMPerUnitYear(facility, hardware) + capital
        return index.years.indices.filter { hardware.isAlive(installedIn: index.years[y], in: index.years[$0]) }
            .reduce(0) { $0 + economics.discountFactor(year: index.years[$1]) * yearly }
    }

    /// Discounted fixed O&M of the existing units over the horizon, including those of hardware
    /// no arc can use (installed, idle, still paying): a constant of every scenario's NPV.
    public func existingFixedOM() -> Double {
        let study = index.study
        let pairs = index.fleets + index.idleExisting
        var cost = 0.0
        for pair in pairs {
            let facility = study.facilities[pair.facility]
            let hardware = study.hardware[pair.hardware]
            let perUnit = economics.fixedOMPerUnitYear(facility, hardware)
            for year in index.years {
                cost +=
                    economics.discountFactor(year: year)
                    * study.existingUnitsAlive(facility: facility, hardware: hardware, in: year) * perUnit
            }
        }
        return cost
    }
}
