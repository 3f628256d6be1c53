import Foundation
import PlacementTestSupport
import Testing

/// Runs the built `placement` executable in a scratch directory holding a copy of the small
/// sweep-test study, and captures its exit status, standard output and standard error.
struct CommandLineRun {
    /// A fresh directory with `study/Models/...` and `study/Regions/...`.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("placement-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixture, to: directory.appendingPathComponent("study"))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let study = "study/Models/baseline.yaml"
    static let sweep = "study/Models/sweep.yaml"

    /// The sweep tests' study, found from this source file (the repository is at hand under `swift test`).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlacementSweepTests/Fixtures/study")

    /// The `placement` binary beside the test bundle (`swift build` puts every product in one directory).
    static let executable: URL = {
        var candidates: [URL] = []
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: path).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in candidates {
            var current = directory
            for _ in 0..<4 {
                let binary = current.appendingPathComponent("placement")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                current.deleteLastPathComponent()
            }
        }
        return URL(fileURLWithPath: "placement")
    }()

    struct Outcome {
        var status: Int32
        var output: String
        var error: String
        /// Whether the process ended by a signal (then `status` is the signal number).
        var signalled: Bool
    }

    /// Runs `placement arguments` in ``directory``; `standardOutput` names a file to write stdout to.
    @discardableResult
    func run(_ arguments: [String], standardOutput: String? = nil) throws -> Outcome {
        let process = try start(arguments, standardOutput: standardOutput)
        return try finish(process)
    }

    /// Runs `placement arguments` under `ulimit -f blocks` (through `/bin/sh`, which `exec`s the tool).
    func runUnderFileSizeLimit(blocks: Int, _ arguments: [String], standardOutput: String? = nil) throws -> Outcome {
        let shell = ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", Self.executable.path] + arguments
        let process = try start(shell, standardOutput: standardOutput, executable: URL(fileURLWithPath: "/bin/sh"))
        return try finish(process)
    }

    /// Runs `optimize` on the suite's study and saves its result as `plan.json` (the plan that
    /// `--plan plan.json` holds); a failed solve fails the test there.
    func savePlan() throws {
        let optimize = try run(["optimize", Self.study, "--format", "json", "-o", "plan.json"])
        try #require(optimize.status == 0, "\(optimize.error)")
    }

    struct Started {
        let process: Process
        let output: URL
        let error: URL
        let captured: Bool
    }

    func start(_ arguments: [String], standardOutput: String? = nil, executable: URL = executable) throws -> Started {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let id = UUID().uuidString
        let output =
            standardOutput.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("out-\(id)")
        let error = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(id)")
        for file in (standardOutput == nil ? [output] : []) + [error]
        where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, output: output, error: error, captured: standardOutput == nil)
    }

    func finish(_ started: Started) throws -> Outcome {
        started.process.waitUntilExit()
        defer {
            if started.captured { try? FileManager.default.removeItem(at: started.output) }
            try? FileManager.default.removeItem(at: started.error)
        }
        let output = started.captured ? (try String(contentsOf: started.output, encoding: .utf8)) : ""
        return Outcome(
            status: started.process.terminationStatus, output: output,
            error: try String(contentsOf: started.error, encoding: .utf8),
            signalled: started.process.terminationReason == .uncaughtSignal)
    }

    /// What ``runMeasuringPeakMemory(_:)`` saw of one child.
    struct Measured {
        /// The exit status, or 128 + the signal number when a signal ended the process.
        var status: Int32
        var peakKiB: Int
        var error: String
    }

    /// Runs `placement arguments` in ``directory`` (standard output discarded) and returns its exit
    /// status, its standard error and its own peak resident memory. `wait4` reads that one child's
    /// usage; `RUSAGE_CHILDREN` would report the largest of every child of the test process, glpsol
    /// runs of other suites included. The shell `exec`s the tool, so the child measured is the tool.
    func runMeasuringPeakMemory(_ arguments: [String]) throws -> Measured {
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let errorFile = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let command = ([Self.executable.path] + arguments).map(quoted).joined(separator: " ")
        let script =
            "cd \(quoted(directory.path)) && exec \(command) >/dev/null 2>\(quoted(errorFile.path)) </dev/null"
        let words: [String] = ["/bin/sh", "-c", script]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        var waited = wait4(pid, &status, 0, &usage)
        while waited == -1 && errno == EINTR { waited = wait4(pid, &status, 0, &usage) }
        guard waited == pid else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
        // The wait status: a normal exit has signal bits 0-6 clear and the code in bits 8-15.
        let signal = status & 0x7f
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Measured(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, peakKiB: usage.ru_maxrss, error: error)
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Adds the sample tests' `uncertainty:` section to the study's scenarios file (for `risk`).
    func appendUncertainty() throws {
        let scenarios = directory.appendingPathComponent("study/Models/scenarios.yaml")
        let text = try String(contentsOf: scenarios, encoding: .utf8)
        try (text + UncertaintyFixture.section).write(to: scenarios, atomically: true, encoding: .utf8)
    }

    /// Makes the copied test study adaptive (`decisions: adaptive`, docs/design.md §9).
    func makeStudyAdaptive() throws {
        let path = directory.appendingPathComponent(Self.study).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data((text + "decisions: adaptive\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// Every file name in the directory (not recursive), hidden ones included.
    func names() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) }

    /// Makes a FIFO at `relative`.
    func makeFIFO(_ relative: String) throws {
        guard mkfifo(path(relative), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The file type bits of `relative` (S_IFIFO, S_IFREG, ...), symbolic links not followed.
    func type(_ relative: String) -> mode_t {
        var status = stat()
        guard lstat(path(relative), &status) == 0 else { return 0 }
        return status.st_mode & S_IFMT
    }
}
