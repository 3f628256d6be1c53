import LinearProgramming
import PlacementModel

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

    /// The groups of slices no row ties together: every slice alone, unless category share rows
    /// (`max_category_share` below 1) sum a block's serve over all its slices.
    public var independentParts: [Range<Int>] {
        index.study.policy.maxCategoryShare < 1 ? [0..<index.slices] : (0..<index.slices).map { $0..<$0 + 1 }
    }

    /// Every demand point's rate in every slice of block (y, s), at `p * slices + k`, before
    /// stress scaling: what a program of one slice needs to stand for the block's other slices.
    public func demandRates(year y: Int, scenario s: Int) -> [Double] {
        let writer = DispatchBlockWriter(index: index, economics: Economics(study: index.study))
        return index.demandPoints.indices.flatMap { p in
            (0..<index.slices).map { writer.demandRate(point: p, slice: $0, year: y, scenario: s) }
        }
    }

    /// Whether every slice of a block with these rates (``demandRates(year:scenario:)``) has the
    /// same rows and columns: a slice's program only lacks the rows and columns of demand points
    /// without demand in it, so the slices agree when each point has demand in all or in none.
    public func slicesShareStructure(rates: [Double]) -> Bool {
        let slices = index.slices
        return index.demandPoints.indices.allSatisfy { p in
            let first = rates[p * slices] > 0
            return (1..<slices).allSatisfy { (rates[p * slices + $0] > 0) == first }
        }
    }

    public func build(block: Int) -> DispatchBlockProgram {
        build(year: index.position(ofBlock: block).year, scenario: index.position(ofBlock: block).scenario)
    }

    /// One part of block `block`: the slices `slices`, with a value row of their own and no
    /// write-off columns (a block split by slice, ``independentParts``).
    public func build(block: Int, slices: Range<Int>) -> DispatchBlockProgram {
        build(
            year: index.position(ofBlock: block).year, scenario: index.position(ofBlock: block).scenario,
            parts: [slices],
            retire: false)
    }

    /// Block (y, s) with zero capacity; set it with ``DispatchBlockProgram/capacityBounds(installed:)``.
    ///
    /// - Parameters:
    ///   - y: the year's position in the index.
    ///   - s: the scenario's position in the index.
    ///   - groups: the groups of slices the program holds, each with its own value row (default:
    ///     the whole block as one part). Rows and columns come part by part: all parts' columns
    ///     and demand rows, then the write-off columns, all parts' capacity rows, the share rows
    ///     and the value rows. A group that is not one of ``independentParts`` (or a union of
    ///     them) gets a value row of its own all the same, which only the caller can make sense of.
    ///   - withRetire: whether the program has write-off columns (fixed at 0 until the write-off stage).
    ///   - sharingValue: whether the parts share one value row, the block's (its last row), instead
    ///     of one each.
    /// - Returns: the program, its capacity rows at zero and its value rows free.
    public func build(
        year y: Int, scenario s: Int, parts groups: [Range<Int>]? = nil, retire withRetire: Bool = true,
        sharingValue: Bool = false
    ) -> DispatchBlockProgram {
        var writer = DispatchBlockWriter(index: index, economics: Economics(study: index.study))
        writer.named = named
        let year = index.years[y]
        let scenario = index.scenarios[s]
        let slices = index.slices
        let groups = groups ?? [0..<slices]
        var lp = LinearProgram(name: "dispatch[\(year),\(scenario.id)]", sense: .maximize)
        var layout = DispatchBlockLayout(year: y, scenario: s, positions: index.demandPoints.count * slices)
        var capacityTerms = Array(repeating: [(Variable, Double)](), count: index.fleets.count * slices)
        var columns: [Range<Int>] = []
        var demandRows: [Range<Int>] = []
        var valueTerms: [[(Variable, Double)]] = []
        for group in groups {
            let (firstColumn, firstRow, firstTerm) = (lp.variableCount, lp.constraintCount, layout.valueTerms.count)
            writer.appendDemand(
                to: &lp, layout: &layout, capacityTerms: &capacityTerms, slices: group, objectiveWeight: 1)
            columns.append(firstColumn..<lp.variableCount)
            demandRows.append(firstRow..<lp.constraintCount)
            valueTerms.append(Array(layout.valueTerms[firstTerm...]))
        }
        let retire: [Variable?] = index.fleets.enumerated().map { fleet, entry in
            guard withRetire, (0..<slices).contains(where: { !capacityTerms[fleet * slices + $0].isEmpty }) else {
                return nil
            }
            let facility = index.study.facilities[entry.facility]
            let hardware = index.study.hardware[entry.hardware]
            return lp.addVariable(
                name: writer.label("retire[\(facility.id),\(hardware.id),\(year),\(scenario.id)]"), lower: 0, upper: 0)
        }
        var capacityRows: [Range<Int>] = []
        for group in groups {
            let first = lp.constraintCount
            writer.appendCapacityRows(to: &lp, layout: &layout, capacityTerms: capacityTerms, slices: group) { fleet in
                (retire[fleet].map { [($0, 1.0)] } ?? [], 0)
            }
            capacityRows.append(first..<lp.constraintCount)
        }
        writer.appendShareRows(to: &lp, layout: layout)
        var sliceGroups: [DispatchBlockProgram.SliceGroup] = []
        let shared =
            sharingValue
            ? lp.addConstraint(
                name: writer.label("value[\(year),\(scenario.id)]"), terms: valueTerms.flatMap { $0 }, .free) : nil
        for (n, group) in groups.enumerated() {
            let suffix = groups.count == 1 ? "" : ",\(group.lowerBound)"
            let valueRow =
                shared
                ?? lp.addConstraint(
                    name: writer.label("value[\(year),\(scenario.id)\(suffix)]"), terms: valueTerms[n], .free)
            sliceGroups.append(
                DispatchBlockProgram.SliceGroup(
                    slices: group, columns: columns[n], demandRows: demandRows[n], capacityRows: capacityRows[n],
                    valueRow: valueRow))
        }
        return DispatchBlockProgram(
            model: lp, layout: layout, retire: retire, sliceGroups: sliceGroups, columns: lp.variables)
    }
}
