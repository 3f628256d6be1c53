import LinearProgramming
import PlacementModel

/// A (year, scenario) dispatch block, or a group of its slices, as an LP of its own: capacity is
/// a right-hand side, so the program can be re-solved for any builds. It serves the decomposed
/// solve (a Benders subproblem), the canonical dispatch and the stranded write-off
/// (docs/design.md §4, revision 2), each a change of bounds and objective in a solver session:
///
/// - **value** stage: maximise the block's value (the objective the investment LP gives it);
/// - **canonical** stage: hold the value (the value row at least the optimum less ``valueTolerance``
///   of it, ``valueHeld(at:tolerance:)``) and maximise busy accelerators;
/// - **write-off** stage: hold the value, let `retire[q]` in `[0, cap_q]` share the capacity rows,
///   and maximise the book value retired.
///
/// A block whose slices no category share row ties can be solved as one program per
/// ``SliceGroup`` (``DispatchBlockBuilder/build(block:slices:)``, no write-off columns); its held
/// stages then run on a program of the whole block whose groups share one value row, started from
/// the groups' value-stage bases (``joiningBases(_:)``). That join relies on each group's own
/// program laying out its rows as demand | capacity | value.
///
/// ```swift
/// let block = DispatchBlockBuilder(index: index).build(year: 0, scenario: 0)
/// var lp = block.model
/// for (row, bound) in block.capacityBounds(installed: capacity) { lp.setBound(row, bound) }
/// ```
public struct DispatchBlockProgram: Sendable {
    /// Relative loss of value the canonical and write-off stages may accept, per part (docs/design.md §4, revision 2).
    public static let valueTolerance = 1e-9
    /// The hold used when a part's value optimum is only as exact as the simplex's primal feasibility
    /// tolerance (GLPK's 1e-7 relative), so that holding it to 1e-9 is infeasible.
    public static let solverTolerance = 1e-7

    /// A set of the block's slices whose dispatch no row ties to the other slices', with its own
    /// value row, and where its rows and columns sit in the program. (The planning pipeline calls
    /// the program of one group a part of its block.)
    public struct SliceGroup: Sendable, Hashable {
        /// The slices (positions in `0..<index.slices`).
        public let slices: Range<Int>
        /// Its serve, unserved and shortfall columns, contiguous.
        public let columns: Range<Int>
        /// Its demand rows, contiguous.
        public let demandRows: Range<Int>
        /// Its capacity rows (fleet by fleet, slice by slice), contiguous.
        public let capacityRows: Range<Int>
        /// Its value as a row (free until a stage holds it).
        public let valueRow: Constraint
    }

    public var model: LinearProgram
    public let layout: DispatchBlockLayout
    /// `retire[fleet]`: units written off (write-off stage), fixed at 0 otherwise; nil for fleets
    /// with no capacity row in the block, or all nil in a program built without write-off columns.
    public let retire: [Variable?]
    /// The program's slice groups, in slice order: one for the whole block, or one per group of
    /// independent slices.
    public let sliceGroups: [SliceGroup]
    /// Every column, for replacing the whole objective.
    public let columns: [Variable]

    /// The former name of ``SliceGroup``.
    @available(*, deprecated, renamed: "SliceGroup")
    public typealias Part = SliceGroup
    /// The former name of ``sliceGroups``.
    @available(*, deprecated, renamed: "sliceGroups")
    public var parts: [SliceGroup] { sliceGroups }

    /// The slices the program holds, from its first group's to its last's.
    public var slices: Range<Int> {
        sliceGroups[0].slices.lowerBound..<sliceGroups[sliceGroups.count - 1].slices.upperBound
    }

    /// Whether the program has write-off columns.
    public var hasRetire: Bool { retire.contains { $0 != nil } }

    /// Right-hand sides of the capacity rows for the installed units of each fleet.
    public func capacityBounds(installed: [Double]) -> [(Constraint, RowBound)] {
        let slices = layout.capacityRow.count / max(1, retire.count)
        var bounds: [(Constraint, RowBound)] = []
        for fleet in retire.indices {
            for k in 0..<slices {
                if let row = layout.capacityRow[fleet * slices + k] {
                    bounds.append((row, .lessOrEqual(installed[fleet])))
                }
            }
        }
        return bounds
    }

    /// The whole objective of a stage: `terms` on their columns, 0 elsewhere.
    public func objective(_ terms: [(Variable, Double)]) -> [(Variable, Double)] {
        var coefficients = Array(repeating: 0.0, count: columns.count)
        for (column, value) in terms { coefficients[column.index] += value }
        return zip(columns, coefficients).map { ($0, $1) }
    }

    /// The block's value row held at `value` less the tolerance (for the canonical and write-off
    /// stages): the program's one value row, or the one its parts share when they were built
    /// `sharingValue`.
    public func valueHeld(at value: Double, tolerance: Double = valueTolerance) -> (Constraint, RowBound) {
        (sliceGroups[0].valueRow, .greaterOrEqual(Self.held(value, tolerance: tolerance)))
    }

    /// The least value a hold at `value` with `tolerance` accepts.
    public static func held(_ value: Double, tolerance: Double) -> Double { value - tolerance * abs(value) }

    /// The value rows released (value stage).
    public var valueReleased: [(Constraint, RowBound)] { sliceGroups.map { ($0.valueRow, .free) } }

    /// The basis of this program (built with every part of the block) made of the optimal bases
    /// of its parts' own programs (one each, in order; see
    /// ``DispatchBlockBuilder/build(year:scenario:parts:retire:sharingValue:)``), with every
    /// write-off column non-basic at 0 and a shared value row basic. Each part's rows and columns
    /// keep their order in the joined program, so the parts' optimum is the joined program's
    /// starting point. (A part's own value row is free in the value stage, hence basic: dropping
    /// it for the shared one keeps the count of basic rows and columns right.)
    public func joiningBases(_ bases: [Basis]) -> Basis {
        let sharedValue = sliceGroups.count > 1 && sliceGroups[0].valueRow == sliceGroups[1].valueRow
        var rows = Array(repeating: Basis.Status.basic, count: model.constraintCount)
        var joined = Array(repeating: Basis.Status.atLower, count: model.variableCount)
        for (part, basis) in zip(sliceGroups, bases) {
            let demand = part.demandRows.count
            let capacity = part.capacityRows.count
            for (offset, status) in basis.columns.prefix(part.columns.count).enumerated() {
                joined[part.columns.lowerBound + offset] = status
            }
            for (offset, status) in basis.rows.prefix(demand).enumerated() {
                rows[part.demandRows.lowerBound + offset] = status
            }
            for (offset, status) in basis.rows.dropFirst(demand).prefix(capacity).enumerated() {
                rows[part.capacityRows.lowerBound + offset] = status
            }
            if !sharedValue, let value = basis.rows.dropFirst(demand + capacity).first {
                rows[part.valueRow.index] = value
            }
        }
        return Basis(rows: rows, columns: joined)
    }

    /// Bounds of the retire columns: `[0, installed]` in the write-off stage, else `[0, 0]`.
    public func retireBounds(installed: [Double]?) -> [(Variable, lower: Double, upper: Double)] {
        retire.enumerated().compactMap { fleet, column in
            column.map { ($0, 0, installed.map { max(0, $0[fleet]) } ?? 0) }
        }
    }

    /// The program's model with capacity at `installed` and the demand scaled by `demandScale`
    /// (for a solver session opened on it at once).
    public func bounded(installed: [Double], demandScale: [WorkloadID: Double], index: PlacementIndex)
        -> LinearProgram
    {
        var model = self.model
        for (row, bound) in capacityBounds(installed: installed) { model.setBound(row, bound) }
        let demand = demandBounds(scale: demandScale, index: index)
        for (row, bound) in demand.rows { model.setBound(row, bound) }
        for column in demand.columns { model.setBounds(column.0, lower: column.lower, upper: column.upper) }
        return model
    }

    /// An upper bound on the program's value (scaled money), plus 1: every unit of demand served
    /// at its best margin. The decomposition's master bounds each block's value column by it.
    public func valueBound(index: PlacementIndex) -> Double {
        var bound = 0.0
        for p in index.demandPoints.indices {
            for k in slices {
                let position = p * index.slices + k
                guard layout.demandRow[position] != nil else { continue }
                var best = 0.0
                layout.forEachServe(point: p, slice: k, index: index) { _, column in
                    best = max(best, model.objectiveCoefficient(of: column))
                }
                bound += best * layout.demandRate[position]
            }
        }
        return bound + 1
    }

    /// Demand rows and unserved bounds with each workload's demand times `scale` (1 when absent).
    public func demandBounds(scale: [WorkloadID: Double], index: PlacementIndex)
        -> (rows: [(Constraint, RowBound)], columns: [(Variable, lower: Double, upper: Double)])
    {
        demandBounds(scale: scale, index: index) { layout.demandRate[$0] }
    }

    /// The same for a program of one slice made to stand for another slice of its block with the
    /// same structure (``DispatchBlockBuilder/demandRates(year:scenario:)``): each demand row and
    /// unserved bound set to that slice's demand, `rates[p * slices + slice]`.
    public func demandBounds(
        scale: [WorkloadID: Double], index: PlacementIndex, asSlice slice: Int, rates: [Double]
    ) -> (rows: [(Constraint, RowBound)], columns: [(Variable, lower: Double, upper: Double)]) {
        demandBounds(scale: scale, index: index) { position in
            rates[position - position % index.slices + slice]
        }
    }

    private func demandBounds(scale: [WorkloadID: Double], index: PlacementIndex, rate: (Int) -> Double)
        -> (rows: [(Constraint, RowBound)], columns: [(Variable, lower: Double, upper: Double)])
    {
        var rows: [(Constraint, RowBound)] = []
        var columns: [(Variable, lower: Double, upper: Double)] = []
        for (p, point) in index.demandPoints.enumerated() {
            let tenant = index.study.tenants[point.tenant]
            let factor = scale[tenant.workload] ?? 1
            for k in 0..<index.slices {
                let position = p * index.slices + k
                guard let row = layout.demandRow[position] else { continue }
                let demand = rate(position) * factor
                rows.append((row, .equal(demand)))
                if let column = layout.unserved[position] {
                    columns.append((column, 0, (1 - tenant.committedShare) * demand))
                }
            }
        }
        return (rows, columns)
    }
}
