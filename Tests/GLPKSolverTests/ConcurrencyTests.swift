import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementTestSupport
import Testing

/// Different models solved on several threads at once give exactly the serial answers.
@Suite struct ConcurrencyTests {
    static let seeds: [UInt64] = Array(1...8)

    func model(_ seed: UInt64) -> LinearProgram {
        TransportationModel(sources: 8 + Int(seed % 5), sinks: 15 + Int(seed % 7), seed: seed).model().0
    }

    @Test func oneShotSolvesOnManyThreads() async throws {
        let serial = try Self.seeds.map { try GLPKSolver().solve(model($0)).objectiveValue }
        let parallel = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, seed) in Self.seeds.enumerated() {
                for _ in 0..<3 {
                    group.addTask { (index, try GLPKSolver().solve(model(seed)).objectiveValue) }
                }
            }
            var results = [(Int, Double?)]()
            for try await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == Self.seeds.count * 3)
        for (index, objective) in parallel {
            #expect(objective == serial[index], "seed \(Self.seeds[index])")
        }
    }

    @Test func sessionsOnThreadsOfTheirOwn() async throws {
        let serial = try Self.seeds.map { try GLPKSolver().solve(model($0)).objectiveValue }
        let sessions = try Self.seeds.map { try GLPKSession(model: model($0)) }
        let results = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, session) in sessions.enumerated() {
                group.addTask { (index, try session.solve().objectiveValue) }
            }
            var results = [Int: Double?]()
            for try await (index, objective) in group { results[index] = objective }
            return results
        }
        for index in Self.seeds.indices { #expect(results[index] == serial[index]) }
    }

    /// One session used from many tasks at once: calls are served one at a time.
    @Test func sharedSessionSerialisesCalls() async throws {
        let lp = model(3)
        let expected = try GLPKSolver().solve(lp).objectiveValue
        let session = try GLPKSession(model: lp)
        try await withThrowingTaskGroup(of: Double?.self) { group in
            for _ in 0..<6 { group.addTask { try session.solve().objectiveValue } }
            for try await objective in group {
                let value = try #require(objective)
                expectClose(value, expected ?? .nan)
            }
        }
    }
}
