import Foundation
import Testing

/// A file-size limit (`ulimit -f`) makes a write fail; it must not kill the tool (SIGXFSZ).
/// The failure is an error like a full disk: exit 73 with a message, no temporary file left,
/// the old output intact.
@Suite struct FileSizeLimitTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let study = CommandLineRun.study
    static let message = "the file would exceed the file-size limit (ulimit -f)"

    @Test(arguments: [
        ["optimize", study, "--format", "json", "--skip-analysis", "-o", "out.json"],
        ["report", study, "-o", "out.json"],
    ])
    func aFileOverTheLimitExits73AndKeepsTheOldOutput(arguments: [String]) throws {
        defer { cli.remove() }
        try cli.write("out.json", "old\n")
        let outcome = try cli.runUnderFileSizeLimit(blocks: 2, arguments)
        #expect(!outcome.signalled, "ended by signal \(outcome.status)")
        #expect(outcome.status == 73)
        #expect(outcome.error.contains("error: cannot write out.json: \(Self.message)"), "\(outcome.error)")
        #expect(try cli.read("out.json") == "old\n")
        #expect(try cli.names() == ["study", "out.json"])
    }

    @Test func standardOutputOverTheLimitExits73() throws {
        defer { cli.remove() }
        try cli.write("stdout.json", "")
        let outcome = try cli.runUnderFileSizeLimit(
            blocks: 2, ["optimize", Self.study, "--format", "json", "--skip-analysis"],
            standardOutput: cli.path("stdout.json"))
        #expect(!outcome.signalled, "ended by signal \(outcome.status)")
        #expect(outcome.status == 73)
        #expect(outcome.error.contains("error: cannot write to standard output: \(Self.message)"), "\(outcome.error)")
    }

    @Test func aSweepOverTheLimitExits73AndLeavesNoTemporaryOrLockFile() throws {
        defer { cli.remove() }
        let outcome = try cli.runUnderFileSizeLimit(
            blocks: 2, ["sweep", CommandLineRun.sweep, "-o", "runs", "--skip-analysis", "--workers", "1"])
        #expect(!outcome.signalled, "ended by signal \(outcome.status)")
        #expect(outcome.status == 73)
        #expect(outcome.error.contains(Self.message), "\(outcome.error)")
        let names = try cli.names()
        #expect(names.filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }.isEmpty, "\(names)")
    }
}
