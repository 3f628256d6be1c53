import LinearProgramming
import PlacementModel

/// Where one (year, scenario) dispatch block sits inside a linear program: its serve, unserved
/// and shortfall columns, its demand and capacity rows, and the terms of its value.
///
/// The investment LP holds every block side by side (tied by the build columns in the capacity
/// rows); a ``DispatchBlockProgram`` holds one block alone, with capacity as right-hand sides.
/// The layout is the same in both, so one reader serves both.
///
/// ```swift
/// let layout = program.blocks[index.block(year: 0, scenario: 0)]
/// let row = layout.capacityRow[fleet * index.slices + slice]   // nil where no serve column uses it
/// ```
public struct DispatchBlockLayout: Sendable {
    /// Year position in `PlacementIndex.years`.
    public let year: Int
    /// Scenario position in `PlacementIndex.scenarios`.
    public let scenario: Int
    /// Per (demand point, slice) at `point * slices + slice`: the first serve column; the
    /// point's arcs with possible capacity that year follow in order. A program that holds only
    /// some of the block's slices leaves the others' positions empty (no rows, rate 0).
    public internal(set) var serveStart: [Int] = []
    public internal(set) var unserved: [Variable?] = []
    public internal(set) var shortfall: [Variable?] = []
    public internal(set) var demandRow: [Constraint?] = []
    /// Demand rate (units/hour) before any stress scaling, per (point, slice).
    public internal(set) var demandRate: [Double] = []
    /// Per (fleet, slice) at `fleet * slices + slice`.
    public internal(set) var capacityRow: [Constraint?] = []
    /// The block's value in scaled money (discounted margins of serve, penalties of shortfall).
    public internal(set) var valueTerms: [(Variable, Double)] = []
    /// Busy accelerators per unit of each serve column (`1 / effective throughput`), for the
    /// canonical stage's objective.
    public internal(set) var busyTerms: [(Variable, Double)] = []

    /// An empty layout of `positions` (demand point, slice) pairs: no rows or columns yet.
    init(year: Int, scenario: Int, positions: Int) {
        self.year = year
        self.scenario = scenario
        serveStart = Array(repeating: 0, count: positions)
        unserved = Array(repeating: nil, count: positions)
        shortfall = Array(repeating: nil, count: positions)
        demandRow = Array(repeating: nil, count: positions)
        demandRate = Array(repeating: 0, count: positions)
    }

    /// Calls `body(arc, column)` for each serve column of a demand point in a slice, in column order.
    public func forEachServe(
        point: Int, slice: Int, index: PlacementIndex,
        _ body: (PlacementIndex.Arc, Variable) -> Void
    ) {
        let position = point * index.slices + slice
        guard demandRow[position] != nil else { return }
        var column = serveStart[position]
        for arc in index.demandPoints[point].arcs where index.capacityPossible[arc.fleet][year] {
            body(arc, Variable(index: column))
            column += 1
        }
    }
}
