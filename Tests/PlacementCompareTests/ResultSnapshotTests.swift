import Foundation
import PlacementCompare
import Testing

/// The decoding layer: what it reads from a result, and the located errors for what it cannot.
@Suite struct ResultSnapshotTests {
    static let hint =
        "a saved result is the JSON that `placement optimize --format json` writes (docs/results-json.md); "
        + "write it again with this version of placement"

    func read(_ text: String) throws -> ResultSnapshot {
        try ResultSnapshot(json: Data(text.utf8), file: "plan.json")
    }

    /// An empty fleet's utilization is null (schema 2), and a result without analysis has no
    /// resilience or stranded sections.
    @Test func nullUtilizationAndMissingSections() throws {
        let snapshot = try read(
            """
            {"schema": "sovereign-placement.optimize/2", "status": {"termination": "optimal"},
             "expected_npv_usd": -5, "risk": {"cvar_npv_usd": null}, "capex_usd": 0,
             "capacity": [{"facility": "near", "hardware": "gpu", "year": 2026, "built": 0, "installed": 0,
                           "it_mw": 0}],
             "utilization": {"fleet": [{"year": 2026, "scenario": "base", "utilization": null}], "facilities": []},
             "shadow_prices": {"power_usd_per_mw": [], "budget_usd_per_usd": null}, "unreachable_demand": []}
            """)
        #expect(snapshot.expectedNPV == -5 && snapshot.cvarNPV == nil && snapshot.finalYear == 2026)
        #expect(snapshot.fleetUtilization.count == 1 && snapshot.fleetUtilization[0].utilization == nil)
        #expect(snapshot.resilience.isEmpty && snapshot.stranded.isEmpty && snapshot.budget == nil)
    }

    @Test func textThatIsNotJSONIsLocated() {
        let error = #expect(throws: ResultFileError.self) {
            try read("{\n  \"schema\": \"sovereign-placement.optimize/2\",\n  \"capacity\": [1,, 2]\n}")
        }
        #expect(
            error?.description == "plan.json:3:18: error: not valid JSON (Invalid value)\n"
                + "  hint: give a file written by `placement optimize --format json`, or a study (.yaml) to solve")
    }

    /// A truncated file has no character for the reader to name: the error is at its end.
    @Test func aTruncatedFileIsLocatedAtItsEnd() {
        let error = #expect(throws: ResultFileError.self) {
            try read("{\n  \"schema\": \"sovereign-placement.optimize/2\",\n  \"capacity\": [1, 2")
        }
        #expect(
            error?.description.hasPrefix("plan.json:3:20: error: not valid JSON (Unexpected end of file") == true,
            "\(String(describing: error))")
    }

    @Test func unknownSchemaIsRejected() {
        let error = #expect(throws: ResultFileError.self) { try read(#"{"schema": "sovereign-placement.sweep/1"}"#) }
        #expect(
            error?.description == "plan.json: error: schema: unsupported schema 'sovereign-placement.sweep/1'\n"
                + "  hint: this placement reads sovereign-placement.optimize/1, sovereign-placement.optimize/2, "
                + "sovereign-placement.optimize/3; "
                + "write the result again with `placement optimize --format json`")
    }

    @Test func mistypedFieldIsNamedByItsPath() {
        let error = #expect(throws: ResultFileError.self) {
            try read(
                """
                {"schema": "sovereign-placement.optimize/1", "status": {"termination": "optimal"},
                 "capacity": [{"facility": "near", "hardware": "gpu", "year": "2026", "built": 1, "installed": 1,
                               "it_mw": 0.001}]}
                """)
        }
        #expect(error?.description == "plan.json: error: capacity[0].year: expected a number\n  hint: \(Self.hint)")
    }

    @Test func missingStatusIsNamed() {
        let error = #expect(throws: ResultFileError.self) { try read(#"{"schema": "sovereign-placement.optimize/1"}"#) }
        #expect(error?.description == "plan.json: error: status: missing\n  hint: \(Self.hint)")
    }
}
