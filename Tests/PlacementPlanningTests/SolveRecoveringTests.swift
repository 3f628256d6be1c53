import GLPKSolver
import LinearProgramming
import Synchronization
import Testing

@testable import PlacementPlanning

/// `solveRecovering`'s retries: a first attempt that does not end optimal is solved again from a
/// fresh basis, primal then dual, and every attempt's work is counted.
@Suite struct SolveRecoveringTests {
    /// A real GLPK session whose first `failures` limited solves report `failure` instead of solving.
    final class FailingSession: LinearProgramSession, @unchecked Sendable {
        let inner: GLPKSession
        let failures: Int
        let failure: Solution
        /// The method and iteration limit of every limited solve, failed or not, in order.
        let attempts = Mutex<[(method: SimplexMethod, limit: Int)]>([])

        init(_ model: LinearProgram, failures: Int, failure: Solution) throws {
            inner = try GLPKSession(model: model)
            self.failures = failures
            self.failure = failure
        }

        var model: LinearProgram { inner.model }
        func setBounds(_ changes: [(Constraint, RowBound)]) throws { try inner.setBounds(changes) }
        func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws {
            try inner.setVariableBounds(changes)
        }
        func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws {
            try inner.setObjectiveCoefficients(changes)
        }
        func addConstraints(_ constraints: [LinearConstraint]) throws -> [Constraint] {
            try inner.addConstraints(constraints)
        }
        func update(to model: LinearProgram) throws -> Bool { try inner.update(to: model) }
        func solve() throws -> Solution { try inner.solve() }
        func solve(using method: SimplexMethod) throws -> Solution { try inner.solve(using: method) }
        func solve(using method: SimplexMethod, simplexIterationLimit iterationLimit: Int) throws -> Solution {
            let attempt = attempts.withLock { attempts in
                attempts.append((method, iterationLimit))
                return attempts.count
            }
            guard attempt > failures else { return failure }
            return try inner.solve(using: method, simplexIterationLimit: iterationLimit)
        }
        func basis() throws -> Basis? { try inner.basis() }
        func setBasis(_ basis: Basis) throws { try inner.setBasis(basis) }

        var methods: [SimplexMethod] { attempts.withLock { $0.map(\.method) } }
        var limits: [Int] { attempts.withLock { $0.map(\.limit) } }
    }

    /// max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18: 36 at (2, 6).
    static func wyndor() -> LinearProgram {
        var lp = LinearProgram(name: "wyndor", sense: .maximize)
        let x = lp.addVariable(name: "x", objective: 3)
        let y = lp.addVariable(name: "y", objective: 5)
        lp.addConstraint(name: "plant1", terms: [(x, 1)], .lessOrEqual(4))
        lp.addConstraint(name: "plant2", terms: [(y, 2)], .lessOrEqual(12))
        lp.addConstraint(name: "plant3", terms: [(x, 3), (y, 2)], .lessOrEqual(18))
        return lp
    }

    static func failed(
        _ termination: TerminationStatus, warmStarted: Bool, iterations: Int = 7, message: String? = "stalled"
    ) -> Solution {
        Solution(
            termination: termination, primalStatus: .noSolution, dualStatus: .noSolution,
            statistics: SolveStatistics(iterations: iterations, seconds: 0.25, warmStarted: warmStarted),
            message: message)
    }

    @Test func anOptimalFirstAttemptIsNotRetried() throws {
        let session = try FailingSession(
            Self.wyndor(), failures: 0, failure: Self.failed(.otherError, warmStarted: true))
        let solution = try session.solveRecovering(using: .dual, simplexIterationLimit: 100)
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 36)
        #expect(session.methods == [.dual])
    }

    /// A warm dual attempt that cycles is retried afresh with the primal simplex, which solves it;
    /// the dual is not tried, and both attempts' iterations and seconds count.
    @Test func aCyclingWarmAttemptIsRetriedPrimalFromAFreshBasis() throws {
        let session = try FailingSession(
            Self.wyndor(), failures: 1, failure: Self.failed(.iterationLimit, warmStarted: true))
        let solution = try session.solveRecovering(using: .dual, simplexIterationLimit: 100)
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 36)
        #expect(session.methods == [.dual, .primal])
        #expect(session.limits == [100, 100])
        #expect(solution.statistics.iterations >= 7)
        #expect(solution.statistics.seconds >= 0.25)
        #expect(solution.statistics.warmStarted)
        #expect(solution.message == nil)
    }

    /// A first attempt that was a fresh primal start already is not repeated: the dual comes next.
    @Test func aFreshPrimalFailureGoesToTheDual() throws {
        let session = try FailingSession(
            Self.wyndor(), failures: 1, failure: Self.failed(.numericalFailure, warmStarted: false))
        let solution = try session.solveRecovering(using: .primal, simplexIterationLimit: 50)
        #expect(solution.termination == .optimal)
        #expect(session.methods == [.primal, .dual])
        #expect(!solution.statistics.warmStarted)
    }

    /// When every attempt fails, the result keeps the first attempt's message and the last one's.
    @Test func everyAttemptFailingKeepsTheFirstMessage() throws {
        let session = try FailingSession(
            Self.wyndor(), failures: 3, failure: Self.failed(.infeasible, warmStarted: true, message: "stale basis"))
        let solution = try session.solveRecovering(using: .dual, simplexIterationLimit: 100)
        #expect(solution.termination == .infeasible)
        #expect(session.methods == [.dual, .primal, .dual])
        #expect(solution.statistics.iterations == 21)
        #expect(solution.statistics.seconds == 0.75)
        #expect(solution.message == "stale basis; again from a fresh basis: stale basis")
    }

    /// A time limit is final: no retry.
    @Test func aTimeLimitIsNotRetried() throws {
        let session = try FailingSession(
            Self.wyndor(), failures: 1, failure: Self.failed(.timeLimit, warmStarted: true))
        let solution = try session.solveRecovering(using: .dual, simplexIterationLimit: 100)
        #expect(solution.termination == .timeLimit)
        #expect(session.methods == [.dual])
    }
}
