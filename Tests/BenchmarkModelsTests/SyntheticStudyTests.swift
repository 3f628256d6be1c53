import BenchmarkModels
import Foundation
import PlacementLoader
import PlacementModel
import Testing

/// The synthetic studies of the benchmarks: every named set loads with the tool's loader at
/// the size its parameters say, the same parameters give the same bytes, and parameters out
/// of range are refused by name.
@Suite struct SyntheticStudyTests {
    /// Writes `parameters`' study into a fresh folder and loads it.
    private func load(_ parameters: SyntheticStudy.Parameters) throws -> LoadedStudy {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("synthetic-study-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let studyFile = try SyntheticStudy(parameters).write(to: directory)
        return try StudyLoader().loadStudy(at: studyFile.path)
    }

    @Test(arguments: SyntheticStudy.Parameters.catalogue.map(\.name))
    func namedSetLoadsAtItsSize(name: String) throws {
        let parameters = try #require(SyntheticStudy.Parameters.named[name])
        let study = try load(parameters).study
        #expect(study.facilities.count == parameters.facilities)
        #expect(study.zones.count == parameters.zones)
        #expect(study.tenants.count == parameters.tenants)
        #expect(study.scenarios.count == parameters.scenarios)
        #expect(study.timeSlices == parameters.slices)
        #expect(study.horizon.start == parameters.startYear)
        #expect(study.horizon.years.count == parameters.years)
        let probability = study.scenarios.reduce(0.0) { $0 + $1.probability }
        #expect(probability == 1, "probabilities are k / 2^n and sum exactly to 1")
    }

    /// Issue 9's study no monolithic solve can touch: 24 hourly slices, 2026-2035, 12
    /// scenarios, 40 facilities, 80 zones.
    @Test func hourlyDecadeIsIssueNinesStudy() {
        let p = SyntheticStudy.Parameters.hourlyDecade
        #expect([p.slices, p.scenarios, p.facilities, p.zones] as [Int] == [24, 12, 40, 80])
        #expect((try? SyntheticStudy(p))?.years == 2026...2035)
    }

    @Test func reportStudyHasFortyFacilitiesWithMarkupInTheirNames() throws {
        let study = try load(.reportForty).study
        #expect(study.regions.count == 1)
        let seventh = try #require(study.facilities.first { $0.id.rawValue == "campus-07-long-facility-name" })
        #expect(seventh.name == "Site 7 <A&B> \"quoted\"")
        #expect(study.regions[0].name == "Synthetic & <Region> 1")
    }

    @Test func horizonCanStartInAnyYear() throws {
        var parameters = SyntheticStudy.Parameters.standard
        parameters.startYear = 2030
        parameters.years = 3
        let study = try load(parameters).study
        #expect(study.horizon.start == 2030)
        #expect(study.horizon.end == 2032)
    }

    @Test func sameParametersGiveTheSameBytes() throws {
        let first = try SyntheticStudy(.standard).files()
        let second = try SyntheticStudy(.standard).files()
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.text) == second.map(\.text))
        var reseeded = SyntheticStudy.Parameters.standard
        reseeded.seed = 2
        #expect(try SyntheticStudy(reseeded).files().map(\.text) != first.map(\.text))
    }

    @Test func argumentsAreTheGenerateStudyFlags() throws {
        #expect(
            SyntheticStudy.Parameters.million.arguments.joined(separator: " ")
                == "--facilities 24 --zones 48 --tenants 45 --years 5 --scenarios 4 --slices 6 --seed 1")
        #expect(SyntheticStudy.Parameters.reportForty.arguments.suffix(3) == ["--regions", "1", "--hostile-names"])
        // Written into every file's header, so a study says how to make it again.
        let study = try SyntheticStudy(.million).files()
        #expect(study[0].text.contains("# Synthetic data written by: placement-bench generate-study --facilities 24 "))
    }

    @Test(arguments: [
        (SyntheticStudy.Parameters(slices: 5), "slices must divide 24, got 5"),
        (SyntheticStudy.Parameters(facilities: 0), "facilities must be at least 1, got 0"),
        (SyntheticStudy.Parameters(years: 101), "years must be at most 100, got 101"),
        (SyntheticStudy.Parameters(regions: 13), "regions must be between 1 and min(zones, facilities) = 12, got 13"),
        (SyntheticStudy.Parameters(startYear: 1999), "start must be a year in 2000...2200, got 1999"),
    ])
    func outOfRangeParameterIsNamed(parameters: SyntheticStudy.Parameters, message: String) {
        #expect {
            _ = try SyntheticStudy(parameters)
        } throws: { error in
            (error as? SyntheticStudy.InvalidParameter)?.description == message
        }
    }
}
