import LinearProgramming
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// The decomposition's master: cuts written in capacity columns, one term per fleet.
@Suite struct BendersMasterTests {
    /// A two-year study with one fleet (`near`, `gpu`) buildable in 2026 and 2027: in "lifetime"
    /// a unit lives one year, in "lifetime two years" a 2026 unit is still alive in 2027.
    func master(_ variant: String = "lifetime two years") throws -> BendersMaster {
        let index = try PlacementProgramBuilder(study: try TinyStudy.variant(variant).study()).makeIndex()
        return BendersMaster(index: index, valueBounds: Array(repeating: 1e9, count: index.blockCount))
    }

    @Test(arguments: [("lifetime", false), ("lifetime two years", true)])
    func capacityColumnsSumTheBuildsAliveEachYear(variant: String, firstUnitsLiveOn: Bool) throws {
        let master = try master(variant)
        let fleet = try #require(
            master.index.fleets.firstIndex { master.index.study.facilities[$0.facility].id == "near" })
        let build2026 = try #require(master.build[fleet][0])
        let build2027 = try #require(master.build[fleet][1])
        for (y, builds) in [(0, [build2026]), (1, firstUnitsLiveOn ? [build2026, build2027] : [build2027])] {
            let capacity = try #require(master.capacity[fleet][y])
            let row = try #require(
                master.model.constraints.first { master.model.name(of: $0) == "alive[near,gpu,\(2026 + y)]" })
            #expect(master.model.bound(of: row) == .equal(0))
            let terms = Dictionary(uniqueKeysWithValues: master.model.terms(of: row).map { ($0.0.index, $0.1) })
            #expect(
                terms == Dictionary(uniqueKeysWithValues: [(capacity.index, 1.0)] + builds.map { ($0.index, -1.0) }))
        }
    }

    /// `theta[2027] <= value + dual * (cap(build) - installed)`: the dual's term sits on the
    /// 2027 capacity column (scaled by the block's units), the installed units (built, not
    /// existing) move to the right-hand side, and a dual below the noise adds no term.
    @Test func aCutHasOneTermPerFleetWithADual() throws {
        let master = try master()
        let index = master.index
        let block = index.block(year: 1, scenario: 0)
        var duals = Array(repeating: 0.0, count: index.fleets.count)
        duals[0] = 2.5
        let cut = master.cut(block: block, value: 100, capacityDuals: duals, installed: duals.map { _ in 4 })
        let capacity = try #require(master.capacity[0][1])
        #expect(cut.block == block && cut.theta == master.theta[block])
        #expect(cut.terms.count == 1)
        #expect(cut.terms[0].0 == capacity)
        expectClose(cut.terms[0].1, -2.5 * index.buildUnitSize)
        expectClose(cut.rhs, 100 - 2.5 * 4)
        let row = cut.constraint(name: "cut")
        #expect(row.terms.first?.0 == master.theta[block] && row.terms.first?.1 == 1)
        #expect(row.bound == .lessOrEqual(cut.rhs))
        let quiet = master.cut(
            block: block, value: 100, capacityDuals: duals.map { _ in BendersMaster.dualNoise / 2 },
            installed: duals.map { _ in 4 })
        #expect(quiet.terms.isEmpty)
        #expect(quiet.rhs == 100)
    }
}
