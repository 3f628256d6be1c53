import Foundation
import PlacementTestSupport
import Testing

/// `placement value` on the sweep tests' study made adaptive: the JSON names every figure, the
/// differences are those of the figures, and the figures are ordered; `--format xlsx` holds the same figures.
@Suite struct ValueCommandTests {
    let cli: CommandLineRun

    init() throws { cli = try CommandLineRun() }

    @Test func jsonFiguresAreConsistent() throws {
        defer { cli.remove() }
        try cli.makeStudyAdaptive()
        let run = try cli.run(["value", CommandLineRun.study, "--format", "json"])
        try #require(run.status == 0, "\(run.error)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "sovereign-placement.value/1")
        #expect(root["decisions"] as? String == "adaptive")
        let rp = try #require(root["rp_usd"] as? [String: Double])
        let (hereAndNow, adaptive) = (try #require(rp["here-and-now"]), try #require(rp["adaptive"]))
        let ws = try #require(root["ws_usd"] as? Double)
        let eev = try #require(root["eev_usd"] as? Double)
        // To the printed digits of the figures (differences of large numbers).
        func close(_ key: String, _ expected: Double) -> Bool {
            abs((root[key] as? Double ?? .nan) - expected) <= 1e-12 * max(1, abs(ws))
        }
        #expect(close("evpi_usd", ws - adaptive))
        #expect(close("vss_usd", adaptive - eev))
        #expect(close("value_of_adaptivity_usd", adaptive - hereAndNow))
        let slack = 1e-6 * abs(ws)
        #expect(ws >= adaptive - slack && adaptive >= hereAndNow - slack && hereAndNow >= eev - slack)
        let meanings = try #require(root["meaning"] as? [String: String])
        #expect(meanings.count == 7 && meanings.values.allSatisfy { !$0.isEmpty })
    }

    /// The CSV carries every figure of the JSON, EV included (it was left out).
    @Test func csvHasEveryFigureOfTheJSON() throws {
        defer { cli.remove() }
        let json = try cli.run(["value", CommandLineRun.study, "--format", "json"])
        let csv = try cli.run(["value", CommandLineRun.study, "--format", "csv"])
        try #require(json.status == 0 && csv.status == 0, "\(json.error)\(csv.error)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rp = try #require(root["rp_usd"] as? [String: Double])
        var expected = ["rp_here_and_now_usd": rp["here-and-now"], "rp_adaptive_usd": rp["adaptive"]]
        for key in ["ws_usd", "ev_usd", "eev_usd", "evpi_usd", "vss_usd", "value_of_adaptivity_usd"] {
            expected[key] = root[key] as? Double
        }
        let lines = csv.output.split(separator: "\n").dropFirst()
        #expect(lines.count == expected.count)
        for line in lines {
            let cells = line.split(separator: ",", maxSplits: 2)
            let key = String(cells[0])
            // Foundation's JSON reader on Linux can be an ulp off: compare to 1e-12.
            let value = try #require(Double(cells[1]))
            let want = try #require(expected[key] ?? nil, "\(key)")
            #expect(abs(value - want) <= 1e-12 * max(1, abs(want)), "\(key): \(value) against \(want)")
        }
    }

    /// The sweep study's scenarios: `efficiency-shock` sets gulf electricity in 2026, so it parts
    /// from the others for the 2027 builds; `video-boom` raises video demand from 2027, so it parts
    /// from `base` for the 2028 builds.
    @Test func validatePrintsTheTree() throws {
        defer { cli.remove() }
        try cli.makeStudyAdaptive()
        let run = try cli.run(["validate", CommandLineRun.study])
        try #require(run.status == 0, "\(run.error)")
        let expected = [
            "  decisions: adaptive; scenario tree (year, node: scenarios):",
            "    2026  node 0: {base, video-boom, efficiency-shock}",
            "    2027  node 0: {base, video-boom}",
            "    2027  node 1: {efficiency-shock}",
            "    2028  node 0: {base}",
            "    2028  node 1: {video-boom}",
            "    2028  node 2: {efficiency-shock}",
        ]
        #expect(run.output.contains(expected.joined(separator: "\n") + "\n"), "\(run.output)")
    }

    /// The workbook holds the JSON's figures to the last digit, as numbers, in the order of the
    /// table, with their meanings as text and one column chart.
    @Test func workbookHoldsTheJSONFigures() throws {
        defer { cli.remove() }
        let json = try cli.run(["value", CommandLineRun.study, "--format", "json", "-o", "value.json"])
        try #require(json.status == 0, "\(json.error)")
        let run = try cli.run(["value", CommandLineRun.study, "--format", "xlsx", "-o", "value.xlsx"])
        try #require(run.status == 0, "\(run.error)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.read("value.json").utf8)) as? [String: Any])
        let rp = try #require(root["rp_usd"] as? [String: Any])
        let book = try XLSXPackage(path: cli.path("value.xlsx"))
        #expect(book.sheetNames == ["Summary", "Figures"])
        let rows = try book.rows(of: "Figures")
        let keys = [
            "rp_here_and_now_usd", "rp_adaptive_usd", "ws_usd", "eev_usd", "evpi_usd", "vss_usd",
            "value_of_adaptivity_usd",
        ]
        #expect(rows.count == keys.count + 1)
        #expect(rows.dropFirst().map { $0[0].value } == keys)
        let expected: [Any?] = [rp["here-and-now"], rp["adaptive"]] + keys.dropFirst(2).map { root[$0] }
        for (row, value) in zip(rows.dropFirst(), expected) {
            WorkbookOutputTests.expectSame(row[2], value)
            #expect(row[3].type == "s")
        }
        #expect(try book.charts.map { try book.text($0) }.filter { $0.contains("<c:barChart>") }.count == 1)
    }
}
