import Foundation
import GLPKSolver
import LinearProgramming
import PlacementAnalysis
import PlacementLoader
import PlacementModel
import PlacementOptimizer

/// `scale`: one study through the whole pipeline `placement optimize` runs (load, build,
/// solve with GLPK, read the plan and its utilization), timing each phase, for the design.md §6
/// goals that everything outside GLPK's simplex stays under 10% of the total and that a
/// 1,000,000-nonzero study solves on this machine. With `--glpsol` the same model is
/// exported to free MPS and solved by glpsol as an independent check of the objective.
enum ScaleBenchmark {
    struct Options {
        var study: String
        var method: GLPKOptions.Method = .primal
        var glpsol = false
        var buildOnly = false
        var timeLimit: Double?
        var solverLog = false
    }

    static func run(_ options: Options) throws {
        let (loaded, loadSeconds) = try load(options.study)
        let loadPeak = peakMemoryMiB()
        let study = loaded.study
        print("study: \(options.study): \(study.regions.count) regions, \(study.zones.count) zones, "
              + "\(study.facilities.count) facilities, \(study.tenants.count) tenants, \(study.horizon.years.count) years, "
              + "\(study.scenarios.count) scenarios, \(study.timeSlices) slices (\(loaded.warnings.count) load warnings)")

        let (program, buildSeconds) = try measure { try PlacementProgramBuilder(study: study).build() }
        let buildPeak = peakMemoryMiB()
        let model = program.model
        print("model: \(model.constraintCount) rows, \(model.variableCount) columns, \(model.nonzeroCount) nonzeros "
              + "(\(program.index.demandPoints.count) demand points, \(program.index.fleets.count) fleets, "
              + "\(program.index.unreachable.count) unreachable tenant-zone pairs)")
        print("phase      seconds   peak MiB")
        printPhase("load", loadSeconds, loadPeak)
        printPhase("build", buildSeconds, buildPeak)
        guard !options.buildOnly else { return }

        var glpk = GLPKOptions()
        glpk.method = options.method
        glpk.log = options.solverLog ? .standardError : .off
        if let timeLimit = options.timeLimit { glpk.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
        let (solution, solveSeconds) = try measure { try GLPKSolver(options: glpk).solve(model) }
        let solvePeak = peakMemoryMiB()
        // GLPKSolver times its simplex call itself (crash basis, simplex, reading the
        // solution); the rest of the phase is validation, loading into GLPK and scaling.
        let simplexSeconds = solution.statistics.seconds
        printPhase("solve", solveSeconds, solvePeak,
                   "validate + load into GLPK + scale \(fixed(solveSeconds - simplexSeconds)) s, "
                       + "\(options.method.rawValue) simplex \(fixed(simplexSeconds)) s, \(solution.statistics.iterations) iterations")

        let (builds, resultSeconds) = measure { solution.primal.map(program.builtUnits) }
        printPhase("results", resultSeconds, peakMemoryMiB(), "builds read back")
        let total = loadSeconds + buildSeconds + solveSeconds + resultSeconds
        printPhase("total", total, peakMemoryMiB())
        print(String(format: "non-solver share: %.1f%% of the total (everything but the simplex %.3f s; design goal < 10%%)",
                     100 * (total - simplexSeconds) / total, total - simplexSeconds))
        print("termination: \(solution.termination.rawValue)" + (solution.message.map { " (\($0))" } ?? ""))
        if let objective = solution.objectiveValue {
            print(String(format: "objective: %.6f thousand USD", objective))
        }
        if let builds {
            print(String(format: "plan: %.0f accelerators built", builds.joined().reduce(0, +)))
        }
        print(String(format: "peak memory of this process: %.0f MiB", peakMemoryMiB()))
        fflush(nil)

        if options.glpsol {
            try compareWithGlpsol(model, solution: solution, options: options, ours: (total, solveSeconds))
        }
    }

    private static func load(_ path: String) throws -> (LoadedStudy, Double) {
        do {
            return try measure { try StudyLoader().loadStudy(at: path) }
        } catch let failure as LoadFailure {
            for diagnostic in failure.errors.prefix(20) { print(diagnostic) }
            throw BenchCommand.UsageError(description: "\(path) does not load: \(failure.errors.count) error(s)")
        }
    }

    private static func fixed(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    private static func printPhase(_ name: String, _ seconds: Double, _ peak: Double, _ detail: String = "") {
        print(String(format: "%-8@ %9.3f %10.0f   %@", name as NSString, seconds, peak, detail as NSString))
        // stdout is block-buffered when it is a file: flush (all streams; `stdout` itself is
        // not reachable from Swift 6) so a long run's log shows each phase as it ends.
        fflush(nil)
    }

    /// Exports the model to free MPS, solves it with glpsol and checks the objective. The
    /// export minimises the negated objective (GLPK reads no OBJSENSE), so glpsol's optimum
    /// is minus ours, both in thousands of USD (`PlacementProgram.moneyScale`).
    private static func compareWithGlpsol(
        _ model: LinearProgram, solution: Solution, options: Options, ours: (total: Double, solve: Double)
    ) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("placement-bench-scale-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mps = directory.appendingPathComponent("model.mps")
        let (_, exportSeconds) = try measure { try GLPKSolver.export(model, to: mps, format: .freeMPS) }
        let size = (try? FileManager.default.attributesOfItem(atPath: mps.path)[.size] as? Int) ?? 0
        print(String(format: "export free MPS: %.3f s, %.1f MiB", exportSeconds, Double(size) / 1_048_576))
        fflush(nil)

        let run = try GlpsolRun.solve(mps: mps, method: options.method, timeLimit: options.timeLimit, workDirectory: directory)
        print("glpsol --freemps --\(options.method.rawValue): \(fixed(run.seconds)) s wall (its own \"Time used\" "
              + "\(run.reportedSeconds.map { String($0) } ?? "?") s, memory \(run.reportedMemory ?? "?")), "
              + "exit \(run.exitStatus), \(run.statusLine ?? "no status line")")
        print(String(format: "ratio glpsol wall / our total: %.2fx; / our solve phase: %.2fx",
                     run.seconds / ours.total, run.seconds / ours.solve))
        guard let theirs = run.objective, let objective = solution.objectiveValue else {
            print("objective agreement: not checked (no objective from " + (run.objective == nil ? "glpsol)" : "our solve)"))
            return
        }
        let difference = abs(objective + theirs) / max(1, abs(objective))
        print(String(format: "glpsol objective %.10g, ours %.10g thousand USD", theirs, objective)
              + " (the file minimises -objective; glpsol primal status '\(run.primalStatus ?? "?")')")
        print(String(format: "objective agreement: relative difference %.2e (goal <= 1e-7): ", difference)
              + (difference <= 1e-7 ? "ok" : "MISMATCH"))
    }
}
