import Foundation
import Testing

/// `export -o -` puts one document on standard output: the model, its summary on standard error;
/// MathProg, two files, cannot go there.
@Suite struct ExportStreamTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    @Test(arguments: ["lp", "mps"])
    func theModelAloneGoesToStandardOutput(format: String) throws {
        defer { cli.remove() }
        let outcome = try cli.run(["export", CommandLineRun.study, "--format", format, "-o", "-"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(!outcome.output.contains("wrote"))
        #expect(outcome.output.hasSuffix(format == "lp" ? "End\n" : "ENDATA\n"), "\(outcome.output.suffix(40))")
        #expect(outcome.error.hasPrefix("wrote standard output: "), "\(outcome.error)")
    }

    @Test func mathProgCannotGoToStandardOutput() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["export", CommandLineRun.study, "--format", "gmpl", "-o", "-"])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("--output - is not possible with --format gmpl"), "\(outcome.error)")
        #expect(try cli.names() == ["study"])
    }
}
