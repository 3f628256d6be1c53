/// How the paths of a risk run are cut into chunks (docs/design.md §8, evaluation): the unit of
/// warm starts, waves of work, shards and resumed runs. A chunk is `size` consecutive path
/// indices from a multiple of `size`; its paths are solved the same way wherever it runs, so
/// shards and resumed runs cut only between chunks.
///
/// ```swift
/// PathChunks.chunks(of: 0..<120)           // [0..<50, 50..<100, 100..<120]
/// PathChunks.shard(1, of: 3, count: 1000)  // 300..<650: chunks 6 to 12
/// ```
public enum PathChunks {
    /// Paths per chunk.
    public static let size = 50

    /// The chunks of `range`, which starts at a chunk.
    public static func chunks(of range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: size).map { $0..<min($0 + size, range.upperBound) }
    }

    /// The paths of shard `shard` (0-based) of `shards` over `count` paths: whole chunks, split as
    /// evenly as they go (a shard may be empty when there are more shards than chunks).
    public static func shard(_ shard: Int, of shards: Int, count: Int) -> Range<Int> {
        let chunks = (count + size - 1) / size
        let first = chunks * shard / shards
        let last = chunks * (shard + 1) / shards
        return min(count, first * size)..<min(count, last * size)
    }
}
