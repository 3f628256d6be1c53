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

    /// libxlsxwriter writes each part of a workbook to a temporary file without checking the
    /// writes: under a limit between the zip's size and its largest part's, a part was cut short
    /// and the broken workbook replaced the old file with exit 0.
    @Test func aWorkbookWhosePartReachesTheLimitExits73() throws {
        defer { cli.remove() }
        let arguments = ["optimize", Self.study, "--format", "xlsx", "-o", "out.xlsx"]
        let unlimited = try cli.run(arguments)
        try #require(unlimited.status == 0, "\(unlimited.error)")
        // 91 blocks of 512 bytes: above the zip (about 46 KB), below its largest sheet (about 47 KB).
        let limit = 91 * 512
        try #require(try Data(contentsOf: URL(fileURLWithPath: cli.path("out.xlsx"))).count < limit)
        try cli.write("out.xlsx", "old\n")
        let outcome = try cli.runUnderFileSizeLimit(blocks: 91, arguments)
        #expect(!outcome.signalled, "ended by signal \(outcome.status)")
        #expect(outcome.status == 73)
        #expect(
            outcome.error.contains(
                "error: cannot write out.xlsx: the file would exceed the file-size limit (ulimit -f, \(limit) bytes)"),
            "\(outcome.error)")
        #expect(try cli.read("out.xlsx") == "old\n")
        #expect(try cli.names() == ["study", "out.xlsx"])
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
