import PlacementModel
import Testing

/// Study assembly, lookups and the helpers the optimizer uses.
@Suite("Study")
struct StudyTests {
    @Test func derivedValuesFollowTheDesign() throws {
        let study = try SampleStudy.make()
        let campus = try #require(study.facility("abu-dhabi-campus"))
        let h200 = try #require(study.hardware("gpu-h200"))
        #expect(study.stress == StressSettings(shock: 0.7, reference: "base"))
        #expect(study.referenceScenario.id == "base")
        // Existing units are installed in 2025 and retire when y - 2025 >= 5.
        #expect(study.existingUnitsAlive(facility: campus, hardware: h200, in: 2029) == 100)
        #expect(study.existingUnitsAlive(facility: campus, hardware: h200, in: 2030) == 0)
        #expect(abs(study.existingPowerMW(facility: campus, in: 2026) - 0.12) < 1e-12)
        #expect(campus.unitCapexUSD(of: h200) == 35_000 + 1.2 / 1000 * 9.2e6)
        // Dubai is UTC+4; the profile is night 0.5, day 1.5; 6 slices of 4 UTC hours.
        #expect(study.profileFactors(workload: "video", zone: "dubai") == [0.5, 0.5, 1.5, 1.5, 1.5, 0.5])
        let tenant = try #require(study.tenant("studio"))
        #expect(study.isArc(tenant: tenant, zone: study.zone("dubai")!, facility: campus, hardware: h200))
    }

    @Test func rejectsDuplicateIdsAndDanglingReferences() throws {
        let study = try SampleStudy.make()
        #expect(throws: StudyError("duplicate scenario id 'base'")) {
            try Study(
                regions: study.regions, hardware: study.hardware, workloads: study.workloads, tenants: [],
                scenarios: [study.scenarios[0], study.scenarios[0]], horizon: study.horizon, discountRate: 0)
        }
        #expect(throws: StudyError("tenant 'studio' names unknown workload 'video'")) {
            try Study(
                regions: study.regions, hardware: study.hardware, workloads: [], tenants: study.tenants,
                scenarios: study.scenarios, horizon: study.horizon, discountRate: 0)
        }
        #expect(throws: StudyError("a study needs a scenario")) {
            try Study(
                regions: [], hardware: [], workloads: [], tenants: [], scenarios: [],
                horizon: study.horizon, discountRate: 0)
        }
    }

    @Test func identifiersAndSuggestions() {
        #expect(IdentifierSyntax.isWellFormed("gpu-h200"))
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b"] {
            #expect(!IdentifierSyntax.isWellFormed(bad), "\(bad)")
        }
        #expect(Suggestions.editDistance("pue", "peu") == 1)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(
            Suggestions.closest(to: "electricty_usd_per_mwh", among: ["pue", "electricity_usd_per_mwh"])
                == ["electricity_usd_per_mwh"])
        #expect(Suggestions.hint(for: "zzz", among: ["a", "b"]) == "known values: 'a', 'b'")
        #expect(Suggestions.didYouMean(["a", "b", "c"]) == "did you mean 'a', 'b' or 'c'?")
        #expect(NumberRule.divisorOf24.violation(of: 5) != nil && NumberRule.divisorOf24.violation(of: 8) == nil)
        #expect(NumberRule.pue.violation(of: .nan) == "must be a finite number")
        #expect(NumberRule.pue.violation(of: 0.9) == "must be at least 1")
        #expect(NumberRule.pue.violation(of: 11) == "must be at most 10")
        #expect(NumberRule.powerKW.violation(of: 1e-300) == "must be at least 0.001")
        #expect(NumberRule.lifetimeYears.violation(of: 1e9) == "must be a whole number from 1 to 100")
        #expect(NumberRule.annualUnits.violation(of: 1e19) == "must be at most 1e18")
        #expect(NumberRule.dailyProfileEntry.violation(of: -1) == "must be at least 0.001")
    }
}
