import LinearProgramming
import PlacementOptimizer

/// The master's model of each block's value, kept beside the master program so that a new cut
/// can be tested before it is added: the model's value of block `b` at a master point is the
/// least of its bound and its cuts there, `min(bound, min_c rhs_c - sum_j a_cj * x_j)`.
struct CuttingPlaneModel {
    private let bounds: [Double]
    private var cuts: [[BendersCut]]

    /// - Parameter bounds: each block's value bound, as in the master.
    init(bounds: [Double]) {
        self.bounds = bounds
        cuts = bounds.map { _ in [] }
    }

    /// The model's value of a block at master column values `point`.
    func value(block: Int, at point: [Double]) -> Double {
        cuts[block].reduce(bounds[block]) { least, cut in min(least, cut.value(at: point)) }
    }

    /// Adds a cut of its block.
    mutating func add(_ cut: BendersCut) {
        cuts[cut.block].append(cut)
    }
}
