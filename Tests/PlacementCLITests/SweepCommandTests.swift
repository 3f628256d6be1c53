import Foundation
import Testing

/// `placement sweep` and `placement merge`: nothing lost, nothing of another sweep kept, no file
/// left behind, and the documented exit statuses.
@Suite struct SweepCommandTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let sweep = CommandLineRun.sweep
    static let quick = ["--skip-analysis", "--block-size", "1", "--workers", "1"]

    /// The reference outputs of an uninterrupted run.
    func reference(_ options: [String] = quick) throws -> (String, String) {
        let outcome = try cli.run(["sweep", Self.sweep, "--output", "reference"] + options)
        #expect(outcome.status == 0, "\(outcome.error)")
        return (try cli.read("reference.csv"), try cli.read("reference.jsonl"))
    }

    /// Waits until `relative` holds at least `lines` lines (or 60 s pass).
    func waitForLines(_ relative: String, _ lines: Int) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? cli.read(relative), text.split(separator: "\n").count >= lines { return }
            usleep(20_000)
        }
    }

    @Test func anInterruptedSweepLeavesNoTemporaryOrLockFileAndResumesToTheSameBytes() throws {
        defer { cli.remove() }
        let expected = try reference()
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            try? FileManager.default.removeItem(atPath: cli.path("runs.csv"))
            let started = try cli.start(["sweep", Self.sweep, "--output", "runs"] + Self.quick)
            waitForLines("runs.csv.partial", 3)
            kill(started.process.processIdentifier, signal)
            let outcome = try cli.finish(started)
            #expect(
                outcome.signalled, "\(outcome.status) \(started.process.terminationReason == .exit) \(outcome.error)")
            let names = try cli.names()
            #expect(names.filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }.isEmpty, "\(names)")
            #expect(names.isSuperset(of: ["runs.csv.partial", "runs.jsonl.partial"]))
            let resumed = try cli.run(["sweep", Self.sweep, "--output", "runs", "--resume"] + Self.quick)
            #expect(resumed.status == 0, "\(resumed.error)")
            #expect(try cli.read("runs.csv") == expected.0)
            #expect(try cli.read("runs.jsonl") == expected.1)
            #expect(try cli.names() == ["study", "reference.csv", "reference.jsonl", "runs.csv", "runs.jsonl"])
        }
    }

    @Test func aSecondSweepOnTheSamePrefixIsRefusedAndNothingIsLost() throws {
        defer { cli.remove() }
        let expected = try reference()
        let first = try cli.start(["sweep", Self.sweep, "--output", "runs"] + Self.quick)
        waitForLines("runs.csv.partial", 3)
        let second = try cli.run(["sweep", Self.sweep, "--output", "runs.csv", "--cold"] + Self.quick)
        #expect(second.status == 73)
        #expect(
            second.error.contains("error: another sweep is writing these outputs (it holds runs.lock)"),
            "\(second.error)")
        let outcome = try cli.finish(first)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(try cli.read("runs.csv") == expected.0)
        #expect(try cli.read("runs.jsonl") == expected.1)
        #expect(!cli.exists("runs.lock"))
    }

    /// Resume keeps nothing of another sweep or of an edited file: each is refused with exit 65.
    @Test(arguments: [
        ("other values", "values: [2, 3]", "values: [2, 4]", "", "", "it was written for other input files"),
        (
            "base study edited", "", "", "study/Models/tenants.yaml", "price_usd_per_unit: 8",
            "it was written for other input files"
        ),
        ("option changed", "", "", "", "--cold", "it was written with other options"),
        // The gap changes rows: a sweep resumed at another gap mixed rows of both (hostile use).
        ("gap changed", "", "", "", "--gap 0.01", "it was written with other options"),
        (
            "a number edited", "", "", "runs.csv.partial", "row",
            "runs.jsonl.partial:3: variant 1 differs from its row in runs.csv.partial"
        ),
        (
            "a number rewritten", "", "", "runs.csv.partial", "form",
            "runs.csv.partial:4: it is not a row as placement writes it"
        ),
        (
            "a status changed", "", "", "runs.csv.partial", "status",
            "runs.jsonl.partial:3: variant 1 differs from its row in runs.csv.partial"
        ),
        (
            "a value not in the sweep", "", "", "runs.csv.partial", "value",
            "its varied values are not those of variant 1"
        ),
        ("NUL bytes", "", "", "runs.jsonl.partial", "nul", "runs.jsonl.partial:2: it is not a JSON object"),
    ])
    func resumeRefusesAnotherSweepOrAnEditedRow(
        name: String, old: String, new: String, file: String, edit: String,
        message: String
    ) throws {
        defer { cli.remove() }
        let started = try cli.start(["sweep", Self.sweep, "--output", "runs"] + Self.quick)
        waitForLines("runs.jsonl.partial", 4)
        kill(started.process.processIdentifier, SIGTERM)
        _ = try cli.finish(started)
        var options = Self.quick
        if !old.isEmpty {
            try cli.write(Self.sweep, try cli.read(Self.sweep).replacingOccurrences(of: old, with: new))
        } else if file.hasPrefix("study/") {
            try cli.write(file, try cli.read(file).replacingOccurrences(of: edit, with: edit + "1"))
        } else if edit.hasPrefix("--") {
            options += edit.split(separator: " ").map(String.init)
        } else {
            var lines = try cli.read(file).components(separatedBy: "\n")
            switch edit {
            case "row": lines[3] = lines[3].replacingOccurrences(of: ",optimal,2", with: ",optimal,3")
            case "form": lines[3] = lines[3].replacingOccurrences(of: "1,30,3,", with: "1,30.0,3,")
            case "status": lines[3] = lines[3].replacingOccurrences(of: ",optimal,", with: ",timeLimit,")
            case "value": lines[3] = lines[3].replacingOccurrences(of: "1,30,3,", with: "1,30,2.5,")
            default: lines[1] = String(lines[1].prefix(20)) + "\u{0}\u{0}\u{0}" + String(lines[1].dropFirst(23))
            }
            try cli.write(file, lines.joined(separator: "\n"))
        }
        let before = try cli.read("runs.csv.partial") + cli.read("runs.jsonl.partial")
        let outcome = try cli.run(["sweep", Self.sweep, "--output", "runs", "--resume"] + options)
        #expect(outcome.status == 65, "\(name): \(outcome.error)")
        #expect(outcome.error.contains(message), "\(name): \(outcome.error)")
        #expect(outcome.error.contains("cannot resume from runs."), "\(name)")
        #expect(try cli.read("runs.csv.partial") + cli.read("runs.jsonl.partial") == before, "nothing is lost")
        #expect(!cli.exists("runs.csv") && !cli.exists("runs.lock"))
    }

    @Test func mergeChecksTheShardsFingerprintsAndCountAndRefusesPartialFiles() throws {
        defer { cli.remove() }
        let expected = try reference(["--skip-analysis", "--block-size", "2"])
        for shard in 1...3 {
            let outcome = try cli.run([
                "sweep", Self.sweep, "--output", "part", "--shard", "\(shard)/3", "--skip-analysis",
                "--block-size", "2",
            ])
            #expect(outcome.status == 0, "\(outcome.error)")
        }
        let shards = (1...3).map { "part.shard-\($0)-of-3.csv" }
        #expect(try cli.run(["merge", "--output", "all.csv"] + shards).status == 0)
        #expect(try cli.read("all.csv") == expected.0)
        #expect(
            try cli.run(
                ["merge", "--output", "all.jsonl", "--sweep", Self.sweep]
                    + shards.map {
                        $0.replacingOccurrences(of: ".csv", with: ".jsonl")
                    }
            ).status == 0)
        #expect(try cli.read("all.jsonl") == expected.1)
        // The last shard missing, without --sweep: the shards say there are 3.
        let missing = try cli.run(["merge", "--output", "bad.csv"] + shards.dropLast())
        #expect(missing.status == 65 && missing.error.contains("1 of 3 shards missing: 3/3"), "\(missing.error)")
        // Shards of another sweep.
        try cli.write(
            "other.yaml",
            try cli.read(Self.sweep).replacingOccurrences(
                of: "base: baseline.yaml",
                with: "base: study/Models/baseline.yaml"
            )
            .replacingOccurrences(of: "[2, 3]", with: "[2, 4]"))
        let other = try cli.run(["merge", "--output", "bad.csv", "--sweep", "other.yaml"] + shards)
        #expect(
            other.status == 65
                && other.error.contains("was written for other input files than the sweep given with --sweep"),
            "\(other.error)")
        // An unfinished shard.
        try FileManager.default.copyItem(atPath: cli.path(shards[2]), toPath: cli.path("part.shard-3-of-3.csv.partial"))
        let partial = try cli.run(
            ["merge", "--output", "bad.csv"] + shards.dropLast() + ["part.shard-3-of-3.csv.partial"])
        #expect(
            partial.status == 65 && partial.error.contains("is an unfinished shard (a .partial file)"),
            "\(partial.error)")
        // An unreadable input.
        let unreadable = try cli.run(["merge", "--output", "bad.csv", "nothere.csv"] + shards)
        #expect(
            unreadable.status == 66
                && unreadable.error.contains("error: cannot read nothere.csv: no such file or directory"))
        #expect(!cli.exists("bad.csv"))
    }

    @Test func shardsAreWrittenAsPlainNumbersAndAnEmptyShardIsSaid() throws {
        defer { cli.remove() }
        for shard in ["+1/+2", "01/02", "1/02", "0/2", "3/2", "1/", "1/2/3", "١/٢"] {
            let outcome = try cli.run(["sweep", Self.sweep, "--shard", shard])
            #expect(outcome.status == 64, "\(shard)")
            #expect(
                outcome.error.contains("--shard must be I/N with 1 <= I <= N, written as plain numbers (3/8)"),
                "\(shard)")
        }
        let empty = try cli.run(["sweep", Self.sweep, "--shard", "1/1000", "--output", "empty"])
        #expect(empty.status == 0)
        #expect(
            empty.error.contains(
                "warning: shard 1/1000 holds no variant: the sweep has 1 batch(es) of --block-size 16"),
            "\(empty.error)")
    }

    @Test func anOutputNamedWithItsExtensionIsThePrefix() throws {
        defer { cli.remove() }
        #expect(try cli.run(["sweep", Self.sweep, "--output", "runs.csv"] + Self.quick).status == 0)
        #expect(try cli.run(["sweep", Self.sweep, "--output", "more.jsonl"] + Self.quick).status == 0)
        #expect(try cli.names() == ["study", "runs.csv", "runs.jsonl", "more.csv", "more.jsonl"])
        let dash = try cli.run(["sweep", Self.sweep, "--output", "-"])
        #expect(dash.status == 64 && dash.error.contains("--output - is not possible: a sweep writes two files"))
    }

    @Test func gridsBeyondTheLimitAreRefusedBeforeAnyWork() throws {
        defer { cli.remove() }
        let values = "[" + (1...100).map { String(30 + Double($0) / 10) }.joined(separator: ", ") + "]"
        let paths = [
            "facilities.riyadh-hexagon.electricity_usd_per_mwh", "facilities.abu-dhabi-campus.electricity_usd_per_mwh",
            "tenants.agent-labs.price_usd_per_unit", "tenants.gulf-studios.price_usd_per_unit",
            "tenants.india-video.price_usd_per_unit",
        ]
        func sweep(_ count: Int) -> String {
            "schema: 1\nbase: study/Models/baseline.yaml\nvary:\n"
                + paths.prefix(count).map { "  - path: \($0)\n    values: \(values)\n" }.joined()
        }
        try cli.write("huge.yaml", sweep(5))  // 1e10 variants
        let huge = try cli.run(["sweep", "huge.yaml"])
        #expect(huge.status == 64)
        #expect(
            huge.error.contains("huge.yaml has 10000000000 variants, more than the limit of 1000000000"),
            "\(huge.error)")
        try cli.write("big.yaml", sweep(4))  // 1e8 variants: only in shards of at most 1e7
        let unsharded = try cli.run(["sweep", "big.yaml"])
        #expect(
            unsharded.status == 64 && unsharded.error.contains("split it with --shard I/N, N at least 10"),
            "\(unsharded.error)")
        #expect(try cli.names() == ["study", "huge.yaml", "big.yaml"])
        // One block of a 1e8-variant grid runs in memory of a small study, not of the grid.
        let one = try cli.runMeasuringPeakMemory([
            "sweep", "big.yaml", "--shard", "1/6250000", "--skip-analysis", "--workers", "1",
        ])
        #expect(one.status == 0, "\(one.error)")
        #expect(one.peakKiB > 1_000 && one.peakKiB < 400_000, "the sweep used \(one.peakKiB) KiB")
        #expect(try cli.read("big.shard-1-of-6250000.csv").split(separator: "\n").count == 2 + 16)
    }

    @Test func aFullDiskDuringASweepExits73() throws {
        defer { cli.remove() }
        // A file-size limit of 1 KiB (SIGXFSZ ignored) makes writes fail as a full disk does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 2; exec \"$0\" sweep \(Self.sweep) --output full --skip-analysis",
            CommandLineRun.executable.path,
        ]
        process.currentDirectoryURL = cli.directory
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 73, "\(text)")
        #expect(
            text.contains(
                "error: cannot write full.jsonl.partial: the file would exceed the file-size limit (ulimit -f)"),
            "\(text)")
        #expect(try cli.names().filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }.isEmpty)
    }
}
