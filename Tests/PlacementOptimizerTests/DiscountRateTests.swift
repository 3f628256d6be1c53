import Foundation
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// Discount rates near 0 give the figures of a rate of 0: the capital recovery factor and the
/// discount factors are computed without subtracting numbers near 1.
@Suite struct DiscountRateTests {
    /// Two years, a two-year accelerator: capital and discounting both matter.
    func study(rate: Double) throws -> Study {
        var tiny = try TinyStudy.variant("lifetime two years")
        tiny.discountRate = rate
        return try tiny.study()
    }

    @Test(arguments: [1e-15, 1e-16, 1e-300, 5e-324])
    func aTinyRateGivesTheFiguresOfRateZero(rate: Double) throws {
        let economics = Economics(study: try study(rate: rate))
        for lifetime in [1, 2, 5, 30] {
            expectClose(economics.capitalRecoveryFactor(lifetimeYears: lifetime), 1 / Double(lifetime), relative: 1e-12)
        }
        expectClose(economics.discountFactor(year: 2030), 1, relative: 1e-12)
        let zero = try #require(try TestPlanning.run(try study(rate: 0), analyse: false).plan)
        let tiny = try TestPlanning.run(try study(rate: rate), analyse: false)
        #expect(tiny.investment.termination == .optimal)
        let plan = try #require(tiny.plan)
        expectClose(plan.expectedNPV, zero.expectedNPV, relative: 1e-9)
        expectClose(plan.objectiveUSD, zero.objectiveUSD, relative: 1e-9)
    }

    /// Ordinary rates keep the textbook values.
    @Test func ordinaryRatesKeepTheTextbookValues() throws {
        for rate in [1e-7, 1e-3, 0.08, 0.5] {
            let economics = Economics(study: try study(rate: rate))
            for lifetime in [1, 5, 30] {
                let growth = pow(1 + rate, Double(lifetime))
                expectClose(
                    economics.capitalRecoveryFactor(lifetimeYears: lifetime), rate * growth / (growth - 1),
                    relative: rate < 1e-6 ? 1e-8 : 1e-10)  // the textbook form loses digits itself
            }
            expectClose(economics.discountFactor(year: 2028), pow(1 + rate, -2), relative: 1e-14)
        }
    }
}
