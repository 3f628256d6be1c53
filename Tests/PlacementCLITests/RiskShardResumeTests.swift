import Foundation
import Testing

/// `placement risk --shard I/N` joined by `placement merge`, and `--resume` (the suite's study,
/// with its uncertainty section): the merged shards and a resumed run are the bytes of one
/// uninterrupted run; shards and progress files of other runs are refused.
extension RiskCommandTests {
    func risk(_ flags: [String]) throws -> CommandLineRun.Outcome {
        try cli.run(["risk", CommandLineRun.study, "--plan", "plan.json", "--format", "json"] + flags)
    }

    /// The plan saved, `whole.json` written by an undisturbed run of 150 paths on one thread, and
    /// the same run started on `run.json` (returned while it runs), with its flags.
    func startARunAfterAnUndisturbedOne() throws -> (flags: [String], started: CommandLineRun.Started) {
        try cli.savePlan()
        let flags = ["--paths", "150", "--seed", "4", "--threads", "1"]
        let whole = try risk(flags + ["-o", "whole.json"])
        try #require(whole.status == 0, "\(whole.error)")
        let started = try cli.start(
            ["risk", CommandLineRun.study, "--plan", "plan.json", "--format", "json"] + flags + ["-o", "run.json"])
        return (flags, started)
    }

    /// 120 paths are three chunks of at most 50, one per shard.
    @Test func threeShardsMergedAreTheUnshardedRunsBytes() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let whole = try risk(["--paths", "120", "--seed", "4", "-o", "whole.json"])
        try #require(whole.status == 0, "\(whole.error)")
        for shard in 1...3 {
            let outcome = try risk([
                "--paths", "120", "--seed", "4", "--shard", "\(shard)/3", "-o", "shard-\(shard).json",
            ])
            try #require(outcome.status == 0, "\(outcome.error)")
        }
        let merge = try cli.run(["merge", "-o", "merged.json", "shard-3.json", "shard-1.json", "shard-2.json"])
        try #require(merge.status == 0, "\(merge.error)")
        #expect(try cli.read("merged.json") == cli.read("whole.json"))

        let other = try risk(["--paths", "120", "--seed", "5", "--shard", "2/3", "-o", "other.json"])
        try #require(other.status == 0, "\(other.error)")
        let mixed = try cli.run(["merge", "-o", "mixed.json", "shard-1.json", "other.json", "shard-3.json"])
        #expect(mixed.status == 65)
        #expect(mixed.error.contains("seed 4 against 5"), "\(mixed.error)")
        #expect(!cli.exists("mixed.json"))
        let flags = try risk(["--paths", "120", "--shard", "1/3"])
        #expect(flags.status == 64 && flags.error.contains("--shard writes a shard"), "\(flags.error)")
    }

    /// A second run on the output of a running one is refused naming the lock (exit 73); the
    /// first finishes with the bytes of an undisturbed run and leaves no lock behind.
    @Test func aSecondRunOnTheSameOutputIsRefusedAndNothingIsLost() throws {
        defer { cli.remove() }
        let (flags, started) = try startARunAfterAnUndisturbedOne()
        while started.process.isRunning, !cli.exists("run.json.partial") { usleep(10_000) }
        try #require(started.process.isRunning, "the run finished before a second could start")
        let second = try risk(flags + ["--seed", "5", "-o", "run.json"])
        #expect(second.status == 73)
        #expect(
            second.error.contains(
                "error: another risk run is writing run.json (it holds run.json.lock); wait for it, or use another --output"
            ), "\(second.error)")
        let first = try cli.finish(started)
        #expect(first.status == 0, "\(first.error)")
        #expect(try cli.read("run.json") == cli.read("whole.json"))
        #expect(!cli.exists("run.json.lock") && !cli.exists("run.json.partial"))
    }

    /// The run's lock file is removed when the run ends, so no other file may be it: samples
    /// written to `run.json.lock` would have been deleted with the lock. Refused before anything
    /// is written.
    @Test func anOutputAtTheLockFilesNameIsRefused() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let outcome = try risk(["--paths", "10", "--write-samples", "run.json.lock", "-o", "run.json"])
        #expect(outcome.status == 64)
        #expect(
            outcome.error.contains(
                "error: --output and --write-samples name the same file (run.json.lock); one would replace the other"),
            "\(outcome.error)")
        #expect(!cli.exists("run.json.lock") && !cli.exists("run.json") && !cli.exists("run.json.partial"))
    }

    /// With one thread a wave is two chunks: the progress file holds 100 paths while the third
    /// chunk runs, when the run is killed.
    @Test func anInterruptedRunResumesToTheSameBytesAndAForeignProgressFileIsRefused() throws {
        defer { cli.remove() }
        let (flags, started) = try startARunAfterAnUndisturbedOne()
        #expect(!cli.exists("whole.json.partial"))
        var lines = 0
        while started.process.isRunning, lines < 101 {
            lines = ((try? cli.read("run.json.partial")) ?? "").filter { $0 == "\n" }.count
            if lines < 101 { usleep(10_000) }
        }
        try #require(started.process.isRunning, "the run finished before it could be interrupted")
        kill(started.process.processIdentifier, SIGKILL)
        _ = try cli.finish(started)
        #expect(!cli.exists("run.json"))
        let resumed = try risk(flags + ["-o", "run.json", "--resume"])
        try #require(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.error.contains("resuming: 100 of 150 paths already written"), "\(resumed.error)")
        #expect(try cli.read("run.json") == cli.read("whole.json"))
        #expect(!cli.exists("run.json.partial"))

        try cli.write("foreign.json.partial", "# placement-risk/1 run=0 seed=4 paths=150 shard=1/1\n")
        let foreign = try risk(flags + ["-o", "foreign.json", "--resume"])
        #expect(foreign.status == 65)
        #expect(foreign.error.contains("cannot resume from foreign.json.partial"), "\(foreign.error)")
        #expect(foreign.error.contains("another run"), "\(foreign.error)")
        #expect(!cli.exists("foreign.json"))
    }

    /// 60 paths are two chunks, one wave on two threads: the bar ends at 60/60 with the rate and
    /// the ETA on a terminal; a log (stderr a file) gets no progress line.
    @Test func theProgressLineShowsPathsRateAndETAOnATerminalOnly() throws {
        defer { cli.remove() }
        try cli.savePlan()
        let terminal = try #require(PseudoTerminal())
        defer { terminal.close() }
        let flags = ["--paths", "60", "--threads", "2", "--format", "json"]
        let process = Process()
        process.executableURL = CommandLineRun.executable
        process.arguments = ["risk", CommandLineRun.study, "--plan", "plan.json"] + flags + ["-o", "out.json"]
        process.currentDirectoryURL = cli.directory
        process.standardError = try #require(FileHandle(forWritingAtPath: terminal.path))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        _ = fcntl(terminal.master, F_SETFL, fcntl(terminal.master, F_GETFL) | O_NONBLOCK)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(terminal.master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let shown = String(decoding: bytes, as: UTF8.self)
        #expect(shown.contains("60/60") && shown.contains("paths/s") && shown.contains("ETA"), "\(shown)")
        let logged = try risk(["--paths", "60", "--threads", "2", "-o", "logged.json"])
        #expect(logged.status == 0 && !logged.error.contains("paths/s"), "\(logged.error)")
    }
}
