import Foundation

/// The solver thread that the sessions opened by one thread share (``GLPKSolver/makeSession(_:)``):
/// a thread that opens many sessions and uses them one after another, as a planning worker does
/// with its dispatch blocks, needs one GLPK thread for all of them rather than one per session.
/// The bundled study's decomposition opened 24 threads that way; with sharing, the threads are the
/// worker pool's and one solver thread for each.
///
/// The thread lives while the thread that opened the sessions lives or any of its sessions
/// does. A caught GLPK fatal error frees every problem of the GLPK thread it happened on, so
/// it invalidates every session sharing that thread (``GLPKError/sessionInvalidated``), not only
/// the one that failed.
final class SharedSolverThread: @unchecked Sendable {
    let thread = SolverThread(name: "glpk-shared")

    deinit {
        thread.shutdown {}
    }

    private static let key = "sovereign-placement.glpk-shared-thread"

    /// The calling thread's shared solver thread, started on first use.
    static func ofCurrentThread() -> SharedSolverThread {
        let dictionary = Thread.current.threadDictionary
        if let existing = dictionary[key] as? SharedSolverThread { return existing }
        let created = SharedSolverThread()
        dictionary[key] = created
        return created
    }
}
