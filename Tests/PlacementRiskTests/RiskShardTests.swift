import PlacementModel
import PlacementRisk
import Testing

/// Risk shards written and read back, merged into the unsharded report byte for byte, and
/// shards of different runs refused. The figures are chosen so that their shortest decimal
/// forms need all 17 digits (Foundation's JSON reader on Linux returned some of them an ulp off).
@Suite("Risk shards")
struct RiskShardTests {
    static func figures(_ index: Int, of count: Int) -> ScenarioFigures {
        let x = Double(index + 1)
        return ScenarioFigures(
            scenario: SampledPath.id(index: index, count: count), probability: 1 / Double(count),
            npv: 13_628_824_954.400291 * x / 3,
            fleet: [
                .init(year: 2026, utilization: 0.2556129631480457 + x / 70, stranded: x * 0.1 / 3, atRisk: 0),
                .init(year: 2027, utilization: index % 2 == 0 ? nil : 1 / x, stranded: 1e9 / x, atRisk: x / 11),
            ], belowBreakevenFinalYear: index % 2 == 0 ? nil : index % 3 == 0)
    }

    static let run = RiskShard.Run(
        studyPath: "Models/baseline.yaml", alpha: 0.9, seed: 7, sampler: "latin-hypercube", paths: 7,
        fingerprint: "abc")
    static let inSample = [figures(0, of: 1)]

    static func shards(_ run: RiskShard.Run = run) -> [RiskShard] {
        let all = (0..<7).map { figures($0, of: 7) }
        return [0..<3, 3..<5, 5..<7].enumerated().map { n, range in
            RiskShard(
                run: run, shard: n + 1, shards: 3, firstPath: range.lowerBound, paths: Array(all[range]),
                inSample: inSample)
        }
    }

    @Test("a shard reads back exactly, and three merged are the unsharded report's bytes")
    func roundTripAndMerge() throws {
        let shards = Self.shards()
        let read = try shards.map { try RiskShard(json: $0.jsonPieces().joined()) }
        for (a, b) in zip(shards, read) {
            #expect(a.paths == b.paths && a.inSample == b.inSample && a.run == b.run)
            #expect(a.shard == b.shard && a.shards == b.shards && a.firstPath == b.firstPath)
        }
        let merged = try RiskShard.merge([read[2], read[0], read[1]])
        let whole = RiskReport(
            studyPath: Self.run.studyPath, alpha: 0.9, seed: 7, sampler: "latin-hypercube",
            paths: (0..<7).map { Self.figures($0, of: 7) }, inSample: Self.inSample)
        #expect(merged.jsonPieces().joined() == whole.json().serialized())
        #expect(whole.csvPieces().joined() == whole.csv())
    }

    @Test("shards of other runs, a missing shard and a shard given twice are refused")
    func refusals() throws {
        func refusal(_ shards: [RiskShard]) -> String {
            do {
                _ = try RiskShard.merge(shards)
                return "merged"
            } catch { return error.message }
        }
        var other = Self.run
        other.seed = 8
        #expect(refusal([Self.shards()[0], Self.shards(other)[1], Self.shards()[2]]).contains("seed 7 against 8"))
        var fewer = Self.run
        fewer.paths = 6
        #expect(refusal([Self.shards()[0], Self.shards(fewer)[1]]).contains("7 paths against 6"))
        var moved = Self.run
        moved.fingerprint = "abd"
        #expect(refusal([Self.shards()[0], Self.shards(moved)[1]]).contains("different study files or plan"))
        #expect(refusal(Array(Self.shards().prefix(2))).contains("shard(s) 3 of 3 missing"))
        #expect(refusal([Self.shards()[0], Self.shards()[0], Self.shards()[2]]).contains("given twice"))
        #expect(throws: SamplingError.self) { try RiskShard(json: "{\"schema\": \"sovereign-placement.risk/1\"}") }
    }

    /// A shard read back from a file is checked member by member: a shard count of 0 crashed
    /// `merge` and one of 1e12 tried to allocate 8 PB, an alpha of 5 or in-sample probabilities
    /// summing to 1.7 were merged. Each is refused naming the member.
    @Test(
        "damaged shard headers are refused naming the member",
        arguments: [
            (
                #""count": 3"#, #""count": 0"#,
                "the risk shard's 'shard' is 1 of 0, not I of N with 1 <= I <= N <= 100000"
            ),
            (#""count": 3"#, #""count": 1000000000000"#, "the risk shard's 'shard' is 1 of 1000000000000, not I of N"),
            (#""alpha": 0.9"#, #""alpha": 5"#, "the risk shard's 'alpha' is 5.0, not in (0, 1)"),
            (
                #""first_path": 0"#, #""first_path": 6"#,
                "the risk shard's 3 paths from 'shard.first_path' 6 do not fit the run's 7"
            ),
            (#""seed": 7"#, #""seed": -7"#, "the risk shard's 'samples.seed' is missing or of the wrong type"),
        ])
    func damagedHeaders(original: String, damaged: String, message: String) throws {
        let text = Self.shards()[0].jsonPieces().joined()
        try #require(text.contains(original))
        let error = #expect(throws: SamplingError.self) {
            try RiskShard(json: text.replacingOccurrences(of: original, with: damaged))
        }
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message))")
    }

    @Test("in-sample probabilities must sum to 1")
    func inSampleProbabilities() throws {
        var heavy = Self.inSample
        heavy[0].probability = 0.5
        let shard = RiskShard(
            run: Self.run, shard: 1, shards: 3, firstPath: 0, paths: Self.shards()[0].paths, inSample: heavy)
        let error = #expect(throws: SamplingError.self) { try RiskShard(json: shard.jsonPieces().joined()) }
        #expect(error?.message == "the risk shard's in-sample probabilities sum to 0.5, not 1")
    }
}
