import PlacementModel

/// The order in which a sweep's variants run, cut into blocks and shards.
///
/// Variants run in a reflected (boustrophedon) order: consecutive variants differ in one
/// dimension by one step, so each re-solve starts from a similar problem's basis. The order
/// is cut into blocks of `blockSize`; each block starts from a fresh solver session and
/// re-solves warm inside, so every variant's result depends only on its block, never on how
/// many threads ran or how the sweep was sharded or resumed. Shards are runs of whole blocks.
///
/// ```swift
/// let schedule = SweepSchedule(sweep: sweep, blockSize: 16)
/// schedule.blocks(shard: 0, of: 4)   // the first quarter of the blocks
/// ```
public struct SweepSchedule: Sendable {
    public let sweep: Sweep
    public let blockSize: Int
    /// Variant ids in run order.
    public let order: [Int]

    public init(sweep: Sweep, blockSize: Int) {
        self.sweep = sweep
        self.blockSize = max(1, blockSize)
        order = Self.reflectedOrder(sweep)
    }

    /// All blocks, each a run of variant ids in run order.
    public var blocks: [[Int]] {
        stride(from: 0, to: order.count, by: blockSize).map { Array(order[$0..<min(order.count, $0 + blockSize)]) }
    }

    /// The blocks of shard `index` (0-based) of `count`: a contiguous run of whole blocks.
    public func blocks(shard index: Int, of count: Int) -> [[Int]] {
        let all = blocks
        let start = all.count * index / count, end = all.count * (index + 1) / count
        return Array(all[start..<end])
    }

    /// The variant ids of a shard, in id order (the order rows are written in).
    public func variantIDs(shard index: Int, of count: Int) -> [Int] {
        blocks(shard: index, of: count).flatMap { $0 }.sorted()
    }

    /// Mixed-radix reflected Gray order for grids (the last dimension varies fastest and
    /// turns back at each end); zip sweeps run in their own order.
    static func reflectedOrder(_ sweep: Sweep) -> [Int] {
        guard sweep.mode == .grid, sweep.dimensions.count > 1 else { return Array(0..<sweep.variantCount) }
        let sizes = sweep.dimensions.map(\.values.count)
        var order = [Int]()
        order.reserveCapacity(sweep.variantCount)
        func visit(_ dimension: Int, _ prefix: Int, reversed: Bool) {
            let size = sizes[dimension]
            for step in 0..<size {
                let digit = reversed ? size - 1 - step : step
                let id = prefix * size + digit
                if dimension == sizes.count - 1 {
                    order.append(id)
                } else {
                    // The next dimension runs backwards after every odd step of this one.
                    visit(dimension + 1, id, reversed: step % 2 == 1)
                }
            }
        }
        visit(0, 0, reversed: false)
        return order
    }
}
