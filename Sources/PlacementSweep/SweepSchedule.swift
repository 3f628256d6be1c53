import PlacementModel

/// The order in which a sweep's variants run, cut into batches and shards, computed by index so
/// that memory grows with one shard, never with the whole grid.
///
/// Variants run in a reflected (boustrophedon) order: consecutive variants differ in one
/// dimension by one step, so each re-solve starts from a similar problem's basis. The order
/// is cut into batches of `batchSize` (the CLI's `--block-size`); each batch starts from a fresh
/// solver session and re-solves warm inside, so every variant's result depends only on its
/// batch, never on how many threads ran or how the sweep was sharded or resumed. Shards are runs
/// of whole batches. (A batch is not a dispatch block: those are the (year, scenario) parts of
/// one variant's program.)
///
/// ```swift
/// let schedule = SweepSchedule(sweep: sweep, batchSize: 16)
/// schedule.batches(shard: 0, of: 4)   // the first quarter of the batches
/// ```
public struct SweepSchedule: Sendable {
    /// The most variants one run (one shard) may hold; larger runs must be split with shards.
    public static let maximumVariantsPerRun = 10_000_000

    public let sweep: Sweep
    /// Variants per batch.
    public let batchSize: Int
    /// Number of variants.
    public let count: Int
    private let sizes: [Int]

    public init(sweep: Sweep, batchSize: Int) {
        self.sweep = sweep
        self.batchSize = max(1, batchSize)
        count = sweep.variantCount
        sizes = sweep.mode == .grid ? sweep.dimensions.map(\.values.count) : []
    }

    /// The id of the variant that runs at `position` (0-based).
    ///
    /// Mixed-radix reflected Gray order for grids: the last dimension varies fastest, and each
    /// dimension runs backwards after every odd step of the one before it. Zip sweeps run in
    /// their own order.
    public func variantID(atPosition position: Int) -> Int {
        guard sizes.count > 1 else { return position }
        var steps = [Int](repeating: 0, count: sizes.count)
        var remainder = position
        for dimension in sizes.indices.reversed() {
            steps[dimension] = remainder % sizes[dimension]
            remainder /= sizes[dimension]
        }
        var id = 0
        var reversed = false
        for (dimension, size) in sizes.enumerated() {
            let step = steps[dimension]
            id = id * size + (reversed ? size - 1 - step : step)
            reversed = step % 2 == 1
        }
        return id
    }

    /// Variant ids in run order (materialised: for small sweeps and tests).
    public var order: [Int] { (0..<count).map(variantID(atPosition:)) }

    /// Number of batches.
    public var batchCount: Int { count == 0 ? 0 : (count - 1) / batchSize + 1 }

    /// All batches, each a run of variant ids in run order (materialised: for small sweeps).
    public var batches: [[Int]] { batches(shard: 0, of: 1) }

    /// The range of batch numbers of shard `index` (0-based) of `count`: a contiguous run.
    public func batchRange(shard index: Int, of shards: Int) -> Range<Int> {
        func cut(_ part: Int) -> Int {
            // batchCount * part / shards without overflow, for any shard count.
            let product = batchCount.multipliedFullWidth(by: part)
            return shards.dividingFullWidth(product).quotient
        }
        return cut(index)..<cut(index + 1)
    }

    /// The number of variants in shard `index` of `shards`.
    public func variantCount(shard index: Int, of shards: Int) -> Int {
        let range = batchRange(shard: index, of: shards)
        return max(0, min(count, range.upperBound * batchSize) - range.lowerBound * batchSize)
    }

    /// The batches of shard `index` (0-based) of `shards`.
    public func batches(shard index: Int, of shards: Int) -> [[Int]] {
        batchRange(shard: index, of: shards).map { batch in
            (batch * batchSize..<min(count, (batch + 1) * batchSize)).map(variantID(atPosition:))
        }
    }

    /// The variant ids of a shard, in id order (the order rows are written in).
    public func variantIDs(shard index: Int, of shards: Int) -> [Int] {
        batches(shard: index, of: shards).flatMap { $0 }.sorted()
    }

    // MARK: Former names (a batch was called a block)

    @available(*, deprecated, renamed: "init(sweep:batchSize:)")
    public init(sweep: Sweep, blockSize: Int) { self.init(sweep: sweep, batchSize: blockSize) }

    @available(*, deprecated, renamed: "batchSize")
    public var blockSize: Int { batchSize }

    @available(*, deprecated, renamed: "batchCount")
    public var blockCount: Int { batchCount }

    @available(*, deprecated, renamed: "batches")
    public var blocks: [[Int]] { batches }

    @available(*, deprecated, renamed: "batches(shard:of:)")
    public func blocks(shard index: Int, of shards: Int) -> [[Int]] { batches(shard: index, of: shards) }
}
