/// Bounds that keep hostile input from exhausting memory, time or stack.
public struct LoadLimits: Hashable, Sendable {
    /// Largest file read, in bytes (default 8 MiB); checked before reading.
    public var maximumFileBytes: Int
    /// Deepest nesting of mappings and lists (default 64); checked before YAML parsing.
    public var maximumDepth: Int
    /// Most nodes visited in one file, counting every alias expansion (default 500 000).
    public var maximumNodes: Int

    /// Creates limits.
    public init(maximumFileBytes: Int = 8 << 20, maximumDepth: Int = 64, maximumNodes: Int = 500_000) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }
}
