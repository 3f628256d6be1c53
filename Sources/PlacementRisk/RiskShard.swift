import PlacementModel
import ResultFormats

/// One shard of a risk run (`placement risk --shard I/N`, docs/design.md §8): its paths'
/// records, the in-sample figures and what identifies the run, so that `placement merge` can
/// join the shards into the report an unsharded run writes, byte for byte, and refuse shards of
/// different runs.
///
/// ```swift
/// let shards = try files.map { try RiskShard(json: String(contentsOfFile: $0, encoding: .utf8)) }
/// let report = try RiskShard.merge(shards)
/// print(report.json().serialized())
/// ```
public struct RiskShard: Sendable {
    public static let schema = "sovereign-placement.risk-shard/1"
    /// The most shards one run is cut into (`--shard I/N`): more than the most paths a run draws
    /// would only add empty ones.
    public static let maximumShards = 100_000

    /// What must be the same in every shard of one run.
    public struct Run: Sendable, Hashable {
        public var studyPath: String
        public var alpha: Double
        public var seed: UInt64
        public var sampler: String
        /// The paths of the whole run (`N`).
        public var paths: Int
        /// A digest (SHA-256) of the study's files and the plan's builds: shards and progress files
        /// of one run share it.
        public var fingerprint: String

        public init(studyPath: String, alpha: Double, seed: UInt64, sampler: String, paths: Int, fingerprint: String) {
            self.studyPath = studyPath
            self.alpha = alpha
            self.seed = seed
            self.sampler = sampler
            self.paths = paths
            self.fingerprint = fingerprint
        }
    }

    public var run: Run
    /// This shard, 1-based, and the number of shards.
    public var shard: Int
    public var shards: Int
    /// The 0-based index of the shard's first path.
    public var firstPath: Int
    public var paths: [ScenarioFigures]
    public var inSample: [ScenarioFigures]

    public init(
        run: Run, shard: Int, shards: Int, firstPath: Int, paths: [ScenarioFigures], inSample: [ScenarioFigures]
    ) {
        self.run = run
        self.shard = shard
        self.shards = shards
        self.firstPath = firstPath
        self.paths = paths
        self.inSample = inSample
    }

    /// The shard as JSON, in pieces (the header, one piece per path record, the end).
    public func jsonPieces() -> some Sequence<String> {
        let members: [(String, JSONValue)] = [
            ("schema", .string(Self.schema)),
            ("study", .string(run.studyPath)),
            ("alpha", .finite(run.alpha)),
            (
                "samples",
                .object([
                    ("seed", .number(Double(run.seed))), ("paths", .number(Double(run.paths))),
                    ("sampler", .string(run.sampler)),
                ])
            ),
            ("fingerprint", .string(run.fingerprint)),
            (
                "shard",
                .object([
                    ("index", .number(Double(shard))), ("count", .number(Double(shards))),
                    ("first_path", .number(Double(firstPath))), ("paths", .number(Double(paths.count))),
                ])
            ),
            ("in_sample", .array(inSample.map(RiskReport.json))),
        ]
        let document = JSONObjectPieces(members, streaming: "paths", paths.lazy.map(RiskReport.json))
        return [AnySequence(document), AnySequence(["\n"])].joined()
    }

    /// Reads a shard written by ``jsonPieces()``.
    ///
    /// - Throws: ``SamplingError`` when the file is not a risk shard or a member is missing.
    public init(json text: String) throws(SamplingError) {
        let object: JSONValue
        do { object = try JSONValue(parsing: text) } catch { throw SamplingError("it is not valid JSON (\(error))") }
        guard object["schema"]?.string == Self.schema else {
            throw SamplingError(
                "it is not a risk shard (schema '\(Self.schema)'; write shards with placement risk --shard I/N --format json)"
            )
        }
        func whole(_ value: JSONValue?) -> Int? { value?.number.flatMap { Int(exactly: $0) } }
        func member<Value>(_ name: String, _ value: Value?) throws(SamplingError) -> Value {
            guard let value else { throw SamplingError("the risk shard's '\(name)' is missing or of the wrong type") }
            return value
        }
        let study = try member("study", object["study"]?.string)
        let alpha = try member("alpha", object["alpha"]?.number)
        let samples = try member("samples", object["samples"])
        let seed = try member("samples.seed", samples["seed"]?.number.flatMap { UInt64(exactly: $0) })
        let count = try member("samples.paths", whole(samples["paths"]))
        let sampler = try member("samples.sampler", samples["sampler"]?.string)
        let fingerprint = try member("fingerprint", object["fingerprint"]?.string)
        let shard = try member("shard", object["shard"])
        let index = try member("shard.index", whole(shard["index"]))
        let shards = try member("shard.count", whole(shard["count"]))
        let first = try member("shard.first_path", whole(shard["first_path"]))
        let inSample = try member("in_sample", object["in_sample"]?.array)
        let paths = try member("paths", object["paths"]?.array)
        guard alpha > 0, alpha < 1 else { throw SamplingError("the risk shard's 'alpha' is \(alpha), not in (0, 1)") }
        guard count >= 1 else { throw SamplingError("the risk shard's 'samples.paths' is \(count), not at least 1") }
        guard (1...Self.maximumShards).contains(shards), (1...shards).contains(index) else {
            throw SamplingError(
                "the risk shard's 'shard' is \(index) of \(shards), not I of N with 1 <= I <= N <= \(Self.maximumShards)"
            )
        }
        guard first >= 0, first <= count, paths.count <= count - first else {
            throw SamplingError(
                "the risk shard's \(paths.count) paths from 'shard.first_path' \(first) do not fit the run's \(count)")
        }
        // Every record must be of this run, path by path: the summaries index every path by the
        // in-sample scenarios' years.
        func records(_ name: String, _ values: [JSONValue], check: (Int, ScenarioFigures) throws(SamplingError) -> Void)
            throws(SamplingError) -> [ScenarioFigures]
        {
            var read: [ScenarioFigures] = []
            for (n, value) in values.enumerated() {
                do {
                    let figures = try ScenarioFigures(record: value)
                    try check(n, figures)
                    read.append(figures)
                } catch { throw SamplingError("\(name)[\(n)]: \(error.message)") }
            }
            return read
        }
        let scenarios = try records("in_sample", inSample) { _, _ in }
        guard let years = scenarios.first?.fleet.map(\.year) else {
            throw SamplingError("the risk shard's 'in_sample' holds no scenario")
        }
        for (n, scenario) in scenarios.enumerated() {
            do { try scenario.checkYears(years) } catch { throw SamplingError("in_sample[\(n)]: \(error.message)") }
        }
        let total = scenarios.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) <= 1e-6 else {
            throw SamplingError("the risk shard's in-sample probabilities sum to \(total), not 1")
        }
        self.init(
            run: Run(
                studyPath: study, alpha: alpha, seed: seed, sampler: sampler, paths: count, fingerprint: fingerprint),
            shard: index, shards: shards, firstPath: first,
            paths: try records("paths", paths) { n, path throws(SamplingError) in
                try path.checkPath(index: first + n, of: count, years: years)
            },
            inSample: scenarios)
    }

    /// The report of the whole run: every shard of one run given once (in any order), their
    /// paths joined in path order.
    ///
    /// - Throws: ``SamplingError`` for shards of different runs (study, its files or the plan,
    ///   seed, path count, sampler, alpha, shard count, in-sample figures), a shard missing or
    ///   given twice, or paths that do not join up.
    public static func merge(_ shards: [RiskShard]) throws(SamplingError) -> RiskReport {
        guard let first = shards.first else { throw SamplingError("no shard to merge") }
        for other in shards.dropFirst() {
            guard other.run == first.run else {
                throw SamplingError(
                    "shard \(other.shard)/\(other.shards) is of another run than shard \(first.shard)/\(first.shards): "
                        + differences(first.run, other.run))
            }
            guard other.shards == first.shards else {
                throw SamplingError("the shards were run as different counts (\(first.shards) and \(other.shards))")
            }
            guard other.inSample == first.inSample else {
                throw SamplingError("shards \(first.shard) and \(other.shard) hold different in-sample figures")
            }
        }
        if let twice = Dictionary(grouping: shards, by: \.shard).first(where: { $0.value.count > 1 })?.key {
            throw SamplingError("shard \(twice)/\(first.shards) is given twice")
        }
        let ordered = shards.sorted { $0.shard < $1.shard }
        guard ordered.map(\.shard) == Array(1...first.shards) else {
            let given = Set(shards.map(\.shard))
            let missing = (1...first.shards).filter { !given.contains($0) }
            throw SamplingError(
                missing.isEmpty
                    ? "a shard is given twice"
                    : "shard(s) \(missing.prefix(10).map(String.init).joined(separator: ", "))"
                        + (missing.count > 10 ? " and \(missing.count - 10) more" : "") + " of \(first.shards) missing")
        }
        var next = 0
        for shard in ordered {
            guard shard.firstPath == next else {
                throw SamplingError("shard \(shard.shard) starts at path \(shard.firstPath + 1), not \(next + 1)")
            }
            next += shard.paths.count
        }
        guard next == first.run.paths else {
            throw SamplingError("the shards hold \(next) paths, the run \(first.run.paths)")
        }
        return RiskReport(
            studyPath: first.run.studyPath, alpha: first.run.alpha, seed: first.run.seed, sampler: first.run.sampler,
            paths: ordered.flatMap(\.paths), inSample: first.inSample)
    }

    private static func differences(_ a: Run, _ b: Run) -> String {
        var parts: [String] = []
        if a.studyPath != b.studyPath { parts.append("study '\(a.studyPath)' against '\(b.studyPath)'") }
        if a.fingerprint != b.fingerprint { parts.append("different study files or plan") }
        if a.seed != b.seed { parts.append("seed \(a.seed) against \(b.seed)") }
        if a.paths != b.paths { parts.append("\(a.paths) paths against \(b.paths)") }
        if a.sampler != b.sampler { parts.append("sampler \(a.sampler) against \(b.sampler)") }
        if a.alpha != b.alpha { parts.append("alpha \(a.alpha) against \(b.alpha)") }
        return parts.joined(separator: ", ")
    }
}
