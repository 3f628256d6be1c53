import LinearProgramming
import PlacementModel

/// One (year, scenario) dispatch block as an LP of its own: capacity is a right-hand side, so
/// the block can be re-solved for any builds. It serves the decomposed solve (a Benders
/// subproblem), the canonical dispatch and the stranded write-off (docs/design.md §4,
/// revision 2), all by changing numbers in one solver session:
///
/// - **value** stage: maximise the block's value (the objective the investment LP gives it);
/// - **canonical** stage: hold the value (``valueRow`` at least the optimum less ``valueTolerance`` of it)
///   and maximise busy accelerators;
/// - **write-off** stage: hold the value, let `retire[q]` in `[0, cap_q]` share the capacity rows,
///   and maximise the book value retired.
///
/// ```swift
/// let block = try DispatchBlockBuilder(index: index).build(year: 0, scenario: 0)
/// var lp = block.model
/// for (row, bound) in block.capacityBounds(installed: capacity) { lp.setBound(row, bound) }
/// ```
public struct DispatchBlockProgram: Sendable {
    /// Relative loss of block value the canonical and write-off stages may accept (docs/design.md §4, revision 2).
    public static let valueTolerance = 1e-9
    /// The hold used when a block's value optimum is only as exact as the simplex's primal feasibility
    /// tolerance (GLPK's 1e-7 relative), so that holding it to 1e-9 is infeasible.
    public static let solverTolerance = 1e-7

    public var model: LinearProgram
    public let layout: DispatchBlockLayout
    /// `retire[fleet]`: units written off (write-off stage), fixed at 0 otherwise; nil for fleets
    /// with no capacity row in the block.
    public let retire: [Variable?]
    /// The block's value as a row (free until a stage holds it).
    public let valueRow: Constraint
    /// Every column, for replacing the whole objective.
    public let columns: [Variable]

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

    /// The value row held at `value` less the tolerance (for the canonical and write-off stages).
    public func valueHeld(at value: Double, tolerance: Double = valueTolerance) -> (Constraint, RowBound) {
        (valueRow, .greaterOrEqual(value - tolerance * abs(value)))
    }

    /// The value row released (value stage).
    public var valueReleased: (Constraint, RowBound) { (valueRow, .free) }

    /// Bounds of the retire columns: `[0, installed]` in the write-off stage, else `[0, 0]`.
    public func retireBounds(installed: [Double]?) -> [(Variable, lower: Double, upper: Double)] {
        retire.enumerated().compactMap { fleet, column in
            column.map { ($0, 0, installed.map { max(0, $0[fleet]) } ?? 0) }
        }
    }

    /// Demand rows and unserved bounds with each workload's demand times `scale` (1 when absent).
    public func demandBounds(scale: [WorkloadID: Double], index: PlacementIndex)
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
                let demand = layout.demandRate[position] * factor
                rows.append((row, .equal(demand)))
                if let column = layout.unserved[position] {
                    columns.append((column, 0, (1 - tenant.committedShare) * demand))
                }
            }
        }
        return (rows, columns)
    }
}

/// Builds ``DispatchBlockProgram``s of a study.
///
/// ```swift
/// let index = try PlacementProgramBuilder(study: study).makeIndex()
/// let blocks = try (0..<index.blockCount).map { try DispatchBlockBuilder(index: index).build(block: $0) }
/// ```
public struct DispatchBlockBuilder: Sendable {
    public let index: PlacementIndex
    /// Whether rows and columns carry names (`serve[...]`, `capacity[...]`, as in the whole LP).
    /// Unnamed blocks take about a third less memory; the decomposed solve builds them so.
    public let named: Bool

    public init(index: PlacementIndex, named: Bool = true) {
        self.index = index
        self.named = named
    }

    public func build(block: Int) -> DispatchBlockProgram {
        build(year: block / index.scenarios.count, scenario: block % index.scenarios.count)
    }

    /// Block (y, s) with zero capacity; set it with ``DispatchBlockProgram/capacityBounds(installed:)``.
    public func build(year y: Int, scenario s: Int) -> DispatchBlockProgram {
        var writer = DispatchBlockWriter(index: index, economics: Economics(study: index.study))
        writer.named = named
        let year = index.years[y]
        let scenario = index.scenarios[s]
        var lp = LinearProgram(name: "dispatch[\(year),\(scenario.id)]", sense: .maximize)
        var (layout, capacityTerms) = writer.appendDemand(to: &lp, year: y, scenario: s, objectiveWeight: 1)
        let slices = index.slices
        let retire: [Variable?] = index.fleets.enumerated().map { fleet, entry in
            guard (0..<slices).contains(where: { !capacityTerms[fleet * slices + $0].isEmpty }) else { return nil }
            let facility = index.study.facilities[entry.facility]
            let hardware = index.study.hardware[entry.hardware]
            return lp.addVariable(
                name: writer.label("retire[\(facility.id),\(hardware.id),\(year),\(scenario.id)]"), lower: 0, upper: 0)
        }
        writer.appendCapacityRows(to: &lp, layout: &layout, capacityTerms: capacityTerms) { fleet in
            (retire[fleet].map { [($0, 1.0)] } ?? [], 0)
        }
        writer.appendShareRows(to: &lp, layout: layout)
        let valueRow = lp.addConstraint(
            name: writer.label("value[\(year),\(scenario.id)]"), terms: layout.valueTerms, .free)
        return DispatchBlockProgram(
            model: lp, layout: layout, retire: retire, valueRow: valueRow, columns: lp.variables)
    }
}
