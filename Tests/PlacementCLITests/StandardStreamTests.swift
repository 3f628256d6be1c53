import Foundation
import Testing

/// Help, version and a closed pipe: what is written to standard output is checked like any output.
@Suite struct StandardStreamTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    @Test(arguments: [["--help"], ["--version"], ["optimize", "--help"], ["--generate-completion-script", "bash"]])
    func helpAndVersionOnAFullDeviceExit73(arguments: [String]) throws {
        defer { cli.remove() }
        let outcome = try cli.run(arguments, standardOutput: "/dev/full")
        #expect(outcome.status == 73, "\(arguments)")
        #expect(outcome.error.contains("error: cannot write to standard output: no space left on the device"))
        let fine = try cli.run(arguments)
        #expect(fine.status == 0 && !fine.output.isEmpty)
    }

    /// `placement report -o - | head`: the reader stopped; the tool ends quietly with 73, not by SIGPIPE.
    @Test func aClosedPipeEndsQuietlyWith73() throws {
        defer { cli.remove() }
        // Standard output is a pipe whose read end is closed before the run, as `head` closes it.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let process = Process()
        process.executableURL = CommandLineRun.executable
        process.arguments = ["report", "study/Models/baseline.yaml", "-o", "-"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = pipe.fileHandleForWriting
        let error = Pipe()
        process.standardError = error
        try process.run()
        try pipe.fileHandleForWriting.close()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 73)
        #expect(message.isEmpty, "\(message)")
    }

    @Test(arguments: [("--time-limit", "-1"), ("--gap", "-0.5"), ("--threads", "-2")])
    func aNegativeNumberIsReadAsTheValueAndRefusedByName(flag: String, value: String) throws {
        defer { cli.remove() }
        let outcome = try cli.run(["optimize", CommandLineRun.study, flag, value])
        #expect(outcome.status == 64)
        #expect(!outcome.error.contains("Missing value"), "\(outcome.error)")
        #expect(outcome.error.contains("\(flag) must be"), "\(outcome.error)")
    }
}
