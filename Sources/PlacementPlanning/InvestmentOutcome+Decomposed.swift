import LinearProgramming
import PlacementOptimizer

extension InvestmentOutcome {
    /// The outcome of a decomposed solve: the best evaluated builds and their objective, the
    /// statuses, the shadow prices of the master's last vertex (a linear master solved to the
    /// gap only) and the decomposition's statistics.
    init<Solver>(
        decomposed master: RegularizedMaster<Solver>, bounds: DecompositionBounds, work: DecompositionWork,
        termination: TerminationStatus, message: String?, lastMaster: Solution?, blocksSize: ProgramSize,
        index: PlacementIndex
    ) {
        let integer = master.isInteger
        let lp = master.lp
        self.init(
            method: .decomposed, termination: termination,
            primalStatus: bounds.best == nil ? .noSolution : .feasiblePoint,
            dualStatus: termination == .optimal && !integer ? .feasiblePoint : .noSolution, message: message,
            objective: bounds.best == nil ? nil : bounds.lower, built: bounds.best.map(master.program.builtUnits),
            iterations: master.simplexIterations + work.blockSimplexIterations, warmStarted: false,
            mipGap: integer ? lastMaster?.relativeGap : nil,
            size: ProgramSize(
                rows: lp.constraintCount + blocksSize.rows, columns: lp.variableCount + blocksSize.columns,
                nonzeros: lp.nonzeroCount + blocksSize.nonzeros, integer: integer))
        if termination == .optimal, !integer, let lastMaster {
            shadowPrices = PlanAssembler.shadowPrices(
                solution: lastMaster, model: lp, powerRows: master.program.powerRows,
                budgetRows: master.program.budgetRows, index: index)
        }
        decomposition = DecompositionStatistics(
            iterations: work.iterations, blockSolves: work.blockSolves, cuts: master.cutCount,
            lowerBound: bounds.lower / PlacementProgram.moneyScale,
            upperBound: bounds.upper / PlacementProgram.moneyScale,
            relativeGap: bounds.gap, history: bounds.history)
    }
}
