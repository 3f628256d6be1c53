/// A sum of `coefficient * variable` terms plus a constant, built up term by term.
///
/// ```swift
/// var lp = LinearProgram()
/// let x = lp.addVariable(name: "x"), y = lp.addVariable(name: "y")
/// var cost = LinearExpression(constant: 10)
/// cost.add(x, 2)
/// cost.add(y, -1)
/// lp.addConstraint(name: "limit", cost, .lessOrEqual(20)) // 2x - y <= 10
/// ```
///
/// Terms are kept as added; adding the same variable twice makes a duplicate
/// entry, which ``LinearProgram/validate()`` rejects. Call ``combined()`` to merge.
public struct LinearExpression: Sendable {
    public private(set) var terms: [(Variable, Double)]
    public var constant: Double

    public init(_ terms: [(Variable, Double)] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public mutating func add(_ variable: Variable, _ coefficient: Double) {
        terms.append((variable, coefficient))
    }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        terms.append(contentsOf: other.terms.map { ($0.0, $0.1 * factor) })
        constant += other.constant * factor
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The same expression with repeated variables summed and zero terms dropped, in variable order.
    public func combined() -> LinearExpression {
        var sums: [Int: Double] = [:]
        for (variable, coefficient) in terms { sums[variable.index, default: 0] += coefficient }
        let merged = sums.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { (Variable(index: $0.key), $0.value) }
        return LinearExpression(merged, constant: constant)
    }
}
