import Foundation
import Testing

/// A sweep's partial files are the tool's own: a symbolic link or a FIFO planted at their
/// names is refused before it is opened, never written through and never waited on.
@Suite struct SweepPartialFileTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let quick = ["--skip-analysis", "--block-size", "1", "--workers", "1"]

    @Test(arguments: [false, true])
    func aSymbolicLinkAtAPartialFileIsNotFollowed(resume: Bool) throws {
        defer { cli.remove() }
        try cli.write("victim", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: cli.path("k.csv.partial"), withDestinationPath: "victim")
        let outcome = try cli.run(
            ["sweep", CommandLineRun.sweep, "-o", "k"] + Self.quick + (resume ? ["--resume"] : []))
        #expect(outcome.status == 73)
        #expect(
            outcome.error.contains(
                "error: cannot write k.csv.partial: it is a symbolic link, and this file must be a regular file; "
                    + "remove it and run again"), "\(outcome.error)")
        #expect(try cli.read("victim") == "precious\n")
        #expect(cli.type("k.csv.partial") == S_IFLNK)
        #expect(try cli.names() == ["study", "victim", "k.csv.partial"])
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            ("k.csv.partial", false), ("k.jsonl.partial", false), ("k.csv.partial", true), ("k.jsonl.partial", true),
        ])
    func aFIFOAtAPartialFileIsRefusedWithoutWaiting(name: String, resume: Bool) throws {
        defer { cli.remove() }
        try cli.makeFIFO(name)
        let started = Date()
        let outcome = try cli.run(
            ["sweep", CommandLineRun.sweep, "-o", "k"] + Self.quick + (resume ? ["--resume"] : []))
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(outcome.status == 73)
        #expect(
            outcome.error.contains("error: cannot write \(name): it is a FIFO, and this file must be a regular file"),
            "\(outcome.error)")
        #expect(cli.type(name) == S_IFIFO)
        #expect(!cli.exists("k.lock"))
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOAtTheLockIsRefusedWithoutWaiting() throws {
        defer { cli.remove() }
        try cli.makeFIFO("k.lock")
        let outcome = try cli.run(["sweep", CommandLineRun.sweep, "-o", "k"] + Self.quick)
        #expect(outcome.status == 73)
        #expect(
            outcome.error.contains("cannot write k.lock: it is not a regular file, as a lock file must be"),
            "\(outcome.error)")
        #expect(cli.type("k.lock") == S_IFIFO)
    }
}
