/// A seeded Latin hypercube of `paths` points in `dimensions` dimensions: in every
/// dimension, each of the `paths` equal strata of (0, 1) holds exactly one point.
///
/// The stratum of a path in a dimension comes from a permutation of all `paths` strata,
/// shuffled by a generator seeded from (seed, dimension); its place within the stratum
/// from a generator seeded from (seed, dimension, path). A path's point therefore depends
/// only on the seed, the total count and its own index, never on which paths a process
/// or thread computes (docs/design.md §8).
///
/// ```swift
/// let design = LatinHypercube(paths: 4, dimensions: 2, seed: 7)
/// let strata = design.strata(dimension: 0)   // a permutation of 0..<4
/// let u = design.uniform(path: 2, dimension: 0, stratum: strata[2])   // in strata[2]/4 ..< (strata[2]+1)/4
/// ```
public struct LatinHypercube: Hashable, Sendable {
    /// The number of points (and of strata per dimension).
    public let paths: Int
    /// The number of dimensions.
    public let dimensions: Int
    /// The seed.
    public let seed: UInt64

    /// Creates a design; `paths` and `dimensions` must be positive.
    public init(paths: Int, dimensions: Int, seed: UInt64) {
        precondition(paths > 0 && dimensions >= 0, "a Latin hypercube needs points")
        self.paths = paths
        self.dimensions = dimensions
        self.seed = seed
    }

    /// The stratum of every path in `dimension` (a permutation of `0..<paths`), by a
    /// Fisher-Yates shuffle with bounded draws that do not depend on the platform.
    public func strata(dimension: Int) -> [Int32] {
        var order = (0..<Int32(paths)).map { $0 }
        var generator = SplitMix64(seed: SplitMix64.stream(seed, 1, UInt64(dimension)))
        var index = paths - 1
        while index > 0 {
            let other = Int(Self.below(UInt64(index + 1), using: &generator))
            order.swapAt(index, other)
            index -= 1
        }
        return order
    }

    /// The point of `path` in `dimension`, given its stratum there.
    public func uniform(path: Int, dimension: Int, stratum: Int32) -> Double {
        var generator = SplitMix64(seed: SplitMix64.stream(seed, 2, UInt64(dimension), UInt64(path)))
        let value = (Double(stratum) + generator.nextUnitInterval()) / Double(paths)
        // The top stratum's last cell can round to 1 for large counts; keep the quantile finite.
        return min(value, 1 - 0x1p-53)
    }

    /// Every dimension's strata, drawn once (4 bytes per path and dimension).
    ///
    /// ```swift
    /// let draw = LatinHypercube(paths: 4, dimensions: 2, seed: 7).draw()
    /// draw.uniforms(path: 2)   // the same as uniform(path: 2, dimension: d, stratum: strata(dimension: d)[2]) for each d
    /// ```
    public func draw() -> Draw {
        Draw(design: self, strata: (0..<dimensions).map(strata(dimension:)))
    }

    /// A design with every dimension's strata drawn (``draw()``).
    public struct Draw: Sendable {
        public let design: LatinHypercube
        /// `strata[dimension][path]`.
        let strata: [[Int32]]

        /// The point of `path`, one uniform per dimension.
        public func uniforms(path: Int) -> [Double] {
            strata.indices.map { design.uniform(path: path, dimension: $0, stratum: strata[$0][path]) }
        }
    }

    /// A uniform integer in `0..<bound` by rejection (no modulo bias), deterministic.
    static func below(_ bound: UInt64, using generator: inout SplitMix64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = generator.next()
            if value < limit { return value % bound }
        }
    }
}
