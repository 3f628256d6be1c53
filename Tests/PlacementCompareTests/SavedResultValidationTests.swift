import Foundation
import PlacementCompare
import Testing

/// Saved results are validated like any input: years of a horizon, capacity not negative, no
/// null where a figure is required, magnitudes a plan can have, strings without control
/// characters, and numbers read exactly as written.
@Suite struct SavedResultValidationTests {
    static let hint =
        "a saved result is the JSON that `placement optimize --format json` writes (docs/results-json.md); "
        + "write it again with this version of placement"

    /// A result with one capacity row whose other fields are `row` (facility "near" unless given).
    func result(row: String, scenario: String = "base") -> String {
        """
        {"schema": "sovereign-placement.optimize/2", "status": {"termination": "optimal"},
         "expected_npv_usd": 5, "capex_usd": 0, "scenarios": [{"id": "\(scenario)"}],
         "capacity": [{"hardware": "gpu", \(row)}]}
        """
    }

    func error(_ text: String) -> String? {
        #expect(throws: ResultFileError.self) { try ResultSnapshot(json: Data(text.utf8), file: "plan.json") }?
            .description
    }

    @Test(arguments: [
        (
            #""year": -5, "built": 1, "installed": 1, "it_mw": 1"#,
            "capacity[0].year: expected a year from 1900 to 2200, got -5"
        ),
        (
            #""year": 2026, "built": -1, "installed": 1, "it_mw": 1"#,
            "capacity[0].built: expected a number of at least 0, got -1.0"
        ),
        (
            #""year": 2026, "built": 1, "installed": null, "it_mw": 1"#,
            "capacity[0].installed: expected a number, got null"
        ),
        (
            #""year": 2026, "built": 1e308, "installed": 1, "it_mw": 1"#,
            "capacity[0].built: expected a number of magnitude at most 1e15, got 1e+308"
        ),
        (
            #""year": 2026, "built": true, "installed": 1, "it_mw": 1"#,
            "capacity[0].built: expected a number"
        ),
        (
            #""year": 2026, "built": 1, "installed": 1, "it_mw": 1, "facility": "x\u001b]0;PWNED\u0007""#,
            #"capacity[0].facility: the string holds a control or bidirectional character (\u{1B})"#
        ),
    ])
    func anImplausibleFieldIsNamedByItsPath(row: String, message: String) {
        let fields = row.contains(#""facility""#) ? row : row + #", "facility": "near""#
        #expect(error(result(row: fields)) == "plan.json: error: \(message)\n  hint: \(Self.hint)")
    }

    @Test func aBidirectionalOverrideInAScenarioIsRefused() {
        let text = result(
            row: #""year": 2026, "built": 1, "installed": 1, "it_mw": 1, "facility": "near""#, scenario: "ba\\u202Ese")
        #expect(
            error(text)
                == #"plan.json: error: scenarios[0].id: the string holds a control or bidirectional character (\u{202E})"#
                + "\n  hint: \(Self.hint)")
    }

    @Test func numbersAreReadExactlyAsWritten() throws {
        let text = result(
            row: #""facility": "near", "year": 2026, "built": 300.00000000000006, "installed": 0.1, "it_mw": 1e-300"#)
        let snapshot = try ResultSnapshot(json: Data(text.utf8), file: "plan.json")
        #expect(snapshot.capacity[0].built == 300.00000000000006)
        #expect(snapshot.capacity[0].built != 300.0000000000001)
        #expect(snapshot.capacity[0].installed == 0.1)
        #expect(snapshot.capacity[0].itMW == 1e-300)
    }
}
