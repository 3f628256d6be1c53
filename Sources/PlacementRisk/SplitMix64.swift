/// Steele, Lea and Flood's SplitMix64: a small, fast, fully specified generator, so that
/// a seed gives the same draws on every platform and Swift version (the system generator
/// promises neither). ``mix(_:)`` is its output function, used as a hash to give every
/// (seed, dimension, path) its own stream.
///
/// ```swift
/// var generator = SplitMix64(seed: 42)
/// let bits = generator.next()          // the same on every machine
/// let u = generator.nextUnitInterval() // in (0, 1), never 0 or 1
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose first output depends only on `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform number strictly between 0 and 1: the top 53 bits, centred in their cell
    /// (so the inverse normal CDF never sees 0 or 1).
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// SplitMix64's finaliser: a bijective scramble of 64 bits.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed for one stream of `seed`, e.g. one dimension's permutation: different streams
    /// of one seed, and one stream of different seeds, start far apart.
    public static func stream(_ seed: UInt64, _ parts: UInt64...) -> UInt64 {
        var value = mix(seed)
        for part in parts { value = mix(value ^ mix(part &+ 0x632B_E59B_D9B4_E019)) }
        return value
    }
}
