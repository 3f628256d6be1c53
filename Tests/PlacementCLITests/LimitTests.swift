import Foundation
import Testing

/// A time limit never reads as a result: the run exits 70 after writing its output, and the
/// output says the plan is not proven optimal (the best plan found, with its gap when decomposed).
@Suite struct LimitTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models/baseline.yaml").path

    @Test(arguments: ["primal", "decomposed"])
    func timeLimitExits70WithTheStatusInTheOutput(method: String) throws {
        defer { cli.remove() }
        let outcome = try cli.run([
            "optimize", Self.bundled, "--method", method, "--time-limit", "1", "--format", "json", "--skip-analysis",
        ])
        #expect(outcome.status == 70, "\(outcome.error)")
        #expect(outcome.output.contains("\"termination\": \"timeLimit\""))
        #expect(outcome.output.contains("\"optimal\": false"))
        if method == "decomposed" {
            // The decomposition reports the best plan it evaluated, never nothing.
            #expect(outcome.output.contains("\"objective_usd\""))
            #expect(outcome.error.contains("not proven optimal"))
        }
    }
}
