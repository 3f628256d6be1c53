import Foundation
import PlacementLoader
import PlacementModel
import PlacementRisk
import PlacementTestSupport
import Testing

/// The bundled study's paths written as a scenarios file, loaded back by a study that names it.
@Suite("Samples file of the bundled study")
struct SamplesFileTests {
    static let count = 200

    @Test("the sample file loads with StudyLoader, validates and holds the drawn multipliers")
    func loadsAndValidates() throws {
        let study = try TestPlanning.bundledStudy()
        let sampler = try PathSampler(study: study)
        let paths = sampler.paths(count: Self.count, seed: 2026)
        let file = SamplesFile(study: study, sampler: sampler, paths: paths, count: Self.count, seed: 2026)
        #expect(file.clampedValues == 0)

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("placement-samples-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Models", "Regions"] {
            try FileManager.default.copyItem(
                at: TestPlanning.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let studyFile = root.appendingPathComponent("Models/baseline.yaml")
        let text = try String(contentsOf: studyFile, encoding: .utf8)
        try #require(text.contains("scenarios: scenarios.yaml"))
        try text.replacingOccurrences(of: "scenarios: scenarios.yaml", with: "scenarios: paths.yaml")
            .write(to: studyFile, atomically: true, encoding: .utf8)
        try file.text.write(to: root.appendingPathComponent("Models/paths.yaml"), atomically: true, encoding: .utf8)

        let loaded = try StudyLoader().loadStudy(at: studyFile.path)
        #expect(loaded.warnings.isEmpty)
        let read = loaded.study
        #expect(read.uncertainty == nil)
        #expect(read.scenarios.count == Self.count)
        #expect(read.scenarios.first?.id == "path-00001" && read.scenarios.last?.id == "path-00200")
        #expect(read.scenarios.allSatisfy { $0.probability == 1 / Double(Self.count) })
        #expect(read.stress.shock == study.stress.shock && read.stress.reference == "path-00001")
        for (path, scenario) in zip(paths, read.scenarios) {
            for (j, factor) in sampler.model.factors.enumerated() {
                for (yearIndex, year) in study.horizon.years.enumerated() {
                    let written: Double
                    switch factor.kind {
                    case .demand: written = scenario.demandMultiplier(for: WorkloadID(factor.target), in: year)
                    case .efficiency: written = scenario.efficiencyMultiplier(for: WorkloadID(factor.target), in: year)
                    case .price: written = scenario.priceMultiplier(for: WorkloadID(factor.target), in: year)
                    case .electricity: written = scenario.electricityMultiplier(for: RegionID(factor.target), in: year)
                    }
                    let drawn = path.multipliers[j][yearIndex]
                    #expect(abs(written - drawn) <= 5e-6 * drawn, "\(scenario.id) \(factor.name) \(year)")
                }
            }
        }
    }

    @Test("a reference scenario's multipliers that are not factors are copied to every path")
    func referenceCopied() throws {
        var study = try TestPlanning.bundledStudy()
        let model = UncertaintyModel(
            reference: "demand-spiral",
            factors: [UncertaintyFactor(kind: .demand, target: "video", drift: 0, volatility: 0.1)])
        study = try Study(
            regions: study.regions, hardware: study.hardware, workloads: study.workloads, tenants: study.tenants,
            scenarios: study.scenarios, stress: study.stress, horizon: study.horizon, discountRate: study.discountRate,
            uncertainty: model)
        let sampler = try PathSampler(study: study)
        let file = SamplesFile(
            study: study, sampler: sampler, paths: sampler.paths(count: 2, seed: 1), count: 2, seed: 1)
        // demand-spiral's reasoning demand and Southeast Asia's tariff, as the file writes them.
        #expect(file.text.components(separatedBy: "reasoning: {2027: 1.5, 2028: 2, 2029: 2.6, 2030: 3.2}").count == 3)
        #expect(file.text.components(separatedBy: "southeast-asia: {2028: 1.2}").count == 3)
        #expect(!file.text.contains("\nuncertainty:"))
    }
}
