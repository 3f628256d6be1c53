import CGLPKGuard
import Foundation

/// A thread of its own for one GLPK problem, so that the problem is created, solved and
/// deleted on one thread whatever thread (or task) the caller is on.
///
/// `run` is synchronous: it hands the closure to the thread and waits for it. Calls
/// from several threads are served one at a time.
final class SolverThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: Job?
    private var stopping = false
    private var stopped = false
    private var thread: Thread?

    private final class Job {
        let work: () -> Void
        var done = false
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    init(name: String) {
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = name
        // GLPK's factorization and MIP search can use a deep stack.
        thread.stackSize = 64 << 20
        self.thread = thread
        thread.start()
    }

    /// Runs `body` on the solver thread and returns its result (or rethrows its error).
    func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if Thread.current === thread { return try body() }
        let result: Result<T, E> = withoutActuallyEscaping(body) { body in
            var result: Result<T, E>?
            let job = Job { result = Result { () throws(E) -> T in try body() } }
            condition.lock()
            while pending != nil { condition.wait() }
            precondition(!stopping, "SolverThread used after shutdown")
            pending = job
            condition.broadcast()
            while !job.done { condition.wait() }
            condition.unlock()
            return result!
        }
        return try result.get()
    }

    /// Runs `cleanup` on the thread, then ends it (after freeing the thread's GLPK environment).
    func shutdown(_ cleanup: () -> Void) {
        run(cleanup)
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    private func serve() {
        condition.lock()
        while true {
            while pending == nil && !stopping { condition.wait() }
            guard let job = pending else { break }
            condition.unlock()
            job.work()
            condition.lock()
            job.done = true
            pending = nil
            condition.broadcast()
        }
        spg_free_env()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
