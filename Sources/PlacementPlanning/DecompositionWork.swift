/// What the decomposition's blocks have cost so far: iterations of the algorithm, block
/// re-solves and their simplex iterations (the master counts its own).
struct DecompositionWork {
    var iterations = 0
    var blockSolves = 0
    var blockSimplexIterations = 0

    /// One evaluation of every block.
    mutating func add<Solver>(_ evaluation: DecomposedSolve<Solver>.Evaluation, blocks: Int) {
        blockSolves += blocks
        blockSimplexIterations += evaluation.iterations
    }
}
