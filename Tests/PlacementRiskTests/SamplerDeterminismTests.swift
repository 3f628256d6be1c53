import PlacementModel
import PlacementRisk
import Testing

/// Same seed, same paths, whichever part of the draw a process computes.
@Suite("Path sampler determinism")
struct SamplerDeterminismTests {
    static let model = UncertaintyModel(
        reference: nil,
        factors: [
            UncertaintyFactor(kind: .demand, target: "video", drift: 0.05, volatility: 0.3),
            UncertaintyFactor(kind: .price, target: "video", drift: -0.1, volatility: 0.1),
        ],
        correlations: [FactorCorrelation(first: "demand.video", second: "price.video", rho: 0.5)])

    static func sampler() throws -> PathSampler {
        try PathSampler(model: model, years: [2026, 2027, 2028], reference: nil)
    }

    @Test("the same seed gives the same values, a different seed different ones")
    func sameSeed() throws {
        let sampler = try Self.sampler()
        let first = sampler.paths(count: 300, seed: 11)
        #expect(first == sampler.paths(count: 300, seed: 11))
        let other = sampler.paths(count: 300, seed: 12)
        #expect(zip(first, other).allSatisfy { $0.increments != $1.increments })
    }

    @Test("a shard of the draw computes the same paths as the whole draw")
    func shardsAgree() throws {
        let sampler = try Self.sampler()
        let whole = sampler.paths(count: 1000, seed: 42)
        let shards = [0..<333, 333..<334, 334..<1000].flatMap { sampler.paths(count: 1000, seed: 42, in: $0) }
        #expect(shards == whole)
    }

    @Test("the generator is SplitMix64 as published")
    func splitMixReference() {
        // The first outputs for seed 1234567 of the reference implementation (Vigna's splitmix64.c).
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
    }

    @Test("a matrix that is not positive definite is refused")
    func notPositiveDefinite() {
        let model = UncertaintyModel(
            reference: nil,
            factors: ["a", "b", "c"].map { UncertaintyFactor(kind: .demand, target: $0, drift: 0, volatility: 0.1) },
            correlations: [
                FactorCorrelation(first: "demand.a", second: "demand.b", rho: 0.9),
                FactorCorrelation(first: "demand.a", second: "demand.c", rho: 0.9),
                FactorCorrelation(first: "demand.b", second: "demand.c", rho: -0.9),
            ])
        #expect(throws: SamplingError.self) { try PathSampler(model: model, years: [2026], reference: nil) }
    }
}
