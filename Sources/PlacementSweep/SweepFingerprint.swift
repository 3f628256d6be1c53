import Foundation

/// What a sweep output file (a `.partial` file or a shard's output) says about the run that
/// wrote it, in its first line: a hash of every input file, the options that change rows, and
/// which shard of how many variants. `--resume` and `merge` compare it, so rows of one sweep
/// never end up in another's output.
///
/// ```swift
/// let fingerprint = try SweepFingerprint(files: ["s.yaml", "base.yaml"], options: "block-size:16",
///                                        variants: 36, shard: 1, shards: 4)
/// fingerprint.csvLine    // "# placement-sweep/1 inputs=9f2c… options=block-size:16 variants=36 shard=1/4"
/// ```
public struct SweepFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// SHA-256 of the input files' bytes, in load order.
    public var inputs: String
    /// The options that change rows, as `name:value` pairs joined by commas.
    public var options: String
    /// Variants in the whole sweep.
    public var variants: Int
    /// This output's shard, 1-based, and the number of shards.
    public var shard: Int
    public var shards: Int

    static let tag = "placement-sweep/1"

    public init(inputs: String, options: String, variants: Int, shard: Int, shards: Int) {
        self.inputs = inputs
        self.options = options
        self.variants = variants
        self.shard = shard
        self.shards = shards
    }

    /// Hashes `files` (the sweep file, its base study and every file the base names).
    public init(files: [String], options: String, variants: Int, shard: Int, shards: Int) throws {
        self.init(
            inputs: try Self.hash(files: files), options: options, variants: variants, shard: shard, shards: shards)
    }

    /// SHA-256 of `files`' bytes in order (each preceded by its length), as hex: what a run's
    /// outputs record of its inputs (a sweep's, a risk run's).
    ///
    /// ```swift
    /// let inputs = try SweepFingerprint.hash(files: loaded.files)
    /// ```
    public static func hash(files: [String], extra: [UInt8] = []) throws -> String {
        var hash = SHA256()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SweepError("cannot read \(file) to fingerprint the run")
            }
            hash.update(withUnsafeBytes(of: UInt64(data.count).bigEndian, Array.init))
            hash.update(data)
        }
        hash.update(extra)
        return hash.hexDigest()
    }

    public var description: String {
        "\(Self.tag) inputs=\(inputs) options=\(options) variants=\(variants) shard=\(shard)/\(shards)"
    }

    /// The first line of a CSV output.
    public var csvLine: String { "# " + description }
    /// The first line of a JSONL output.
    public var jsonLine: String { "{\"sweep_fingerprint\":\"\(description)\"}" }

    /// Reads a first line written as ``csvLine`` or ``jsonLine``.
    public init?(line: Substring) {
        let text: Substring
        if line.hasPrefix("# ") {
            text = line.dropFirst(2)
        } else if line.hasPrefix("{\"sweep_fingerprint\":\""), line.hasSuffix("\"}") {
            text = line.dropFirst("{\"sweep_fingerprint\":\"".count).dropLast(2)
        } else {
            return nil
        }
        let parts = text.split(separator: " ")
        guard parts.count == 5, parts[0] == Self.tag else { return nil }
        var fields: [Substring: Substring] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            fields[part[..<equals]] = part[part.index(after: equals)...]
        }
        let shard = fields["shard"]?.split(separator: "/")
        guard let inputs = fields["inputs"], inputs.count == 64, let options = fields["options"],
            let variants = fields["variants"].flatMap({ Int($0) }), let shard, shard.count == 2,
            let index = Int(shard[0]), let count = Int(shard[1])
        else { return nil }
        self.init(inputs: String(inputs), options: String(options), variants: variants, shard: index, shards: count)
        guard csvLine == line || jsonLine == line else { return nil }
    }

    /// Why `other` (read from a file) is not the same sweep and shard as this one, or nil.
    public func difference(from other: SweepFingerprint) -> String? {
        if other.inputs != inputs {
            return "it was written for other input files (the sweep file, its base study or a file the study names "
                + "has changed since)"
        }
        if other.options != options { return "it was written with other options (\(other.options), now \(options))" }
        if other.variants != variants { return "it was written for \(other.variants) variants, now \(variants)" }
        if other.shard != shard || other.shards != shards {
            return "it was written for shard \(other.shard)/\(other.shards), now \(shard)/\(shards)"
        }
        return nil
    }
}
