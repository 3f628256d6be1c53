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
            var results: [(Int, Double?)] = []
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
            var results: [Int: Double?] = [:]
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

    /// Every kind of call on one session from many threads at once: changes that leave the
    /// optimum where it is (Wyndor Glass, max 3x + 5y = 36 at (2, 6)), rows that cut nothing,
    /// model and option reads, and solves. Run under the thread sanitizer (.ci/run) this proves
    /// the session's state is only touched on its own thread; without it, every solve must still
    /// be optimal at 36 and every row must arrive.
    @Test func sharedSessionChangedFromManyThreads() throws {
        let wyndor = Wyndor()
        let (x, y, plant2, plant3) = (wyndor.x, wyndor.y, wyndor.plant2, wyndor.plant3)
        let session = try GLPKSession(model: wyndor.lp)
        let outcomes = LockedList<Result<Double?, Error>>()
        let calls = 1000
        DispatchQueue.concurrentPerform(iterations: calls) { call in
            outcomes.append(
                Result {
                    switch call % 6 {
                    case 0: try session.setBound(plant2, .lessOrEqual(12))
                    case 1: try session.setObjectiveCoefficient(x, 3)
                    case 2: try session.setBounds(y, lower: 0, upper: .infinity)
                    case 3:
                        var options = session.options
                        options.simplexIterationLimit = nil
                        session.options = options
                    case 4:
                        guard session.model.bound(of: plant3) == .lessOrEqual(18) else { return nil }
                    default:
                        try session.addConstraints([LinearConstraint(terms: [(x, 1), (y, 1)], .lessOrEqual(100))])
                    }
                    return try (call % 2 == 0 ? session.solve() : session.solve(using: .dual)).objectiveValue
                })
        }
        let results = outcomes.items
        #expect(results.count == calls)
        for result in results {
            switch result {
            case .success(let objective): expectClose(objective, 36)
            case .failure(let error): Issue.record("call failed: \(error)")
            }
        }
        // Calls 5, 11, ..., 995 each added a row.
        #expect(session.model.constraintCount == 3 + 166)
    }
}

/// A list appended to from several threads.
private final class LockedList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    func append(_ element: Element) { lock.withLock { storage.append(element) } }
    var items: [Element] { lock.withLock { storage } }
}
