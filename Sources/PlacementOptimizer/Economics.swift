import Foundation
import PlacementModel

/// The money formulas of docs/design.md §3, in one place: the LP's coefficients and the
/// plan's financial statements are both computed from these, so they cannot drift apart.
///
/// ```swift
/// let economics = Economics(study: study)
/// economics.discountFactor(year: 2028)                 // 1 / 1.08^2 at an 8% rate
/// economics.capitalRecoveryFactor(lifetimeYears: 5)    // 0.2505 at 8%
/// ```
public struct Economics: Sendable {
    public let study: Study
    public let hoursPerSlice: Double

    public init(study: Study) {
        self.study = study
        hoursPerSlice = Horizon.hoursPerYear / Double(study.timeSlices)
    }

    /// `1 / (1 + rate)^(year - start)`. Rounding `1 + rate` costs at most n ulps of the factor
    /// whatever the rate (a tiny rate rounds to a factor of 1, the rate-0 value), so `pow` is exact
    /// enough; only the capital recovery factor below needs care near 0.
    public func discountFactor(year: Int) -> Double {
        pow(1 + study.discountRate, -Double(year - study.horizon.start))
    }

    /// `r (1+r)^L / ((1+r)^L - 1)`, and `1/L` at a rate of 0.
    ///
    /// The textbook form subtracts two numbers near 1 when `x = L log1p(r)` is small: at
    /// r = 1e-15 it is 10% off, at 1e-16 it divides by zero. Below x = 0.01 it is computed as
    /// `r / -expm1(-x)`, and below 1e-8 as the series `(1 + r/2)(1 + x/2) / L` (exact to 1e-16);
    /// above, the textbook form loses at most 1e-14 and keeps results byte for byte.
    public func capitalRecoveryFactor(lifetimeYears: Int) -> Double {
        let rate = study.discountRate
        let lifetime = Double(lifetimeYears)
        guard rate != 0 else { return 1 / lifetime }
        let exponent = lifetime * log1p(rate)
        if abs(exponent) < 1e-8 { return (1 + rate / 2) * (1 + exponent / 2) / lifetime }
        if abs(exponent) < 1e-2 { return rate / -expm1(-exponent) }
        let growth = pow(1 + rate, lifetime)
        return rate * growth / (growth - 1)
    }

    /// Work units one accelerator does in an hour in this year and scenario (throughput x efficiency).
    public func effectiveThroughput(_ hardware: Hardware, _ workload: WorkloadID, year: Int, scenario: Scenario)
        -> Double
    {
        hardware.throughput(for: workload) * scenario.efficiencyMultiplier(for: workload, in: year)
    }

    /// Revenue of one work unit.
    public func price(_ tenant: Tenant, year: Int, scenario: Scenario) -> Double {
        tenant.priceUSDPerUnit * scenario.priceMultiplier(for: tenant.workload, in: year)
    }

    /// Energy cost of one busy accelerator-hour at the facility: kW/1000 x PUE x USD/MWh x multiplier.
    public func energyCostPerAcceleratorHour(_ facility: Facility, _ hardware: Hardware, year: Int, scenario: Scenario)
        -> Double
    {
        hardware.powerKW / 1000 * facility.pue * facility.electricityUSDPerMWh
            * scenario.electricityMultiplier(for: facility.region, in: year)
    }

    /// Fixed O&M of one installed accelerator for a year.
    public func fixedOMPerUnitYear(_ facility: Facility, _ hardware: Hardware) -> Double {
        hardware.powerKW / 1000 * facility.fixedOMUSDPerMWYear
    }

    /// Annualised capital charge of one built accelerator for each year it is alive.
    public func capitalPerUnitYear(_ facility: Facility, _ hardware: Hardware) -> Double {
        facility.unitCapexUSD(of: hardware) * capitalRecoveryFactor(lifetimeYears: hardware.lifetimeYears)
    }

    /// Demand rate (units per hour) of a tenant in a zone, year, scenario and UTC slice.
    public func demandRate(_ tenant: Tenant, zoneShare: Double, profileFactor: Double, year: Int, scenario: Scenario)
        -> Double
    {
        tenant.annualUnits(in: year) * zoneShare * scenario.demandMultiplier(for: tenant.workload, in: year)
            * profileFactor / Horizon.hoursPerYear
    }
}
