import Foundation
import PlacementModel
import PlacementRisk
import Testing

/// The sampler's draws against the uncertainty model they come from (docs/design.md §8),
/// on 5,000 paths of a three-factor, four-year model.
@Suite("Path sampler statistics")
struct SamplerStatisticsTests {
    static let count = 5000
    static let years = [2026, 2027, 2028, 2029]
    static let model = UncertaintyModel(
        reference: nil,
        factors: [
            UncertaintyFactor(kind: .demand, target: "video", drift: 0.05, volatility: 0.3),
            UncertaintyFactor(kind: .efficiency, target: "video", drift: 0.2, volatility: 0.15),
            UncertaintyFactor(kind: .electricity, target: "gulf", drift: -0.02, volatility: 0.1),
        ],
        correlations: [
            FactorCorrelation(first: "demand.video", second: "efficiency.video", rho: -0.4),
            FactorCorrelation(first: "efficiency.video", second: "electricity.gulf", rho: 0.3),
        ])

    static func sampler() throws -> PathSampler {
        try PathSampler(model: model, years: years, reference: nil)
    }

    @Test("each factor's yearly log increment has the drift and volatility, within 4 standard errors")
    func incrementMoments() throws {
        let paths = try Self.sampler().paths(count: Self.count, seed: 20_261_206)
        for (j, factor) in Self.model.factors.enumerated() {
            for yearIndex in Self.years.indices {
                let values = paths.map { $0.increments[j][yearIndex] }
                let n = Double(values.count)
                let mean = values.reduce(0, +) / n
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
                let std = variance.squareRoot()
                // Standard errors of the mean and of the standard deviation of a normal sample.
                let meanError = factor.volatility / n.squareRoot()
                let stdError = factor.volatility / (2 * (n - 1)).squareRoot()
                #expect(abs(mean - factor.drift) <= 4 * meanError, "\(factor.name) year \(yearIndex) mean \(mean)")
                #expect(abs(std - factor.volatility) <= 4 * stdError, "\(factor.name) year \(yearIndex) std \(std)")
            }
        }
    }

    @Test("the shocks' correlation within a year is the target's within 0.05, and years are independent")
    func correlation() throws {
        let paths = try Self.sampler().paths(count: Self.count, seed: 99)
        let target = Self.model.correlationMatrix()
        for yearIndex in Self.years.indices {
            for first in 0..<3 {
                for second in (first + 1)..<3 {
                    let rho = Self.correlation(
                        paths.map { $0.increments[first][yearIndex] }, paths.map { $0.increments[second][yearIndex] })
                    #expect(abs(rho - target[first][second]) <= 0.05, "factors \(first), \(second): \(rho)")
                }
            }
        }
        let acrossYears = Self.correlation(paths.map { $0.increments[0][0] }, paths.map { $0.increments[0][1] })
        #expect(abs(acrossYears) <= 0.05)
    }

    @Test("one draw per stratum in every dimension (the Latin hypercube property)")
    func oneDrawPerStratum() throws {
        let uniforms = try Self.sampler().uniforms(count: Self.count, seed: 5)
        let dimensions = Self.model.factors.count * Self.years.count
        #expect(uniforms.count == Self.count && uniforms.allSatisfy { $0.count == dimensions })
        for dimension in 0..<dimensions {
            let strata = Set(uniforms.map { Int(($0[dimension] * Double(Self.count)).rounded(.down)) })
            #expect(strata == Set(0..<Self.count), "dimension \(dimension)")
            #expect(uniforms.allSatisfy { $0[dimension] > 0 && $0[dimension] < 1 })
        }
    }

    @Test("multipliers compound the increments from the reference scenario")
    func multipliersCompound() throws {
        let reference = Scenario(id: "base", probability: 1, demand: ["video": YearSeries([2027: 2])])
        let sampler = try PathSampler(model: Self.model, years: Self.years, reference: reference)
        for path in sampler.paths(count: 20, seed: 3) {
            var level = 0.0
            for (yearIndex, year) in Self.years.enumerated() {
                level += path.increments[0][yearIndex]
                let expected = (year >= 2027 ? 2 : 1) * exp(level)
                #expect(abs(path.multipliers[0][yearIndex] - expected) <= 1e-12 * expected)
            }
        }
    }

    @Test("the inverse normal CDF inverts the CDF to near machine precision")
    func inverseNormal() {
        for p in [1e-300, 1e-12, 0.001, 0.02425, 0.1, 0.5, 0.8, 0.97575, 0.999, 1 - 1e-12] {
            let x = NormalDistribution.quantile(p)
            let back = NormalDistribution.cdf(x)
            #expect(abs(back - p) <= 1e-13 * max(p, 1e-3), "p = \(p): x = \(x), cdf = \(back)")
        }
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) <= 1e-14)
        #expect(NormalDistribution.quantile(0.5) == 0)
    }

    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
