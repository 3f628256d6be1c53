import LinearProgramming

extension BendersMaster {
    /// The master's numbers that change when one fleet's unit capex does: the objective
    /// coefficients of its build columns and their entries in the budget row and the level row.
    public struct Repricing: Sendable {
        public var objective: [(Variable, Double)]
        public var matrix: [(row: Constraint, column: Variable, coefficient: Double)]
        /// False when the level row had no entry for a column (its study coefficient was 0), so
        /// it still measures the study's objective: level steps must not use it.
        public var levelRowRepriced = true
        /// False when a CVaR row had no entry for a node's column (its study cost was 0), so the
        /// tail term still holds the study's cost: the repriced master is not exact.
        public var riskRowsRepriced = true
    }

    /// Sets fleet `fleet`'s unit capex (USD per accelerator, shell included) to `unitCapexUSD` in
    /// this program and returns what changed, for a live master to apply with its cuts
    /// (docs/design.md §10, break-even prices). The blocks do not see capex, so the cuts stay valid.
    ///
    /// Capex enters the master three ways, each handled exactly:
    /// - the capital charge in the build columns' objective coefficients and costs (``buildCosts``,
    ///   which ``objectiveValue(builds:blockValues:)`` reads);
    /// - the budget row's coefficients (and the level row, the objective's terms as a row);
    /// - every scenario's NPV in the CVaR rows. A change of cost `k` per column takes the same
    ///   `k x` from every scenario's NPV, which moves the CVaR term by exactly `-w k x` (the tail
    ///   mean of NPVs less a constant is the tail mean less that constant). So the CVaR rows keep
    ///   the study's costs and the objective coefficient carries the whole change:
    ///   `-(1 - w) cost(c) - w (cost(c) - cost(c0))`; at the study's capex it is the written one.
    ///   With several nodes a year (adaptive decisions) a node's column takes its cost from its
    ///   own scenarios' NPVs only, which moves the tail by no constant: there the CVaR rows' entries
    ///   take the new cost and the objective coefficient only the expectation's share,
    ///   `-(1 - w) p(node) cost(c)`, as the program writes it.
    ///
    /// ```swift
    /// var program = BendersMaster(index: index, valueBounds: bounds)
    /// let change = program.reprice(fleet: 3, unitCapexUSD: 42_000)
    /// ```
    public mutating func reprice(fleet: Int, unitCapexUSD: Double) -> Repricing {
        let costs = InvestmentCosts(index: index, economics: Economics(study: index.study))
        let positions = Dictionary(uniqueKeysWithValues: buildCosts.enumerated().map { ($1.0.index, $0) })
        var change = Repricing(objective: [], matrix: [])
        let price = unitCapexUSD * index.buildUnitSize * PlacementProgram.moneyScale
        for (stage, column) in build[fleet].enumerated() {
            guard let column, let position = positions[column.index] else { continue }
            let y = index.stages[stage].year
            let discounted = costs.discountedCostPerUnit(fleet: fleet, builtIn: y, unitCapexUSD: unitCapexUSD)
            let cost = discounted * index.buildUnitSize * PlacementProgram.moneyScale
            let written = writtenCosts[position]
            let coefficient: Double
            if index.tree.isSingleNodePerYear {
                // At the study's capex this is the written coefficient, bit for bit (`.master` rounding).
                coefficient = -(1 - objective.riskWeight) * cost - objective.riskWeight * (cost - written)
            } else {
                let scenarios = buildScenarios[position]
                let weight =
                    index.tree.nodes[y].count == 1
                    ? 1 : scenarios.reduce(0) { $0 + objective.weights[$1] }
                coefficient = -(1 - objective.riskWeight) * cost * weight
                for s in scenarios where !riskRows.isEmpty {
                    if model.setCoefficient(riskRows[s], column, -cost) {
                        change.matrix.append((riskRows[s], column, -cost))
                    } else {
                        change.riskRowsRepriced = false
                    }
                }
            }
            buildCosts[position].1 = cost
            change.objective.append((column, coefficient))
            model.setObjectiveCoefficient(column, coefficient)
            if model.setCoefficient(levelRow, column, coefficient) {
                change.matrix.append((levelRow, column, coefficient))
            } else {
                change.levelRowRepriced = false
            }
            // One budget row per final node: a column is on the rows of its descendants' paths.
            for budgetRow in budgetRows {
                if model.setCoefficient(budgetRow, column, price) { change.matrix.append((budgetRow, column, price)) }
            }
        }
        return change
    }
}
