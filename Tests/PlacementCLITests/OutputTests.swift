import Foundation
import Testing

/// Outputs never replace what they should not: devices and FIFOs are written by opening them,
/// an input of the run is refused, an existing file keeps its mode, a symbolic link its target,
/// and nothing temporary is left behind.
@Suite struct OutputTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    static let study = CommandLineRun.study

    @Test func aFIFOIsWrittenByOpeningItAndStaysAFIFO() throws {
        defer { cli.remove() }
        try cli.makeFIFO("plan.fifo")
        let received = ReaderThread(path: cli.path("plan.fifo"))
        let outcome = try cli.run([
            "optimize", Self.study, "--format", "csv", "--output", "plan.fifo", "--skip-analysis",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(received.text().contains("facility,hardware,year,scenario,built"))
        #expect(cli.type("plan.fifo") == S_IFIFO)
        #expect(try cli.names() == ["study", "plan.fifo"])
    }

    @Test func devNullStaysADevice() throws {
        defer { cli.remove() }
        let outcome = try cli.run([
            "optimize", Self.study, "--format", "json", "--output", "/dev/null", "--skip-analysis",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test(arguments: [
        (
            ["optimize", study, "--output", "study/Models/baseline.yaml"],
            "--output study/Models/baseline.yaml is the study"
        ),
        (
            ["optimize", study, "--export-lp", "study/Regions/gulf.yaml"],
            "--export-lp study/Regions/gulf.yaml is a file of the study"
        ),
        (
            ["optimize", study, "--export-mps", "study/Models/../Models/tenants.yaml"],
            "--export-mps study/Models/../Models/tenants.yaml is a file of the study"
        ),
        (
            ["stress", study, "--output", "link-to-hardware.yaml"],
            "--output link-to-hardware.yaml is a file of the study"
        ),
        (
            ["report", study, "--output", "hard-link-to-scenarios.yaml"],
            "--output hard-link-to-scenarios.yaml is a file of the study"
        ),
        (["sweep", CommandLineRun.sweep, "--output", "study/Models/sweep.yaml.csv"], ""),
        (
            ["sweep", CommandLineRun.sweep, "--output", "study/Models/workloads.yaml"],
            "is a file of the sweep's base study"
        ),
    ])
    func anOutputThatIsAnInputIsRefusedBeforeAnyWork(arguments: [String], message: String) throws {
        defer { cli.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: cli.path("link-to-hardware.yaml"), withDestinationPath: "study/Models/hardware.yaml")
        try FileManager.default.linkItem(
            atPath: cli.path("study/Models/scenarios.yaml"), toPath: cli.path("hard-link-to-scenarios.yaml"))
        // `--output X.yaml` of a sweep writes X.yaml.csv and X.yaml.jsonl: only a .csv or .jsonl can clash.
        try FileManager.default.linkItem(
            atPath: cli.path("study/Models/workloads.yaml"), toPath: cli.path("study/Models/workloads.yaml.csv"))
        let before =
            try cli.read("study/Models/baseline.yaml") + cli.read("study/Regions/gulf.yaml")
            + cli.read("study/Models/tenants.yaml") + cli.read("study/Models/hardware.yaml")
            + cli.read("study/Models/scenarios.yaml")
            + cli.read("study/Models/workloads.yaml")
        let outcome = try cli.run(arguments)
        if message.isEmpty {
            #expect(outcome.status == 0, "\(outcome.error)")  // the sweep file itself is not touched
        } else {
            #expect(outcome.status == 64)
            #expect(outcome.error.contains(message), "\(outcome.error)")
            #expect(outcome.error.contains("writing it would destroy the input"))
            #expect(!outcome.error.contains("variants/s"), "refused before any work")
        }
        let after =
            try cli.read("study/Models/baseline.yaml") + cli.read("study/Regions/gulf.yaml")
            + cli.read("study/Models/tenants.yaml") + cli.read("study/Models/hardware.yaml")
            + cli.read("study/Models/scenarios.yaml")
            + cli.read("study/Models/workloads.yaml")
        #expect(before == after)
    }

    @Test func anExistingFileKeepsItsModeAndASymbolicLinkItsTarget() throws {
        defer { cli.remove() }
        try cli.write("private.csv", "old\n")
        chmod(cli.path("private.csv"), 0o600)
        try cli.write("real.json", "old\n")
        try FileManager.default.createSymbolicLink(atPath: cli.path("link.json"), withDestinationPath: "real.json")
        #expect(
            try cli.run(["optimize", Self.study, "--format", "csv", "--output", "private.csv", "--skip-analysis"])
                .status == 0)
        #expect(
            try cli.run(["optimize", Self.study, "--format", "json", "--output", "link.json", "--skip-analysis"]).status
                == 0)
        var status = stat()
        #expect(stat(cli.path("private.csv"), &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try cli.read("private.csv").contains("facility,hardware,year"))
        #expect(cli.type("link.json") == S_IFLNK)
        #expect(try cli.read("real.json").hasPrefix("{"))
        #expect(try cli.names() == ["study", "private.csv", "real.json", "link.json"])
    }

    @Test func writeFailuresSayWhichPathAndWhyInWordsAndLeaveNothing() throws {
        defer { cli.remove() }
        try FileManager.default.createDirectory(atPath: cli.path("taken"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            atPath: cli.path("dangling.csv"), withDestinationPath: "nowhere/x.csv")
        let directory = try cli.run(["optimize", Self.study, "--format", "csv", "--output", "taken", "--skip-analysis"])
        #expect(directory.status == 73)
        #expect(directory.error.contains("error: cannot write taken: it is a directory"), "\(directory.error)")
        let dangling = try cli.run(["optimize", Self.study, "--export-lp", "dangling.csv", "--skip-analysis"])
        #expect(dangling.status == 73)
        #expect(
            dangling.error.contains(
                "cannot write dangling.csv: it is a symbolic link to a file or directory that does not exist"),
            "\(dangling.error)")
        for outcome in [directory, dangling] {
            #expect(!outcome.error.contains("NSCocoaErrorDomain") && !outcome.error.contains("Error Domain"))
        }
        #expect(try cli.names() == ["study", "taken", "dangling.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("taken")).isEmpty)
    }

    @Test func aMissingOutputDirectoryIsOneRuleForEveryCommand() throws {
        defer { cli.remove() }
        for arguments in [
            ["optimize", Self.study, "--output", "nowhere/plan.csv"],
            ["report", Self.study, "--output", "nowhere/r.html"],
            ["sweep", CommandLineRun.sweep, "--output", "nowhere/runs"],
            ["merge", "--output", "nowhere/m.csv", "a.csv"],
        ] {
            let outcome = try cli.run(arguments)
            #expect(outcome.status == 64, "\(arguments)")
            #expect(outcome.error.contains("--output: the directory nowhere/ does not exist"), "\(outcome.error)")
        }
    }

    @Test func dashMeansStandardOutput() throws {
        defer { cli.remove() }
        let optimize = try cli.run(["optimize", Self.study, "--format", "csv", "--output", "-", "--skip-analysis"])
        #expect(optimize.status == 0 && optimize.output.contains("facility,hardware,year"))
        let report = try cli.run(["report", Self.study, "--output", "-"])
        #expect(report.status == 0 && report.output.hasPrefix("<!DOCTYPE html>"))
        #expect(!cli.exists("-"))
    }

    /// `/dev/stdout` on a pipe links to `pipe:[N]`, which has no path: it was refused as a link to
    /// a file that does not exist (exit 73). It is written like any pipe.
    @Test func devStdoutOnAPipeIsWritten() throws {
        defer { cli.remove() }
        let shell = [
            "-c", "\"$0\" optimize \"$1\" --format csv --skip-analysis -o /dev/stdout | cat > piped.csv",
            CommandLineRun.executable.path, Self.study,
        ]
        let process = try cli.start(shell, executable: URL(fileURLWithPath: "/bin/sh"))
        let outcome = try cli.finish(process)
        #expect(outcome.status == 0 && outcome.error.isEmpty, "\(outcome.error)")
        #expect(try cli.read("piped.csv").hasPrefix("status,facility,hardware,"))
    }

    @Test func aFullDiskOnStandardOutputExits73() throws {
        defer { cli.remove() }
        for arguments in [["optimize", Self.study, "--format", "json", "--skip-analysis"], ["validate", Self.study]] {
            let outcome = try cli.run(arguments, standardOutput: "/dev/full")
            #expect(outcome.status == 73, "\(arguments)")
            #expect(
                outcome.error.contains("error: cannot write to standard output: no space left on the device"),
                "\(outcome.error)")
        }
    }

    @Test func aTimeLimitBeyondGLPKsIsAUsageErrorNotATrap() throws {
        defer { cli.remove() }
        for command in ["optimize", "stress", "report"] {
            let outcome = try cli.run([command, Self.study, "--time-limit", "1e16"])
            #expect(outcome.status == 64 && !outcome.signalled, "\(command)")
            #expect(
                outcome.error.contains("--time-limit must be a number of seconds greater than 0 and at most 2147483"))
        }
        let sweep = try cli.run(["sweep", CommandLineRun.sweep, "--time-limit", "1e16"])
        #expect(sweep.status == 64)
        #expect(try cli.names() == ["study"])
    }

    @Test func everyHelpNamesEveryExitStatus() throws {
        defer { cli.remove() }
        for command in [[], ["optimize"], ["stress"], ["report"], ["sweep"], ["merge"]] {
            let help = try cli.run(command + ["--help"])
            let words = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                words.contains("66 input missing or unreadable, 70 solver failure, 73 output not writable"),
                "\(command)")
        }
    }
}

/// Reads a FIFO to its end on a thread of its own (opening it blocks until a writer appears).
final class ReaderThread: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        Thread.detachNewThread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = handle.readDataToEndOfFile()
                try? handle.close()
            }
            done.signal()
        }
    }

    func text() -> String {
        _ = done.wait(timeout: .now() + 60)
        return String(decoding: data, as: UTF8.self)
    }
}
