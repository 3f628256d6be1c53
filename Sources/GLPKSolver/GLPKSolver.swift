import Foundation
import LinearProgramming

/// Solves a ``LinearProgram`` with GLPK in one synchronous call.
///
/// The GLPK problem is created, solved and deleted inside ``solve(_:)`` on the
/// calling thread, so solving different models on several threads at once is safe
/// (GLPK keeps its state per thread). LPs use the dual simplex by default; models with
/// integer variables use branch and cut (`glp_intopt`) and are trusted only after
/// checking GLPK's MIP status.
///
/// ```swift
/// var lp = LinearProgram(sense: .maximize)
/// let x = lp.addVariable(name: "x", upper: 4, objective: 3)
/// lp.addConstraint(name: "limit", terms: [(x, 2)], .lessOrEqual(6))
/// let solution = try GLPKSolver().solve(lp)
/// solution.termination      // .optimal
/// solution.objectiveValue   // 9
/// ```
public struct GLPKSolver: IncrementalSolver {
    public var options: GLPKOptions

    public init(options: GLPKOptions = GLPKOptions()) {
        self.options = options
    }

    public func solve(_ model: LinearProgram) throws -> Solution {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        let problem = try GLPKProblem(model: model)
        return try problem.solve(options: options, warm: false, method: options.method)
    }

    /// Opens a ``GLPKSession`` on `model` with these options, for warm re-solves. Sessions opened
    /// from one thread share one GLPK thread (calls to them are served one at a time), so a
    /// planning worker with many dispatch blocks needs one: see ``SharedSolverThread``. A session
    /// with a thread of its own is ``GLPKSession/init(model:options:retainsMatrix:)``.
    public func makeSession(_ model: LinearProgram) throws -> GLPKSession {
        try makeSession(model, retainsMatrix: true)
    }

    /// Opens a ``GLPKSession`` on `model` with these options, on the calling thread's shared GLPK
    /// thread; see ``GLPKSession/init(model:options:retainsMatrix:)`` for what `retainsMatrix: false`
    /// saves and costs.
    public func makeSession(_ model: LinearProgram, retainsMatrix: Bool) throws -> GLPKSession {
        try GLPKSession(
            model: model, options: options, retainsMatrix: retainsMatrix, shared: .ofCurrentThread())
    }

    /// Writes `model` to `url` in `format`, atomically, with its readable names, so any
    /// solver can read it. See ``ModelFileFormat`` for the conventions (objective sense and
    /// constant) that make the file mean the same to every reader.
    public static func export(_ model: LinearProgram, to url: URL, format: ModelFileFormat) throws {
        do { try model.validate() } catch { throw GLPKError.invalidModel(error) }
        try ModelFileWriter.write(model, to: url, format: format)
    }

    /// The GLPK library version, e.g. "5.0".
    public static var glpkVersion: String { GLPKVersion.string }
}
