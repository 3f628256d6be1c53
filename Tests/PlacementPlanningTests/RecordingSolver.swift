import GLPKSolver
import LinearProgramming
import Synchronization

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
        /// The name of the model the session was opened on (`dispatch[...]`, `master`).
        let name: String
        let state = Mutex<(events: [Event], objective: [Double])>(([], []))

        init(_ model: LinearProgram) throws {
            inner = try GLPKSolver().makeSession(model)
            valueObjective = model.variables.map { model.objectiveCoefficient(of: $0) }
            name = model.name
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

    /// Each dispatch block session's events, in the order they happened (not the master's, whose
    /// level row is also `>=`).
    func logs() -> [[Event]] {
        sessions.withLock { $0.filter { $0.name.hasPrefix("dispatch[") }.map { $0.state.withLock { $0.events } } }
    }

    /// How many sessions were opened on models of this name.
    func sessions(named name: String) -> Int { sessions.withLock { $0.filter { $0.name == name }.count } }
}
