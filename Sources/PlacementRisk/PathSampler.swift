import PlacementModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws paths of a study's uncertainty model (docs/design.md §8).
///
/// Every (factor, horizon year) is one dimension of a ``LatinHypercube``; its uniform becomes
/// a standard normal by ``NormalDistribution/quantile(_:)``; within a year the factors'
/// normals are correlated by the Cholesky factor of the correlation matrix, years stay
/// independent; factor j's shock is `e = drift_j + volatility_j * z_j` and its multiplier in
/// year i is `reference_j(year_i) * exp(e_0 + ... + e_i)`.
///
/// ```swift
/// let sampler = try PathSampler(study: study)
/// let paths = sampler.paths(count: 1000, seed: 7)             // all of them
/// let shard = sampler.paths(count: 1000, seed: 7, in: 0..<250) // the same first 250
/// ```
public struct PathSampler: Sendable {
    /// The uncertainty model drawn from.
    public let model: UncertaintyModel
    /// The horizon's years.
    public let years: [Int]
    /// The scenario the paths start from; `nil`: every multiplier starts at 1.
    public let reference: Scenario?
    private let cholesky: CholeskyFactorization

    /// The dimension of (factor, year) in the Latin hypercube: years outer, factors inner.
    public func dimension(factor: Int, yearIndex: Int) -> Int { yearIndex * model.factors.count + factor }

    /// A sampler for `study`'s uncertainty model.
    ///
    /// - Throws: ``SamplingError`` when the study has no `uncertainty` section, its reference
    ///   scenario is not in the study, or its correlation matrix is not positive definite (the
    ///   loader reports the last two, with their lines, for studies read from files).
    public init(study: Study) throws(SamplingError) {
        guard let model = study.uncertainty else {
            throw SamplingError("the study's scenarios file has no 'uncertainty' section to sample")
        }
        try self.init(model: model, years: study.horizon.years, reference: model.reference.flatMap(study.scenario))
        if let id = model.reference, reference == nil {
            throw SamplingError("the uncertainty reference '\(id)' is not a scenario of the study")
        }
    }

    /// A sampler for `model` over `years`, starting from `reference` (all 1 when `nil`).
    public init(model: UncertaintyModel, years: [Int], reference: Scenario?) throws(SamplingError) {
        guard let cholesky = CholeskyFactorization(model.correlationMatrix()) else {
            throw SamplingError("the uncertainty correlation matrix is not positive definite")
        }
        self.model = model
        self.years = years
        self.reference = reference
        self.cholesky = cholesky
    }

    /// Factor j's reference multiplier in `year`.
    public func referenceMultiplier(factor: Int, year: Int) -> Double {
        guard let reference else { return 1 }
        let factor = model.factors[factor]
        switch factor.kind {
        case .demand: return reference.demandMultiplier(for: WorkloadID(factor.target), in: year)
        case .efficiency: return reference.efficiencyMultiplier(for: WorkloadID(factor.target), in: year)
        case .price: return reference.priceMultiplier(for: WorkloadID(factor.target), in: year)
        case .electricity: return reference.electricityMultiplier(for: RegionID(factor.target), in: year)
        }
    }

    /// A path's multiplier of `factor` in `year` at log level `logLevel` (the sum of its shocks
    /// so far): the reference multiplier times `exp(logLevel)`. A reference of 0 stays 0 even
    /// where `exp` overflows (0 x infinity would be NaN).
    public func multiplier(factor: Int, year: Int, logLevel: Double) -> Double {
        let reference = referenceMultiplier(factor: factor, year: year)
        return reference == 0 ? 0 : reference * exp(logLevel)
    }

    /// The Latin hypercube's uniforms of the paths in `range` (all when `nil`), by path, then
    /// dimension: each dimension's permutation is drawn for the whole `count`.
    public func uniforms(count: Int, seed: UInt64, in range: Range<Int>? = nil) -> [[Double]] {
        let draw = self.draw(count: count, seed: seed)
        return (range ?? 0..<count).map { draw.uniforms(path: $0) }
    }

    /// The strata of a draw of `count` paths with `seed`, computed once, from which any path
    /// can be taken (``paths(_:in:)``): a stream of paths taken chunk by chunk draws each
    /// dimension's permutation once instead of once per chunk.
    public func draw(count: Int, seed: UInt64) -> LatinHypercube.Draw {
        LatinHypercube(paths: count, dimensions: model.factors.count * years.count, seed: seed).draw()
    }

    /// The paths in `range` (all when `nil`) of a draw of `count` paths with `seed`.
    public func paths(count: Int, seed: UInt64, in range: Range<Int>? = nil) -> [SampledPath] {
        paths(draw(count: count, seed: seed), in: range ?? 0..<count)
    }

    /// The paths in `range` of `draw` (``draw(count:seed:)``): the same as
    /// ``paths(count:seed:in:)`` gives them.
    public func paths(_ draw: LatinHypercube.Draw, in range: Range<Int>) -> [SampledPath] {
        precondition(range.lowerBound >= 0 && range.upperBound <= draw.design.paths, "paths within the draw")
        let factors = model.factors
        return range.map { path in
            let point = draw.uniforms(path: path)
            var increments = Array(repeating: Array(repeating: 0.0, count: years.count), count: factors.count)
            var multipliers = increments
            var logLevel = Array(repeating: 0.0, count: factors.count)
            for (yearIndex, year) in years.enumerated() {
                let normals = factors.indices.map {
                    NormalDistribution.quantile(point[dimension(factor: $0, yearIndex: yearIndex)])
                }
                let correlated = cholesky.apply(normals)
                for (j, factor) in factors.enumerated() {
                    let shock = factor.drift + factor.volatility * correlated[j]
                    increments[j][yearIndex] = shock
                    logLevel[j] += shock
                    multipliers[j][yearIndex] = multiplier(factor: j, year: year, logLevel: logLevel[j])
                }
            }
            return SampledPath(index: path, increments: increments, multipliers: multipliers)
        }
    }
}
