import LinearProgramming

/// The master's model of each block's value, kept beside the master program so that a new cut
/// can be tested before it is added: the model's value of block `b` at a master point is the
/// least of its bound and its cuts there, `min(bound, min_c rhs_c - sum_j a_cj * x_j)` over the
/// cuts' terms other than `theta`.
struct CuttingPlaneModel {
    private struct Cut {
        var rhs: Double
        var terms: [(column: Int, coefficient: Double)]
    }

    private let bounds: [Double]
    private var cuts: [[Cut]]

    /// - Parameter bounds: each block's value bound, as in the master.
    init(bounds: [Double]) {
        self.bounds = bounds
        cuts = bounds.map { _ in [] }
    }

    /// The model's value of a block at master column values `point`.
    func value(block: Int, at point: [Double]) -> Double {
        cuts[block].reduce(bounds[block]) { least, cut in
            min(least, cut.terms.reduce(cut.rhs) { $0 - $1.coefficient * point[$1.column] })
        }
    }

    /// Adds a cut `theta + sum a_j x_j <= rhs` of a block, as ``BendersMaster`` writes it (its
    /// first term the block's `theta`).
    mutating func add(_ cut: (terms: [(Variable, Double)], bound: RowBound), block: Int) {
        cuts[block].append(Cut(rhs: cut.bound.upper, terms: cut.terms.dropFirst().map { ($0.0.index, $0.1) }))
    }
}
