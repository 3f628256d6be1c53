/// A row to add, to a ``LinearProgram`` or to a live ``LinearProgramSession``: its name,
/// its terms `coefficient * variable` and the bound on their sum.
///
/// ```swift
/// let cut = LinearConstraint(name: "cut[3]", terms: [(x, 1), (y, 1)], .lessOrEqual(7))
/// let rows = try session.addConstraints([cut])   // re-solves warm from the current basis
/// lp.addConstraints([cut])                        // or build it into a model
/// ```
public struct LinearConstraint: Sendable {
    /// The row's name (at most ``LinearProgram/maximumNameLength`` bytes, no control characters).
    public var name: String
    /// The nonzeros, each column at most once (``LinearExpression/combined()`` merges repeats).
    public var terms: [(Variable, Double)]
    public var bound: RowBound

    public init(name: String = "", terms: [(Variable, Double)], _ bound: RowBound) {
        self.name = name
        self.terms = terms
        self.bound = bound
    }

    /// The row `bound` on an expression; the expression's constant moves to the bounds.
    public init(name: String = "", _ expression: LinearExpression, _ bound: RowBound) {
        self.init(
            name: name, terms: expression.terms,
            RowBound(lower: bound.lower - expression.constant, upper: bound.upper - expression.constant))
    }
}
