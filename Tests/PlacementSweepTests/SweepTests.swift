import Foundation
import GLPKSolver
import PlacementLoader
import PlacementModel
import PlacementSweep
import PlacementTestSupport
import Testing

/// Sweeps of a small LP study (the loader's fixture without integer blocks): 6 variants
/// over an electricity price and a tenant price.
@Suite struct SweepTests {
    static let fixture = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/study/Models/sweep.yaml").path

    let loaded: LoadedSweep
    let directory: URL

    init() throws {
        loaded = try StudyLoader().loadSweep(at: Self.fixture)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func runner(workers: Int = 2, cold: Bool = false) -> SweepRunner<GLPKSolver> {
        var options = GLPKOptions()
        options.method = .primal
        return SweepRunner(
            base: loaded.base.study, sweep: loaded.sweep, solver: GLPKSolver(options: options),
            workers: workers, cold: cold)
    }

    func collect(_ runner: SweepRunner<GLPKSolver>, blocks: [[Int]]) -> [VariantResult] {
        let results = SynchronizedList<VariantResult>()
        runner.run(batches: blocks) { results.append($0) }
        return results.items.sorted { $0.id < $1.id }
    }

    /// Runs (part of) a sweep into PREFIX.csv / PREFIX.jsonl and returns the two texts.
    @discardableResult
    func write(
        prefix: String, workers: Int, blocks: [[Int]], expected: [Int], resume: Bool = false,
        shard: Int = 1, of shards: Int = 1
    ) throws -> (String, String)? {
        let path = directory.appendingPathComponent(prefix).path
        let format = SweepRecordFormat(sweep: loaded.sweep, timings: false)
        let fingerprint = SweepFingerprint(
            inputs: String(repeating: "0", count: 64), options: "test",
            variants: loaded.sweep.variantCount, shard: shard, shards: shards)
        let output = try SweepOutput(
            prefix: path, format: format, expected: expected, resume: resume, fingerprint: fingerprint)
        runner(workers: workers).run(batches: blocks, skip: output.alreadyWritten) { try? output.record($0) }
        guard try output.finish(keepFingerprint: shards > 1) else { return nil }
        return (
            try String(contentsOfFile: path + ".csv", encoding: .utf8),
            try String(contentsOfFile: path + ".jsonl", encoding: .utf8)
        )
    }

    @Test func reflectedOrderVisitsNeighbours() {
        let sweep = Sweep(
            base: "b.yaml", mode: .grid,
            dimensions: [
                SweepDimension(path: "a", values: [1, 2]), SweepDimension(path: "b", values: [1, 2, 3]),
            ])
        let schedule = SweepSchedule(sweep: sweep, batchSize: 4)
        #expect(schedule.order == [0, 1, 2, 5, 4, 3])
        #expect(schedule.batches == [[0, 1, 2, 5], [4, 3]])
        #expect(schedule.variantIDs(shard: 1, of: 2) == [3, 4])
    }

    /// Warm re-solves (one session per block) and cold rebuilds reach the same optima; warm
    /// needs fewer simplex iterations in total.
    @Test func warmAndColdGiveTheSameObjectives() throws {
        let blocks = SweepSchedule(sweep: loaded.sweep, batchSize: 6).batches
        let warm = collect(runner(), blocks: blocks)
        let cold = collect(runner(cold: true), blocks: blocks)
        #expect(warm.count == 6 && cold.count == 6)
        for (w, c) in zip(warm, cold) {
            #expect(
                w.status == .finished(.optimal) && c.status == .finished(.optimal),
                "\(w.message ?? "") \(c.message ?? "")")
            expectClose(w.expectedNPV, c.expectedNPV ?? .nan, relative: 1e-7)
            expectClose(w.cvarNPV, c.cvarNPV ?? .nan, relative: 1e-7)
            #expect(!c.warmStarted)
        }
        #expect(warm.dropFirst().allSatisfy { $0.warmStarted })
        let warmIterations = warm.reduce(0) { $0 + $1.iterations }
        let coldIterations = cold.reduce(0) { $0 + $1.iterations }
        #expect(warmIterations < coldIterations, "warm \(warmIterations) vs cold \(coldIterations)")
    }

    @Test func outputIsIdenticalWithOneAndTwoWorkers() throws {
        let schedule = SweepSchedule(sweep: loaded.sweep, batchSize: 2)
        let ids = schedule.variantIDs(shard: 0, of: 1)
        let one = try #require(try write(prefix: "one", workers: 1, blocks: schedule.batches, expected: ids))
        let two = try #require(try write(prefix: "two", workers: 2, blocks: schedule.batches, expected: ids))
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
        #expect(one.0.split(separator: "\n").count == 7)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("one.csv.partial").path))
    }

    /// An interrupted run (only its first block done, then a torn half line, as a kill leaves
    /// it) resumed with `resume` ends byte-identical to an uninterrupted run.
    @Test func resumeAfterInterruptionGivesTheSameFiles() throws {
        let schedule = SweepSchedule(sweep: loaded.sweep, batchSize: 2)
        let ids = schedule.variantIDs(shard: 0, of: 1)
        let reference = try #require(
            try write(prefix: "reference", workers: 2, blocks: schedule.batches, expected: ids))
        #expect(try write(prefix: "resumed", workers: 2, blocks: [schedule.batches[0]], expected: ids) == nil)
        #expect(
            try String(contentsOfFile: directory.appendingPathComponent("resumed.csv.partial").path, encoding: .utf8)
                .split(separator: "\n").count == 2 + 2)
        let partial = directory.appendingPathComponent("resumed.csv.partial")
        let handle = try FileHandle(forWritingTo: partial)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("5,60,3,opti".utf8))
        try handle.close()
        let resumed = try #require(
            try write(prefix: "resumed", workers: 2, blocks: schedule.batches, expected: ids, resume: true))
        #expect(resumed.0 == reference.0)
        #expect(resumed.1 == reference.1)
    }

    @Test func mergedShardsEqualTheUnshardedRun() throws {
        let schedule = SweepSchedule(sweep: loaded.sweep, batchSize: 2)
        let whole = try #require(
            try write(
                prefix: "whole", workers: 2, blocks: schedule.batches, expected: schedule.variantIDs(shard: 0, of: 1)))
        for shard in 0..<3 {
            try #require(
                try write(
                    prefix: "part-\(shard)", workers: 1, blocks: schedule.batches(shard: shard, of: 3),
                    expected: schedule.variantIDs(shard: shard, of: 3), shard: shard + 1, of: 3) != nil)
        }
        func paths(_ shards: [Int], _ suffix: String = "csv") -> [String] {
            shards.map { directory.appendingPathComponent("part-\($0).\(suffix)").path }
        }
        for suffix in ["csv", "jsonl"] {
            let merged = directory.appendingPathComponent("merged.\(suffix)").path
            try SweepMerge.merge(
                inputs: paths([0, 1, 2], suffix), output: merged, variantCount: loaded.sweep.variantCount)
            #expect(try String(contentsOfFile: merged, encoding: .utf8) == (suffix == "csv" ? whole.0 : whole.1))
        }
        let bad = directory.appendingPathComponent("bad.csv").path
        // A shard given twice is refused.
        #expect(throws: SweepMerge.Failure.self) { try SweepMerge.merge(inputs: paths([0, 0, 1, 2]), output: bad) }
        // A missing shard is refused, even the last one, without --sweep: the shards know their count.
        #expect(throws: SweepMerge.Failure.self) { try SweepMerge.merge(inputs: paths([0, 2]), output: bad) }
        #expect(throws: SweepMerge.Failure.self) { try SweepMerge.merge(inputs: paths([0, 1]), output: bad) }
        // Shards of another sweep are refused.
        #expect(throws: SweepMerge.Failure.self) {
            try SweepMerge.merge(inputs: paths([0, 1, 2]), output: bad, sweepInputs: String(repeating: "1", count: 64))
        }
        #expect(!FileManager.default.fileExists(atPath: bad))
    }

    /// Variants are enumerated by index: a 300^4 grid (8.1e9 variants) gives its first and last
    /// blocks and any shard at once, without the whole order in memory.
    @Test func hugeGridsAreScheduledByIndex() {
        let values = (0..<300).map(Double.init)
        let sweep = Sweep(
            base: "b.yaml", mode: .grid, dimensions: (0..<4).map { SweepDimension(path: "p\($0)", values: values) })
        #expect(sweep.variantCount == 8_100_000_000)
        let schedule = SweepSchedule(sweep: sweep, batchSize: 16)
        #expect(schedule.batchCount == 506_250_000)
        #expect(schedule.batches(shard: 0, of: 100_000_000).first == Array(0..<16))
        let last = schedule.batches(shard: 99_999_999, of: 100_000_000)
        #expect(last.count == 6 && last.allSatisfy { $0.count == 16 })
        #expect(Set(last.joined()).count == 96 && last.joined().allSatisfy { (0..<8_100_000_000).contains($0) })
        // Neighbours in run order differ in one dimension by one step.
        for position in [0, 299, 300, 89_999, 90_000, 8_099_999_998] {
            let a = sweep.assignments(ofVariant: schedule.variantID(atPosition: position)).map(\.value)
            let b = sweep.assignments(ofVariant: schedule.variantID(atPosition: position + 1)).map(\.value)
            #expect(zip(a, b).map { abs($0 - $1) }.reduce(0, +) == 1, "positions \(position), \(position + 1)")
        }
        let overflowing = Sweep(
            base: "b.yaml", mode: .grid, dimensions: (0..<9).map { SweepDimension(path: "p\($0)", values: values) })
        #expect(overflowing.variantCount == Int.max)
    }
}
