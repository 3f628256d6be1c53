import BenchmarkModels
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

/// Dispatch blocks solved slice by slice (``PlanningOptions/blockSplitThreshold``), kept resident
/// or not (``PlanningOptions/residentNonzeroLimit``): the same plan and figures as whole blocks, and
/// a joined program that starts at its parts' optimum.
@Suite struct BlockSplittingTests {
    /// Six and four slices per block, no share rows: each block splits into its slices. The
    /// decomposed solve of split blocks agrees with the primal simplex on whole blocks (the
    /// previous pipeline) on the objective, the NPVs and every figure that must not depend on the
    /// method (to 1e-6, as ``DecompositionTests`` compares the methods).
    @Test(arguments: [
        SyntheticStudy.Parameters(facilities: 6, zones: 12, tenants: 8, years: 4, scenarios: 3, slices: 6, seed: 3),
        SyntheticStudy.Parameters(facilities: 4, zones: 8, tenants: 6, years: 3, scenarios: 2, slices: 4, seed: 5),
    ])
    func splitBlocksGiveTheWholeBlocksFigures(_ parameters: SyntheticStudy.Parameters) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = try StudyLoader().loadStudy(at: SyntheticStudy(parameters).write(to: directory).path).study
        let reference = try TestPlanning.run(study, method: .primal, splitThreshold: .max)
        let split = try TestPlanning.run(study, method: .decomposed, threads: 2, splitThreshold: 0)
        // Seed 5's optimal builds are tied: only the objective is unique there.
        let buildsUnique = parameters.seed != 5
        try DecompositionTests.expectAgreement(split, reference, buildsUnique: buildsUnique)
        // Split blocks hold one value row per slice instead of one per block, and no write-off columns.
        let blocks = parameters.years * parameters.scenarios
        #expect(split.blocksSize.rows == reference.blocksSize.rows + blocks * (parameters.slices - 1))
        #expect(split.blocksSize.columns < reference.blocksSize.columns)
        // Not kept resident: each solve rebuilds its part and starts from the stored basis.
        // (Whole blocks so, with share rows: DecompositionTests.tinyStudiesAgreeWithoutResidentBlocks.)
        let rebuilt = try TestPlanning.run(study, method: .decomposed, threads: 2, splitThreshold: 0, residentLimit: 0)
        try DecompositionTests.expectAgreement(rebuilt, reference, buildsUnique: buildsUnique)
        #expect(rebuilt.blocksSize == split.blocksSize)
    }

    /// Category share rows sum a block's serve over its slices: such a block stays whole.
    @Test func shareRowsKeepABlockWhole() throws {
        let study = try TestPlanning.compactBundledStudy()
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        #expect(DispatchBlockBuilder(index: index).independentParts == [0..<2])
        let free = try TestPlanning.compactBundledStudy(maxCategoryShare: 1)
        let freeIndex = try PlacementProgramBuilder(study: free).makeIndex()
        #expect(DispatchBlockBuilder(index: freeIndex).independentParts == [0..<1, 1..<2])
    }

    /// Each slice's program solved alone, then the block's program with both slices and one value
    /// row, started from the two optimal bases side by side: optimal at once, at the sum of the
    /// slices' values.
    @Test func theJoinedProgramStartsAtItsPartsOptimum() throws {
        let study = try TestPlanning.compactBundledStudy(maxCategoryShare: 1)
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        let builder = DispatchBlockBuilder(index: index)
        let installed = index.fleets.indices.map { Double(1_000 * ($0 % 3)) }
        func withCapacity(_ program: DispatchBlockProgram) -> LinearProgram {
            var model = program.model
            for (row, bound) in program.capacityBounds(installed: installed) { model.setBound(row, bound) }
            return model
        }
        var bases: [Basis] = []
        var total = 0.0
        for k in 0..<2 {
            let part = builder.build(year: 1, scenario: 2, parts: [k..<k + 1], retire: false)
            #expect(!part.hasRetire)
            #expect(part.slices == k..<k + 1)
            let session = try GLPKSession(model: withCapacity(part))
            let solution = try session.solve()
            #expect(solution.termination == .optimal)
            total += try #require(solution.objectiveValue)
            bases.append(try #require(try session.basis()))
        }
        let joined = builder.build(year: 1, scenario: 2, parts: [0..<1, 1..<2], sharingValue: true)
        #expect(joined.sliceGroups.count == 2)
        #expect(joined.sliceGroups[0].valueRow == joined.sliceGroups[1].valueRow)
        let session = try GLPKSession(model: withCapacity(joined))
        let basis = joined.joiningBases(bases)
        #expect(basis.basicCount == joined.model.constraintCount)
        try session.setBasis(basis)
        let solution = try session.solve(using: .primal)
        #expect(solution.termination == .optimal)
        #expect(solution.statistics.iterations == 0)
        expectClose(solution.objectiveValue, total, relative: 1e-12)
        // The whole block solved cold agrees.
        let cold = try GLPKSolver().solve(withCapacity(builder.build(year: 1, scenario: 2)))
        expectClose(cold.objectiveValue, total, relative: 1e-9)
    }

    /// A block not kept resident solves all its slices in one session, on its first slice's
    /// program (``DispatchBlockProgram/demandBounds(scale:index:asSlice:rates:)``): set to slice 1's
    /// demand it reaches slice 1's own program's optimum, with the same capacity duals, and its
    /// basis is slice 1's.
    @Test func oneSlicesProgramStandsForAnother() throws {
        let study = try TestPlanning.compactBundledStudy(maxCategoryShare: 1)
        let index = try PlacementProgramBuilder(study: study).makeIndex()
        let builder = DispatchBlockBuilder(index: index)
        let rates = builder.demandRates(year: 1, scenario: 2)
        #expect(builder.slicesShareStructure(rates: rates))
        let installed = index.fleets.indices.map { Double(1_000 * ($0 % 3)) }
        let scale: [WorkloadID: Double] = [study.workloads[0].id: 0.5]
        let own = builder.build(year: 1, scenario: 2, parts: [1..<2], retire: false)
        let ownSolution = try GLPKSolver().solve(own.bounded(installed: installed, demandScale: scale, index: index))
        let first = builder.build(year: 1, scenario: 2, parts: [0..<1], retire: false)
        var standing = first.model
        for (row, bound) in first.capacityBounds(installed: installed) { standing.setBound(row, bound) }
        let demand = first.demandBounds(scale: scale, index: index, asSlice: 1, rates: rates)
        for (row, bound) in demand.rows { standing.setBound(row, bound) }
        for (column, lower, upper) in demand.columns { standing.setBounds(column, lower: lower, upper: upper) }
        let solution = try GLPKSolver().solve(standing)
        #expect(solution.termination == .optimal)
        expectClose(solution.objectiveValue, try #require(ownSolution.objectiveValue), relative: 1e-12)
        let duals = try #require(solution.dual)
        let ownDuals = try #require(ownSolution.dual)
        for fleet in index.fleets.indices {
            let row = first.layout.capacityRow[fleet * index.slices]
            let ownRow = own.layout.capacityRow[fleet * index.slices + 1]
            #expect((row == nil) == (ownRow == nil))
            if let row, let ownRow { expectClose(duals[row], ownDuals[ownRow], relative: 1e-9) }
        }
        #expect(first.model.constraintCount == own.model.constraintCount)
        #expect(first.model.nonzeroCount == own.model.nonzeroCount)
        // A point with demand in one slice only would give the slices different rows.
        var uneven = rates
        uneven[1] = 0
        #expect(!builder.slicesShareStructure(rates: uneven))
    }

    /// Shared sessions (no part resident) solve each block's slices in one fixed order whatever
    /// the thread count: 1 and 2 threads give byte-identical JSON.
    @Test func sharedSessionsGiveTheSameJSONOnOneAndTwoThreads() throws {
        let parameters = SyntheticStudy.Parameters(
            facilities: 4, zones: 8, tenants: 6, years: 3, scenarios: 2, slices: 4, seed: 5)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = try StudyLoader().loadStudy(at: SyntheticStudy(parameters).write(to: directory).path).study
        let reports = try [1, 2].map { threads in
            OptimizeReport(
                studyPath: "generated",
                result: try TestPlanning.run(
                    study, method: .decomposed, threads: threads, splitThreshold: 0, residentLimit: 0))
        }
        #expect(reports[0].result.investment.termination == .optimal)
        #expect(reports[0].json().serialized() == reports[1].json().serialized())
    }
}
