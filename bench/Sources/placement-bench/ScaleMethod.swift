import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// A way `scale` solves a built study, chosen with `--method`. A new method (the planning
/// pipeline's `decomposed` and `auto`) is one more line in ``all``: a name and a function
/// from a ``ScaleMethod/Request`` to an ``ScaleMethod/Outcome``.
struct ScaleMethod: ExpressibleByArgument, Sendable {
    /// What a method gets: the study and the run's solver settings (the pipeline builds what it needs).
    struct Request {
        var study: Study
        var timeLimit: Double?
        var solverLog: Bool
        /// Print the decomposition's progress lines (always with `solverLog`).
        var progress: Bool

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
        /// Rows, columns and nonzeros of what the method solved: the whole LP, or master and blocks.
        var size: (rows: Int, columns: Int, nonzeros: Int)
        /// Reads the plan; timed as the results phase.
        var readPlan: () -> Plan?
    }

    var name: String
    /// Solves the whole LP at once; `--monolithic-max-nonzeros` skips such methods on larger studies.
    var isMonolithic: Bool
    /// glpsol's simplex for the `--glpsol` reference run.
    var glpsolMethod: GLPKOptions.Method
    var solve: @Sendable (Request) throws -> Outcome

    /// Every method `--method` accepts: the planning pipeline's, as `placement optimize --method`.
    /// `decomposed-whole` keeps each dispatch block one LP (``PlanningOptions/blockSplitThreshold``
    /// `Int.max`), to measure what splitting blocks by slice gains; `decomposed-rebuilt` keeps no
    /// part resident (``PlanningOptions/residentNonzeroLimit`` 0), to measure what that costs: a
    /// split block then solves its slices in one shared session, a whole block is rebuilt for
    /// each solve.
    static let all: [ScaleMethod] = [
        .pipeline(.primal), .pipeline(.dual), .pipeline(.decomposed), .pipeline(.auto),
        .pipeline(.decomposed, variant: "whole") { $0.blockSplitThreshold = .max },
        .pipeline(.decomposed, variant: "rebuilt") { $0.residentNonzeroLimit = 0 },
    ]

    /// The planning pipeline with `method` and without the stress analysis: the investment
    /// solve and the canonical dispatch of every block, as `placement optimize --skip-analysis`.
    /// A `variant` (named `method-variant`) changes the options with `adjust`.
    static func pipeline(
        _ method: PlanningOptions.Method, variant: String? = nil,
        adjust: @escaping @Sendable (inout PlanningOptions) -> Void = { _ in }
    ) -> ScaleMethod {
        let simplex: GLPKOptions.Method = method == .dual ? .dual : .primal
        return ScaleMethod(
            name: method.rawValue + (variant.map { "-" + $0 } ?? ""),
            isMonolithic: method == .primal || method == .dual,
            glpsolMethod: simplex
        ) { request in
            var options = PlanningOptions()
            options.method = method
            adjust(&options)
            options.analyse = false
            if let timeLimit = request.timeLimit {
                options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up)))
            }
            if request.progress { options.progress = { FileHandle.standardError.write(Data(($0.line + "\n").utf8)) } }
            let result = try PlanningPipeline(
                solver: GLPKSolver(options: request.glpkOptions(simplex)), options: options
            )
            .run(request.study)
            let investment = result.investment
            var detail =
                "\(investment.method.rawValue): investment \(fixed(result.timings.solve)) s, canonical dispatch "
                + "\(fixed(result.timings.canonical)) s, \(result.iterations) iterations, blocks "
                + "\(result.blocksSize.nonzeros) nonzeros"
            if let decomposition = investment.decomposition {
                detail +=
                    ", \(decomposition.iterations) Benders iterations, \(decomposition.blockSolves) block solves, gap "
                    + String(format: "%.1e", decomposition.relativeGap)
            }
            return Outcome(
                termination: investment.termination.rawValue, message: investment.message,
                objective: investment.objective,
                solverSeconds: result.timings.solve + result.timings.canonical, iterations: result.iterations,
                detail: detail, size: (investment.size.rows, investment.size.columns, investment.size.nonzeros),
                readPlan: { result.plan })
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
