import ArgumentParser
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer

/// A way `scale` solves a built study, chosen with `--method`. A new method (the planning
/// pipeline's `decomposed` and `auto`) is one more line in ``all``: a name and a function
/// from a ``ScaleMethod/Request`` to an ``ScaleMethod/Outcome``.
struct ScaleMethod: ExpressibleByArgument, Sendable {
    /// What a method gets: the study, its built program and the run's solver settings.
    struct Request {
        var study: Study
        var program: PlacementProgram
        var timeLimit: Double?
        var solverLog: Bool

        /// GLPK's options for this run with `method`.
        func glpkOptions(_ method: GLPKOptions.Method) -> GLPKOptions {
            var options = GLPKOptions()
            options.method = method
            options.log = solverLog ? .standardError : .off
            if let timeLimit { options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
            return options
        }
    }

    /// What a method returns; `scale` times the call as the solve phase.
    struct Outcome {
        var termination: String
        var message: String?
        /// The model's objective, in its sense and units (thousands of USD).
        var objective: Double?
        /// Seconds inside the solver proper (GLPK's simplex calls): the rest of the run is
        /// the "non-solver" time, which should stay under 10% of the total.
        var solverSeconds: Double
        var iterations: Int
        /// The solve line's detail, e.g. "primal simplex 12.3 s, 20,512 iterations".
        var detail: String
        /// Reads the plan; timed as the results phase.
        var readPlan: () -> Plan?
    }

    var name: String
    /// Solves the whole LP at once; `--monolithic-max-nonzeros` skips such methods on larger studies.
    var isMonolithic: Bool
    /// glpsol's simplex for the `--glpsol` reference run.
    var glpsolMethod: GLPKOptions.Method
    var solve: @Sendable (Request) throws -> Outcome

    /// Every method `--method` accepts.
    static let all: [ScaleMethod] = [
        .simplex(.primal),
        .simplex(.dual),
    ]

    /// GLPK's simplex on the whole LP, as `placement optimize --method primal|dual`.
    static func simplex(_ method: GLPKOptions.Method) -> ScaleMethod {
        ScaleMethod(name: method.rawValue, isMonolithic: true, glpsolMethod: method) { request in
            let solution = try GLPKSolver(options: request.glpkOptions(method)).solve(request.program.model)
            // GLPKSolver times its simplex call itself (crash basis, simplex, reading the solution).
            let statistics = solution.statistics
            return Outcome(
                termination: solution.termination.rawValue, message: solution.message,
                objective: solution.objectiveValue,
                solverSeconds: statistics.seconds, iterations: statistics.iterations,
                detail:
                    "\(method.rawValue) simplex \(fixed(statistics.seconds)) s, \(statistics.iterations) iterations",
                readPlan: {
                    PlacementOptimizer<GLPKSolver>.plan(from: solution, of: request.program, study: request.study)
                })
        }
    }

    init(
        name: String, isMonolithic: Bool, glpsolMethod: GLPKOptions.Method,
        solve: @escaping @Sendable (Request) throws -> Outcome
    ) {
        self.name = name
        self.isMonolithic = isMonolithic
        self.glpsolMethod = glpsolMethod
        self.solve = solve
    }

    init?(argument: String) {
        guard let method = Self.all.first(where: { $0.name == argument }) else { return nil }
        self = method
    }

    static var allValueStrings: [String] { all.map(\.name) }
}
