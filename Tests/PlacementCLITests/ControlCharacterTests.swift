import Foundation
import Testing

/// Control and bidirectional characters written as YAML or JSON escapes never reach the terminal
/// raw: diagnostics, tables and summaries show them as `\u{1B}`; ids and saved results refuse them.
@Suite struct ControlCharacterTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let workloads = "study/Models/workloads.yaml"

    /// No raw C0 control other than line breaks, no C1 control, no bidirectional override.
    func expectNoRawControl(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
        #expect(raw.isEmpty, "raw \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func aKeyOrAnIdWithEscapesIsShownEscaped() throws {
        defer { cli.remove() }
        let text = try cli.read(Self.workloads)
            .replacingOccurrences(of: "  - id: video\n", with: #"  - id: "vi\u202Edeo""# + "\n")
            .replacingOccurrences(
                of: "    unit: robot-hour\n",
                with: "    unit: robot-hour\n" + #"    "note\e]0;PWNED\a\r\nFAKE: error line": 1"# + "\n")
        try cli.write(Self.workloads, text)
        let outcome = try cli.run(["validate", CommandLineRun.study])
        #expect(outcome.status == 65)
        #expect(outcome.error.contains(#"'vi\u{202E}deo' is not a valid id"#), "\(outcome.error)")
        #expect(outcome.error.contains(#"note\u{1B}]0;PWNED\u{7}\u{D}\u{A}FAKE: error line"#), "\(outcome.error)")
        #expect(!outcome.error.split(separator: "\n").contains { $0.hasPrefix("FAKE") })
        expectNoRawControl(outcome.error)
    }

    @Test func aStudyPathWithEscapesIsShownEscapedInSummariesAndTables() throws {
        defer { cli.remove() }
        let name = "study/Models/b\u{1B}]0;PWNED\u{07}\u{202E}.yaml"
        try FileManager.default.copyItem(atPath: cli.path(CommandLineRun.study), toPath: cli.path(name))
        let validate = try cli.run(["validate", name])
        #expect(validate.status == 0, "\(validate.error)")
        #expect(
            validate.output.contains(#"study/Models/b\u{1B}]0;PWNED\u{7}\u{202E}.yaml: valid"#), "\(validate.output)")
        expectNoRawControl(validate.output)
        let optimize = try cli.run(["optimize", name, "--skip-analysis"])
        #expect(optimize.status == 0, "\(optimize.error)")
        #expect(optimize.output.contains(#"b\u{1B}]0;PWNED\u{7}\u{202E}.yaml"#))
        expectNoRawControl(optimize.output)
        let missing = try cli.run(["validate", "no\u{1B}[2Jsuch.yaml"])
        #expect(missing.status == 66)
        expectNoRawControl(missing.error)
    }

    @Test func aSavedResultOverTheSizeLimitIsRefusedBeforeParsing() throws {
        defer { cli.remove() }
        try Data(repeating: UInt8(ascii: " "), count: (16 << 20) + 1).write(
            to: URL(fileURLWithPath: cli.path("a.json")))
        let outcome = try cli.runMeasuringPeakMemory(["compare", "a.json", "a.json"])
        #expect(outcome.status == 65)
        #expect(
            outcome.error
                == "a.json: error: the result is larger than the 16 MiB limit\n"
                + "  hint: results of `placement optimize --format json` are far smaller; is this the right file?\n")
        // Parsing it would take about 1 GB; the bound allows for the test process's own size, which
        // the spawned child's peak can report under the whole suite.
        #expect(outcome.peakKiB < 400_000, "\(outcome.peakKiB) KiB")
    }

    @Test func aSavedResultWithAControlCharacterIsALocatedError() throws {
        defer { cli.remove() }
        let saved = try cli.run([
            "optimize", CommandLineRun.study, "--format", "json", "--skip-analysis", "-o", "a.json",
        ])
        #expect(saved.status == 0)
        let text = try cli.read("a.json")
        try cli.write(
            "b.json",
            text.replacingOccurrences(of: #""termination": "optimal""#, with: #""termination": "opt\u001b[2Jimal""#))
        let outcome = try cli.run(["compare", "a.json", "b.json"])
        #expect(outcome.status == 65)
        #expect(
            outcome.error.hasPrefix(
                #"b.json: error: status.termination: the string holds a control or bidirectional character (\u{1B})"#),
            "\(outcome.error)")
        expectNoRawControl(outcome.error + outcome.output)
    }
}
