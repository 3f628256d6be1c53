import LinearProgramming

/// How GLPK is asked to solve.
///
/// ```swift
/// var options = GLPKOptions()
/// options.timeLimit = .seconds(30)
/// options.mipGap = 1e-4
/// options.log = .standardError
/// let solution = try GLPKSolver(options: options).solve(lp)
/// ```
public struct GLPKOptions: Sendable, Hashable {
    /// Which simplex method solves an LP (and the relaxations of a MIP); `.dual` is GLPK's
    /// `GLP_DUALP`, the dual simplex falling back to the primal if it fails.
    public typealias Method = SimplexMethod

    /// Where GLPK's own terminal output goes.
    public enum Log: Sendable, Hashable {
        /// Nothing is printed (the default).
        case off
        /// Kept and returned in ``Solution/log``.
        case capture
        /// Written to standard error as GLPK prints it.
        case standardError
    }

    public var method: Method = .dual
    /// The starting basis of a cold LP solve: GLPK's crash basis (`glp_adv_basis`, glpsol's
    /// default) or the all-slack standard basis.
    public var advancedBasis: Bool = true
    /// LP presolve for cold solves; always off for warm re-solves (it would discard the basis).
    public var presolve: Bool = false
    /// MIP presolve (GLPK's `glp_intopt` presolver), for ``GLPKSolver/solve(_:)``. A
    /// ``GLPKSession`` never uses it: it branches from its warm LP relaxation instead.
    public var mipPresolve: Bool = true
    /// GLPK's cutting planes (Gomory, MIR, cover, clique) for MIPs.
    public var cuts: Bool = true
    /// Scale the problem (`glp_scale_prob`, automatic) before its first solve.
    public var scaling: Bool = true
    /// After an optimal simplex solve, re-solve from its basis in exact rational arithmetic
    /// (`glp_exact`): the reported optimum is then exact for the final basis, free of
    /// floating-point tolerances. Costs little from an optimal basis.
    public var exactPolish: Bool = false
    public var timeLimit: Duration?
    /// Largest number of simplex iterations of each solve (GLPK's `it_lim`); nil: no limit.
    public var simplexIterationLimit: Int?
    /// The former name of ``simplexIterationLimit``.
    @available(*, deprecated, renamed: "simplexIterationLimit")
    public var iterationLimit: Int? {
        get { simplexIterationLimit }
        set { simplexIterationLimit = newValue }
    }
    /// Relative MIP gap at which the search stops and the incumbent counts as optimal.
    public var mipGap: Double = 1e-9
    public var log: Log = .off

    public init() {}
}
