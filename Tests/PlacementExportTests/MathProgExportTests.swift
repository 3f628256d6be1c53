import Foundation
import PlacementExport
import PlacementModel
import PlacementOptimizer
import PlacementTestSupport
import Testing

/// `glpsol --math` solves the exported MathProg model to the tool's optimum (1e-6 relative)
/// and generates the tool's rows and columns, on every hand-derived study of `TinyStudy.catalogue`
/// and on the bundled study's data (in a compact form that keeps every row family; the whole
/// bundled study is translated, not solved).
@Suite struct MathProgExportTests {
    /// The hand-derived objective in USD of each variant of `TinyStudy.catalogue`
    /// (HandDerivedOptimaTests derives them).
    static let objectives: [String: Double] = [
        "base": 857_240, "latency filtered": 857_240, "latency": 866_000, "residency": 857_240,
        "residency anywhere": 866_000, "memory": 857_240, "memory no floor": 866_240, "time slices": 854_740,
        "power limit": 514_344, "budget": 600_068, "lifetime": 1_714_480, "lifetime two years": 1_724_480,
        "existing units": 1_727_480, "committed share": -799_656, "category share": 2_143_100,
        "category share 1": 4 * 857_240, "CVaR weight 0": 350_430, "CVaR weight 0.5": 283_620,
        "blocks": 855_240, "blocks tight": 685_792, "long zones": 857_240, "maximum ids": 857_240,
    ]

    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"), arguments: TinyStudy.catalogue.map(\.name))
    func tinyStudySolvesToTheToolsOptimum(_ name: String) throws {
        let expected = try #require(Self.objectives[name], "no hand-derived objective for \(name)")
        let trip = try #require(try MathProgRoundTrip.run(try TinyStudy.variant(name).study()))
        expectClose(trip.toolObjective / PlacementProgram.moneyScale, expected, relative: 1e-9)
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1, "glpsol counts the objective as a row")
        #expect(trip.glpsolColumns == trip.toolColumns)
    }

    /// A title (the study's path) cannot leave its comment: CR, LF, CRLF, a line or paragraph
    /// separator, quotes and `*/` stay inside `#` lines, and glpsol still solves the whole model.
    @Test(arguments: [
        "x\r\nparam pwn;\r\nend;\r\n#.yaml", "x\nend;\n", "x\rend;\r", "it's \"quoted\" */ end; /*",
        "x\u{2028}end;\u{0085}end;\u{0B}end;", "\u{1B}]0;PWNED\u{07}",
    ])
    func aHostileTitleStaysInsideItsComment(title: String) throws {
        let study = try TinyStudy.variant("base").study()
        let export = try MathProgExport(program: try PlacementProgramBuilder(study: study).build(), title: title)
        for text in [export.model, export.data] {
            let titleLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .filter { $0.contains("end;") || $0.contains("PWNED") || $0.contains("quoted") }
                .filter { $0 != "end;" }
            #expect(!titleLines.isEmpty && titleLines.allSatisfy { $0.hasPrefix("#") }, "\(titleLines)")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        }
        guard let trip = try MathProgRoundTrip.run(study, title: title) else { return }
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolColumns == trip.toolColumns)
    }

    /// Four zones with 30-character ids merge into one demand point whose label would pass
    /// MathProg's 100-character limit: the data names it by its first zone and a count.
    @Test func longMergedZoneLabelIsShortened() throws {
        let study = try TinyStudy.variant("long zones").study()
        let program = try PlacementProgramBuilder(study: study).build()
        let data = try MathProgExport(program: program, title: "long zones").data
        #expect(program.index.demandPoints.count == 1)
        let zones = (0..<4).map { TinyStudy.longZone($0).rawValue }.joined(separator: "+")
        #expect(data.contains("  # \(zones):\n  'stream' '\(TinyStudy.longZone(0))+3-more' 1"))
    }

    /// The bundled study's data in two years and two slices, with CVaR and category share rows
    /// (`TestPlanning.compactBundledStudy`): every row family, on real data, in seconds.
    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func compactBundledStudySolvesToTheToolsOptimum() throws {
        let study = try TestPlanning.compactBundledStudy()
        let program = try PlacementProgramBuilder(study: study).build()
        let families = Set(program.model.constraints.map { program.model.name(of: $0).prefix { $0 != "[" } })
        #expect(families.isSuperset(of: ["demand", "capacity", "power", "budget", "share", "cvar"]), "\(families)")
        let trip = try #require(try MathProgRoundTrip.run(study, glpsolOptions: ["--primal"]))
        expectClose(trip.glpsolObjective, trip.toolObjective, relative: 1e-6)
        #expect(trip.glpsolRows == trip.toolRows + 1)
        #expect(trip.glpsolColumns == trip.toolColumns)
    }

    /// The whole bundled study's export generates the tool's rows and columns (`glpsol --check`:
    /// the translation without the minute-long solve the compact study stands in for).
    @Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))
    func bundledStudyGeneratesTheToolsRowsAndColumns() throws {
        let size = try #require(try MathProgRoundTrip.generate(try TestPlanning.bundledStudy()))
        #expect(size.toolRows > 8_000)
        #expect(size.glpsolRows == size.toolRows + 1, "glpsol counts the objective as a row")
        #expect(size.glpsolColumns == size.toolColumns)
    }

    @Test func refusesAProgramOfSomeScenarios() throws {
        var tiny = TinyStudy()
        tiny.scenarios = [Scenario(id: "base", probability: 0.5), Scenario(id: "low", probability: 0.5)]
        let options = ProgramOptions(scenarios: ["low"])
        let program = try PlacementProgramBuilder(study: try tiny.study(), options: options).build()
        let error = #expect(throws: MathProgExport.ExportError.self) {
            try MathProgExport(program: program, title: "subset")
        }
        #expect(
            error?.description == "only the program of all of a study's scenarios can be written as MathProg "
                + "(this one selects some)")
    }
}
