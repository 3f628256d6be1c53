import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import PlacementLoader
import PlacementModel
import PlacementOptimizer

/// `block-probe`: one (year, scenario) dispatch block of a study, built, loaded into GLPK and
/// solved cold and warm, with its memory; then what the decomposed solve of the whole study
/// would need at that rate (every block resident, one pass over the blocks). For studies too
/// large to solve here: it sizes the decomposition from one block without building the rest.
struct BlockProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block-probe",
        abstract: "Build, load and solve one dispatch block of a study; extrapolate to all blocks.",
        discussion: """
            Capacity is each fleet's share of its facility's power in the block's year (cold solve), \
            then 90% of it (the warm re-solve a Benders iteration makes).
            """
    )

    @Option(help: ArgumentHelp("The study file.", valueName: "path"))
    var study: String

    @Option(help: ArgumentHelp("The block: year position x scenarios + scenario position.", valueName: "index"))
    var block = 0

    @Option(
        help: ArgumentHelp(
            "Probe only this slice of the block, as the solve splits blocks without share rows (one part).",
            valueName: "slice"))
    var slice: Int?

    @Option(
        name: .customLong("capacity-change"),
        help: ArgumentHelp("The warm re-solve's capacity, as a factor of the cold solve's.", valueName: "factor"))
    var capacityChange = 0.9

    @Flag(
        help: "Move each fleet's capacity by its own factor, 0.5 to 2 by fleet number, as early Benders iterations do.")
    var spread = false

    @Flag(
        name: .customLong("compare-starts"),
        help: "Also time the warm primal simplex from the same basis and a cold primal solve at the new capacity.")
    var compareStarts = false

    @Option(help: ArgumentHelp("Threads the extrapolated pass would use.", valueName: "count"))
    var threads = 2

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Stop each solve after this many seconds.", valueName: "seconds"))
    var timeLimit: Double = 600

    func validate() throws {
        guard FileManager.default.fileExists(atPath: study) else {
            throw ValidationError("--study \(study): no such file")
        }
        guard block >= 0 else { throw ValidationError("--block must be at least 0, got \(block)") }
        if let slice, slice < 0 { throw ValidationError("--slice must be at least 0, got \(slice)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        // GLPK takes its limit in milliseconds as a 32-bit int.
        guard timeLimit > 0, timeLimit <= Double(Int32.max / 1000) else {
            throw ValidationError(
                "--time-limit must be a number of seconds in (0, \(Int32.max / 1000)], got \(timeLimit)")
        }
    }

    func run() throws {
        let baseline = residentMiB()
        let (loaded, loadSeconds) = try measure { try StudyLoader().loadStudy(at: study) }
        let (index, indexSeconds) = try measure { try PlacementProgramBuilder(study: loaded.study).makeIndex() }
        guard block < index.blockCount else {
            throw BenchError(description: "--block \(block): the study has \(index.blockCount) blocks")
        }
        say(
            "study \(study): \(index.blockCount) blocks (\(index.years.count) years x \(index.scenarios.count) "
                + "scenarios), \(index.slices) slices, \(index.fleets.count) fleets, \(index.demandPoints.count) demand points"
        )
        say(String(format: "load %.3f s, index %.3f s, resident %.0f MiB", loadSeconds, indexSeconds, residentMiB()))

        if let slice, slice >= index.slices {
            throw BenchError(description: "--slice \(slice): the study has \(index.slices) slices")
        }
        let beforeBuild = residentMiB()
        let builder = DispatchBlockBuilder(index: index, named: false)
        let (program, buildSeconds) = measure {
            slice.map {
                builder.build(
                    year: block / index.scenarios.count, scenario: block % index.scenarios.count, parts: [$0..<$0 + 1],
                    retire: false)
            } ?? builder.build(block: block)
        }
        let model = program.model
        let programMiB = residentMiB() - beforeBuild
        say(
            String(
                format: "block %d%@: %d rows, %d columns, %d nonzeros; built in %.3f s, %.1f MiB in Swift", block,
                slice.map { ", slice \($0)" } ?? "", model.constraintCount, model.variableCount, model.nonzeroCount,
                buildSeconds, programMiB))

        var options = GLPKOptions()
        options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up)))
        let beforeLoad = residentMiB()
        let (session, loadIntoGLPK) = try measure {
            try GLPKSession(model: model, options: options, retainsMatrix: false)
        }
        let sessionMiB = residentMiB() - beforeLoad
        say(String(format: "loaded into GLPK in %.3f s, %.1f MiB more resident", loadIntoGLPK, sessionMiB))

        let capacity = powerShare(index: index, year: block / index.scenarios.count)
        try session.setBounds(program.capacityBounds(installed: capacity))
        // Cold, the pipeline uses the primal simplex (GLPK's dual needed ~20x its iterations on this LP).
        let (cold, coldSeconds) = try measure { try session.solve(using: .primal) }
        say(
            String(
                format: "cold primal simplex: %@, %d iterations, %.3f s", cold.termination.rawValue,
                cold.statistics.iterations, coldSeconds))
        guard cold.termination == .optimal else {
            throw BenchError(description: "the cold solve ended \(cold.termination.rawValue): no warm re-solve to time")
        }
        let coldBasis = try session.basis()
        let changed = capacity.enumerated().map { fleet, units in
            units * (spread ? 0.5 + Double((fleet * 7919) % 101) / 100 * 1.5 : capacityChange)
        }
        let change = spread ? "each fleet's capacity x 0.5-2" : String(format: "capacity x %.2f", capacityChange)
        try session.setBounds(program.capacityBounds(installed: changed))
        let (warm, warmSeconds) = try measure { try session.solve(using: .dual) }
        say(
            String(
                format: "warm dual simplex after %@: %@, %d iterations, %.3f s%@", change,
                warm.termination.rawValue, warm.statistics.iterations, warmSeconds,
                warm.statistics.warmStarted ? "" : " (not warm: GLPK kept no basis)"))
        if compareStarts, let coldBasis {
            try session.setBasis(coldBasis)
            let (primal, primalSeconds) = try measure { try session.solve(using: .primal) }
            say(
                String(
                    format: "warm primal simplex from the same basis: %@, %d iterations, %.3f s",
                    primal.termination.rawValue, primal.statistics.iterations, primalSeconds))
            var moved = model
            for (row, bound) in program.capacityBounds(installed: changed) { moved.setBound(row, bound) }
            let (fresh, freshSeconds) = try measure {
                try GLPKSession(model: moved, options: options, retainsMatrix: false).solve(using: .primal)
            }
            say(
                String(
                    format: "cold primal simplex at the new capacity: %@, %d iterations, %.3f s",
                    fresh.termination.rawValue, fresh.statistics.iterations, freshSeconds))
        }
        // A slice stands for every part of every block.
        let blocks = Double(index.blockCount * (slice == nil ? 1 : index.slices))
        let threads = Double(threads)
        say(
            String(
                format: "extrapolated to %d %@: every one resident %.1f GiB (GLPK) + %.1f GiB (Swift programs); "
                    + "one pass on %d threads: cold %.0f s, warm %.0f s; rebuilding and loading every one once %.0f s",
                Int(blocks), slice == nil ? "blocks" : "parts", blocks * sessionMiB / 1024, blocks * programMiB / 1024,
                Int(threads),
                blocks * coldSeconds / threads, blocks * warmSeconds / threads,
                blocks * (buildSeconds + loadIntoGLPK) / threads))
        say(
            String(
                format: "resident now %.0f MiB (process start %.0f MiB), peak %.0f MiB", residentMiB(), baseline,
                peakMemoryMiB()))
    }

    /// Prints a line at once: a probe can run for many minutes, and its log should show each step.
    private func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Each fleet's share of its facility's power in year position `y`, in accelerators: the power
    /// divided equally among the facility's fleets, at each fleet's power per accelerator.
    private func powerShare(index: PlacementIndex, year y: Int) -> [Double] {
        let study = index.study
        let year = index.years[y]
        return index.fleets.map { fleet in
            let facility = study.facilities[fleet.facility]
            let fleets = Double(index.fleets.filter { $0.facility == fleet.facility }.count)
            let megawatts = facility.powerMWSeries.value(in: year, default: 0)
            return megawatts * 1000 / fleets / study.hardware[fleet.hardware].powerKW
        }
    }
}
