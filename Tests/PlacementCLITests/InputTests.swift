import Foundation
import Testing

/// Inputs that hung or crashed the tool: FIFOs anywhere a file is named, extreme numbers.
@Suite struct InputTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    /// Runs with a watchdog: a hang is killed after 30 s and reported as a signal.
    func runGuarded(_ arguments: [String]) throws -> CommandLineRun.Outcome {
        let started = try cli.start(arguments)
        let pid = started.process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }
        return try cli.finish(started)
    }

    @Test(arguments: [
        (
            "study.fifo", ["validate", "study.fifo"],
            "cannot read 'study.fifo': it is a FIFO (named pipe), not a regular file"
        ),
        (
            "study/Regions/gulf.yaml", ["optimize", CommandLineRun.study],
            "cannot read 'study/Regions/gulf.yaml': it is a FIFO (named pipe), not a regular file"
        ),
        (
            "sweep.fifo", ["sweep", "sweep.fifo"],
            "cannot read 'sweep.fifo': it is a FIFO (named pipe), not a regular file"
        ),
        (
            "study/Models/baseline.yaml", ["sweep", CommandLineRun.sweep],
            "cannot read 'study/Models/baseline.yaml': it is a FIFO (named pipe), not a regular file"
        ),
    ])
    func aFIFOGivenAsAnInputIsRefusedNotWaitedOn(fifo: String, arguments: [String], message: String) throws {
        defer { cli.remove() }
        if cli.exists(fifo) { try FileManager.default.removeItem(atPath: cli.path(fifo)) }
        try cli.makeFIFO(fifo)
        let outcome = try runGuarded(arguments)
        #expect(!outcome.signalled, "hung")
        #expect(outcome.status == 66)
        #expect(outcome.error.contains(message), "\(outcome.error)")
    }

    /// Numbers that passed `validate` and then failed inside GLPK, or trapped, are located errors.
    @Test func extremeNumbersAreLocatedErrorsNotSolverFailures() throws {
        defer { cli.remove() }
        let tenants = try cli.read("study/Models/tenants.yaml")
        try cli.write(
            "study/Models/tenants.yaml",
            tenants.replacingOccurrences(
                of: "annual_units: {2026: 5.0e6,",
                with: "annual_units: {2026: 1e19,"))
        let outcome = try cli.run(["optimize", CommandLineRun.study])
        #expect(outcome.status == 65 && !outcome.signalled)
        #expect(
            outcome.error.contains(
                "study/Models/tenants.yaml:27:28: error: 'demand.annual_units.2026' must be at most 1e18, "
                    + "found 1e19"), "\(outcome.error)")
    }
}
