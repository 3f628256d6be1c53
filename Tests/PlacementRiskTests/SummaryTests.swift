import PlacementModel
import PlacementRisk
import Testing

/// Summaries of small lists, derived by hand.
///
/// The ten values 7, -3, 12, 0, 5, 9, -8, 2, 15, 1 sort to -8, -3, 0, 1, 2, 5, 7, 9, 12, 15.
/// - Mean 40 / 10 = 4. Squared deviations 144, 49, 16, 9, 4, 1, 9, 25, 64, 121 sum to 442, so
///   the sample variance is 442 / 9 and the standard error sqrt(442 / 9 / 10) = sqrt(4.9111...) = 2.21610...
/// - The q-quantile is the k-th smallest with k = ceil(10 q): p5 and p10 the 1st (-8), p25 the
///   3rd (0), p50 the 5th (2), p75 the 8th (9), p90 the 9th (12), p95 the 10th (15).
/// - At alpha 0.9, VaR is the 0.1-quantile (-8) and CVaR the worst 10%, one value: -8. At alpha
///   0.75 the worst 25% is -8, -3 and half of 0: (-8 - 3 + 0.5 x 0) / 2.5 = -4.4; VaR the
///   0.25-quantile, 0.
/// - Three values below 1 of ten: 0.3, Wilson interval with z = 1.959964, z² = 3.841459:
///   centre (0.3 + 0.192073) / 1.384146 = 0.355506, half 1.959964 / 1.384146 x
///   sqrt(0.021 + 0.009604) = 1.416009 x 0.174940 = 0.247716: 0.107791 to 0.603222.
@Suite("Risk summaries by hand")
struct SummaryTests {
    static let values: [Double] = [7, -3, 12, 0, 5, 9, -8, 2, 15, 1]

    @Test("mean, standard error and quantiles of ten values")
    func tenValues() {
        let summary = Summary(Self.values)
        #expect(summary.mean == 4)
        #expect(abs(summary.standardError - (442.0 / 90).squareRoot()) < 1e-12)
        #expect(
            summary.quantiles == ["p5": -8, "p10": -8, "p25": 0, "p50": 2, "p75": 9, "p90": 12, "p95": 15])
    }

    @Test("one value: no spread; quantiles all that value")
    func oneValue() {
        let summary = Summary([42])
        #expect(summary.mean == 42 && summary.standardError == 0)
        #expect(Set(summary.quantiles.values) == [42])
    }

    @Test("weighted quantiles and mean count weight, not values")
    func weighted() {
        // 10 with weight 0.7, 20 with 0.3: mean 13; p50 and p70 are 10, p75 is 20.
        let summary = Summary([20, 10], weights: [0.3, 0.7])
        #expect(abs(summary.mean - 13) < 1e-12)
        #expect(summary.quantile(0.5) == 10 && summary.quantile(0.7) == 10 && summary.quantile(0.75) == 20)
    }

    @Test("VaR and CVaR of NPV, the boundary value weighted by its fraction")
    func tails() throws {
        let figures = Self.values.enumerated().map { i, npv in
            ScenarioFigures(
                scenario: ScenarioID("s\(i)"), probability: 0.1, npv: npv,
                fleet: [.init(year: 2026, utilization: npv < 1 ? 0.2 : 0.9, stranded: 0, atRisk: 0)],
                belowBreakevenFinalYear: npv < 1)
        }
        let at90 = RiskSummaries(figures, alpha: 0.9)
        #expect(at90.valueAtRisk == -8)
        #expect(abs(at90.conditionalValueAtRisk - -8) < 1e-12)
        let at75 = RiskSummaries(figures, alpha: 0.75)
        #expect(at75.valueAtRisk == 0)
        #expect(abs(at75.conditionalValueAtRisk - -4.4) < 1e-12)
        let below = try #require(at75.probabilityBelowBreakeven)
        #expect(abs(below.value - 0.3) < 1e-12)
        #expect(abs(below.low - 0.107791) < 1e-6)
        #expect(abs(below.high - 0.603222) < 1e-6)
    }

    @Test("Wilson interval of 2 in 10 and of the extremes")
    func wilson() {
        // 2 of 10: centre (0.2 + 0.192073) / 1.384146 = 0.283260, half 1.416009 x sqrt(0.016 + 0.009604)
        // = 1.416009 x 0.160012 = 0.226578: 0.056682 to 0.509838.
        let two = WilsonInterval(successes: 2, trials: 10)
        #expect(abs(two.low - 0.056682) < 1e-6 && abs(two.high - 0.509838) < 1e-6)
        // 0 of 10: low 0, high z²/n / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533.
        let none = WilsonInterval(successes: 0, trials: 10)
        #expect(abs(none.low) < 1e-12 && abs(none.high - 0.277533) < 1e-6)
    }
}
