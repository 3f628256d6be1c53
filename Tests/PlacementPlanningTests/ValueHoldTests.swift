import Foundation
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementTestSupport
import Synchronization
import Testing

/// The block-value row of the canonical and write-off stages, as docs/design.md §4 (revision 2)
/// writes it: `value >= value* - 1e-9 x |value*|`, with value* the value stage's optimum, set
/// once. The write-off is sensitive to it: doubling the slack, or writing the row from the
/// canonical stage's value, moved the bundled study's 2030 worst-stress figure by 2.5 M USD.
///
/// A solver that records every call its sessions receive stands between the pipeline and GLPK.
@Suite struct ValueHoldTests {
    /// Every value hold the pipeline sets on a one-part block (rows set `>=`; the other rows are
    /// demand `==` and capacity `<=`) is the last value-stage optimum of that session less 1e-9 of
    /// it, and each value-stage optimum is held at most once.
    @Test func theHoldIsTheValueStageOptimumLessOneBillionthSetOnce() throws {
        var tiny = TinyStudy()
        tiny.horizon = Horizon(start: 2026, end: 2027)
        tiny.hardware = [TinyStudy.gpu(lifetime: 2)]
        tiny.scenarios = [
            Scenario(id: "base", probability: 0.5),
            Scenario(id: "low", probability: 0.5, demand: ["video": YearSeries([2027: 0.5])]),
        ]
        let recorder = RecordingSolver()
        var options = TestPlanning.options(method: .decomposed)
        options.threads = 1
        let result = try PlanningPipeline(solver: recorder, options: options).run(try tiny.study())
        #expect(result.plan != nil)

        var holds = 0
        for log in recorder.logs() {
            var valueOptimum: Double?
            var heldSinceValueStage = false
            for event in log {
                switch event {
                case .solved(let objective, let valueObjective):
                    if valueObjective {
                        valueOptimum = objective
                        heldSinceValueStage = false
                    }
                case .held(let bound):
                    let optimum = try #require(valueOptimum, "a hold before any value stage")
                    #expect(bound == optimum - 1e-9 * abs(optimum), "held at \(bound) for a value of \(optimum)")
                    #expect(!heldSinceValueStage, "a second hold on one value-stage optimum")
                    heldSinceValueStage = true
                    holds += 1
                }
            }
        }
        // Two years, two scenarios, and the stress case's two years: each block held at least once.
        #expect(holds >= 6)
    }
}

/// Forwards to GLPK and records, per session, each value hold set and each solve's objective,
/// with whether the session's objective was then the model's own (the block's value).
final class RecordingSolver: IncrementalSolver {
    enum Event: Sendable {
        case held(Double)
        case solved(objective: Double?, valueObjective: Bool)
    }

    final class Session: LinearProgramSession {
        let inner: GLPKSession
        let valueObjective: [Double]
        /// Whether the session holds a dispatch block (not the master, whose level row is also `>=`).
        let isBlock: Bool
        let state = Mutex<(events: [Event], objective: [Double])>(([], []))

        init(_ model: LinearProgram) throws {
            inner = try GLPKSolver().makeSession(model)
            valueObjective = model.variables.map { model.objectiveCoefficient(of: $0) }
            isBlock = model.name.hasPrefix("dispatch[")
            state.withLock { $0.objective = valueObjective }
        }

        var model: LinearProgram { inner.model }

        func setBounds(_ changes: [(Constraint, RowBound)]) throws {
            for (_, bound) in changes {
                if case .greaterOrEqual(let value) = bound { state.withLock { $0.events.append(.held(value)) } }
            }
            try inner.setBounds(changes)
        }

        func setVariableBounds(_ changes: [(Variable, lower: Double, upper: Double)]) throws {
            try inner.setVariableBounds(changes)
        }

        func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws {
            state.withLock { state in
                for (variable, value) in changes { state.objective[variable.index] = value }
            }
            try inner.setObjectiveCoefficients(changes)
        }

        func addConstraints(_ constraints: [LinearConstraint]) throws -> [Constraint] {
            try inner.addConstraints(constraints)
        }

        func update(to model: LinearProgram) throws -> Bool { false }

        func solve() throws -> Solution { record(try inner.solve()) }

        func solve(using method: SimplexMethod) throws -> Solution { record(try inner.solve(using: method)) }

        func solve(using method: SimplexMethod, simplexIterationLimit iterationLimit: Int) throws -> Solution {
            record(try inner.solve(using: method, simplexIterationLimit: iterationLimit))
        }

        func basis() throws -> Basis? { try inner.basis() }

        func setBasis(_ basis: Basis) throws { try inner.setBasis(basis) }

        private func record(_ solution: Solution) -> Solution {
            state.withLock { state in
                state.events.append(
                    .solved(objective: solution.objectiveValue, valueObjective: state.objective == valueObjective))
            }
            return solution
        }
    }

    private let sessions = Mutex<[Session]>([])

    func solve(_ model: LinearProgram) throws -> Solution { try GLPKSolver().solve(model) }

    func makeSession(_ model: LinearProgram) throws -> Session {
        let session = try Session(model)
        sessions.withLock { $0.append(session) }
        return session
    }

    /// Each dispatch block session's events, in the order they happened.
    func logs() -> [[Event]] {
        sessions.withLock { $0.filter(\.isBlock).map { $0.state.withLock { $0.events } } }
    }
}
