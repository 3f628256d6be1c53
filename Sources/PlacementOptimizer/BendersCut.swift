import LinearProgramming

/// An optimality cut of one dispatch block: `theta[block] + sum_j a_j x_j <= rhs`, written in the
/// master's capacity columns (``BendersMaster/cut(block:value:capacityDuals:installed:)``).
///
/// The block's `theta` is named, not a position in a list of terms, so the master's LP, its
/// cutting-plane model and its sessions all read one value.
///
/// ```swift
/// let cut = master.cut(block: b, value: v, capacityDuals: duals, installed: capacity)
/// lp.addConstraint(cut.constraint(name: "cut[1,2026,base]"))
/// ```
public struct BendersCut: Sendable {
    /// The block's position (`PlacementIndex.block(year:scenario:)`).
    public let block: Int
    /// The block's value column in the master.
    public let theta: Variable
    /// The capacity columns' coefficients `a_j` (the block's capacity duals, negated and scaled).
    public let terms: [(Variable, Double)]
    /// The right-hand side: the block's value at the evaluated capacity, less the duals' part.
    public let rhs: Double

    public init(block: Int, theta: Variable, terms: [(Variable, Double)], rhs: Double) {
        self.block = block
        self.theta = theta
        self.terms = terms
        self.rhs = rhs
    }

    /// The cut as a master row, `theta` first.
    public func constraint(name: String) -> LinearConstraint {
        LinearConstraint(name: name, terms: [(theta, 1)] + terms, .lessOrEqual(rhs))
    }

    /// The cut's bound on `theta` at master column values `point`: `rhs - sum_j a_j x_j`.
    public func value(at point: [Double]) -> Double {
        terms.reduce(rhs) { $0 - $1.1 * point[$1.0.index] }
    }
}
