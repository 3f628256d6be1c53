import Foundation
import GLPKSolver
import LinearProgramming
import PlacementAnalysis
import PlacementLoader
import PlacementModel
import PlacementOptimizer
import PlacementPlanning

/// One study through the whole pipeline `placement optimize` runs (load, build, solve,
/// read the plan and its utilization), timing each phase, for the design.md §6 goals that
/// everything outside the solver stays under 10% of the total and that a
/// 1,000,000-nonzero study solves on this machine. The model is then exported once to free
/// MPS for the outside references: glpsol (`--glpsol`) and HiGHS on one thread (`--highs`).
struct ScaleBenchmark {
    struct Options {
        var methods: [ScaleMethod]
        var glpsol = false
        var highs: HighsSettings?
        var buildOnly = false
        var timeLimit: Double?
        var solverLog = false
        var progress = false
        var monolithicMaxNonzeros: Int?
    }

    struct HighsSettings {
        var script: String
        var python: String
    }

    /// One line of the closing side-by-side table.
    struct Row {
        var study: String
        var size: (rows: Int, columns: Int, nonzeros: Int)
        var solver: String
        var status: String
        /// Thousands of USD, the model's sense.
        var objective: Double?
        /// The solve proper: the tool's solve phase (load into GLPK, scale, simplex); HiGHS's run().
        var solveSeconds: Double
        /// Everything: the tool's load + build + solve + results; the HiGHS process (Python, read, solve).
        var totalSeconds: Double
        var iterations: Int
        var peakMiB: Double

        /// A method `--monolithic-max-nonzeros` kept from running: a row of dashes.
        static func skipped(_ study: String, _ size: (rows: Int, columns: Int, nonzeros: Int), solver: String) -> Row {
            Row(
                study: study, size: size, solver: solver, status: "skipped", objective: nil, solveSeconds: .nan,
                totalSeconds: .nan, iterations: 0, peakMiB: .nan)
        }
    }

    /// A method's run of this study, for the outside references to compare with.
    private struct Solved {
        var method: ScaleMethod
        var row: Row
    }

    let options: Options

    func run(study path: String) throws -> [Row] {
        resetPeakMemory()
        let (loaded, loadSeconds) = try load(path)
        let loadPeak = peakMemoryMiB()
        let study = loaded.study
        print(
            "study: \(path): \(study.regions.count) regions, \(study.zones.count) zones, "
                + "\(study.facilities.count) facilities, \(study.tenants.count) tenants, "
                + "\(study.horizon.years.count) years, \(study.scenarios.count) scenarios, \(study.timeSlices) slices "
                + "(\(loaded.warnings.count) load warnings)"
        )

        // The whole LP is built only when something reads it (its size, a monolithic method, the
        // exported MPS), and released before the methods run: each method builds what it solves, so
        // its peak memory is its own. A decomposed-only run never builds it (at 100 million
        // nonzeros it alone would take more memory than the decomposed solve may).
        let wholeNeeded =
            options.buildOnly || options.glpsol || options.highs != nil
            || options.methods.contains(where: \.isMonolithic)
        let builder = PlacementProgramBuilder(study: study)
        var size = (rows: 0, columns: 0, nonzeros: 0)
        let (index, buildSeconds) = try measure { () throws -> PlacementIndex in
            guard wholeNeeded else { return try builder.makeIndex() }
            let program = try builder.build()
            size = (program.model.constraintCount, program.model.variableCount, program.model.nonzeroCount)
            return program.index
        }
        let buildPeak = peakMemoryMiB()
        if wholeNeeded {
            print("model: \(size.0) rows, \(size.1) columns, \(size.2) nonzeros ", terminator: "")
        } else {
            print("model: not built as a whole (decomposed only; sizes are the master's and blocks') ", terminator: "")
        }
        print(
            "(\(index.demandPoints.count) demand points, \(index.fleets.count) fleets, "
                + "\(index.unreachable.count) unreachable tenant-zone pairs, \(index.blockCount) blocks)")
        print("phase      seconds   peak MiB")
        printPhase("load", loadSeconds, loadPeak)
        printPhase("build", buildSeconds, buildPeak)
        guard !options.buildOnly else { return [] }

        var rows: [Row] = []
        var outcomes: [Solved] = []
        let request = ScaleMethod.Request(
            study: study, timeLimit: options.timeLimit, solverLog: options.solverLog,
            progress: options.progress || options.solverLog)
        for method in options.methods {
            if method.isMonolithic, let limit = options.monolithicMaxNonzeros, size.2 > limit {
                print("\(method.name): skipped, \(size.2) nonzeros > --monolithic-max-nonzeros \(limit)")
                rows.append(.skipped(path, size, solver: "tool \(method.name)"))
                continue
            }
            resetPeakMemory()
            let row = try solve(
                with: method, request: request, study: path, size: size, before: loadSeconds + buildSeconds)
            rows.append(row)
            outcomes.append(Solved(method: method, row: row))
        }
        guard options.glpsol || options.highs != nil else { return rows }
        let model = try builder.build().model

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "placement-bench-scale-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mps = directory.appendingPathComponent("model.mps")
        let (_, exportSeconds) = try measure { try GLPKSolver.export(model, to: mps, format: .freeMPS) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: mps.path)[.size] as? Int) ?? 0
        print(String(format: "export free MPS: %.3f s, %.1f MiB", exportSeconds, Double(bytes) / 1_048_576))
        fflush(nil)
        if options.glpsol {
            for outcome in outcomes { try compareWithGlpsol(mps: mps, ours: outcome, directory: directory) }
        }
        if let highs = options.highs {
            let run = try HighsRun.solve(
                mps: mps, script: highs.script, python: highs.python,
                timeLimit: options.timeLimit, log: options.solverLog)
            print(
                "HiGHS \(run.highsVersion), \(run.threads) thread: \(run.status), read \(fixed(run.readSeconds)) s, "
                    + "solve \(fixed(run.seconds)) s, \(run.iterations) iterations, "
                    + "process \(fixed(run.wallSeconds)) s wall, "
                    + String(format: "peak memory %.0f MiB", run.peakRSSMiB))
            for outcome in outcomes {
                print(
                    String(
                        format: "ratio HiGHS solve / tool \(outcome.method.name) solve phase: %.2fx; "
                            + "HiGHS process / tool total: %.2fx", run.seconds / outcome.row.solveSeconds,
                        run.wallSeconds / outcome.row.totalSeconds))
                printAgreement("HiGHS", run.objective, with: outcome)
            }
            rows.append(
                Row(
                    study: path, size: size, solver: "HiGHS", status: run.status, objective: run.objective,
                    solveSeconds: run.seconds, totalSeconds: run.wallSeconds, iterations: run.iterations,
                    peakMiB: run.peakRSSMiB))
        }
        return rows
    }

    /// The solve and results phases with one method; the row's total includes load and build.
    private func solve(
        with method: ScaleMethod, request: ScaleMethod.Request, study path: String,
        size: (rows: Int, columns: Int, nonzeros: Int), before: Double
    ) throws -> Row {
        let (outcome, solveSeconds) = try measure { try method.solve(request) }
        printPhase(
            "solve", solveSeconds, peakMemoryMiB(),
            "\(fixed(solveSeconds - outcome.solverSeconds)) s outside the solver, \(outcome.detail)")
        let ((plan, utilization), resultSeconds) = measure {
            let plan = outcome.readPlan()
            return (plan, plan.map { Utilization(plan: $0) })
        }
        printPhase("results", resultSeconds, peakMemoryMiB(), "plan + utilization")
        let total = before + solveSeconds + resultSeconds
        let size = size.nonzeros > 0 ? size : outcome.size
        printPhase("total", total, peakMemoryMiB())
        print(
            String(
                format: "non-solver share: %.1f%% of the total (everything but the solver %.3f s; DESIGN goal < 10%%)",
                100 * (total - outcome.solverSeconds) / total, total - outcome.solverSeconds))
        print("termination: \(outcome.termination)" + (outcome.message.map { " (\($0))" } ?? ""))
        if let objective = outcome.objective {
            print(String(format: "objective: %.6f thousand USD", objective))
        }
        if let plan, let utilization {
            let study = request.study
            let reference = study.referenceScenario.id
            let last = study.horizon.end
            let fleet =
                utilization.fleet(year: last, scenario: reference).map { String(format: "%.1f%%", 100 * $0) } ?? "-"
            print(
                String(format: "plan: expected NPV %.4e USD, capex %.4e USD", plan.expectedNPV, plan.capexUSD)
                    + "; fleet utilization \(reference.rawValue) \(last): \(fleet)")
        }
        let peak = peakMemoryMiB()
        print(String(format: "peak memory of this process: %.0f MiB", peak))
        fflush(nil)
        return Row(
            study: path, size: size, solver: "tool \(method.name)", status: outcome.termination,
            objective: outcome.objective, solveSeconds: solveSeconds, totalSeconds: total,
            iterations: outcome.iterations, peakMiB: peak)
    }

    private func load(_ path: String) throws -> (LoadedStudy, Double) {
        do {
            return try measure { try StudyLoader().loadStudy(at: path) }
        } catch let failure as LoadFailure {
            for diagnostic in failure.errors.prefix(20) { print(diagnostic) }
            throw BenchError(description: "\(path) does not load: \(failure.errors.count) error(s)")
        }
    }

    private func printPhase(_ name: String, _ seconds: Double, _ peak: Double, _ detail: String = "") {
        // `String(format:)` does not pad %@ on Linux: pad the name in Swift.
        let label = name.padding(toLength: 8, withPad: " ", startingAt: 0)
        print(label + String(format: " %9.3f %10.0f   ", seconds, peak) + detail)
        // stdout is block-buffered when it is a file: flush (all streams; `stdout` itself is
        // not reachable from Swift 6) so a long run's log shows each phase as it ends.
        fflush(nil)
    }

    /// glpsol on the exported MPS. The export minimises the negated objective (GLPK reads no
    /// OBJSENSE), so glpsol's optimum is minus ours, both in thousands of USD.
    private func compareWithGlpsol(mps: URL, ours: Solved, directory: URL) throws {
        let method = ours.method
        let run = try GlpsolRun.solve(
            mps: mps, method: method.glpsolMethod, timeLimit: options.timeLimit,
            workDirectory: directory)
        print(
            "glpsol --freemps --\(method.glpsolMethod.rawValue): \(fixed(run.seconds)) s wall (its own \"Time used\" "
                + "\(run.reportedSeconds.map { String($0) } ?? "?") s, memory \(run.reportedMemory ?? "?")), "
                + "exit \(run.exitStatus), \(run.statusLine ?? "no status line")")
        print(
            String(
                format: "ratio glpsol wall / our total: %.2fx; / our solve phase: %.2fx",
                run.seconds / ours.row.totalSeconds, run.seconds / ours.row.solveSeconds))
        printAgreement("glpsol", run.objective.map { -$0 }, with: ours, goal: 1e-7)
    }

    private func printAgreement(
        _ name: String, _ theirs: Double?, with outcome: Solved, goal: Double = 1e-6
    ) {
        guard let theirs, let ours = outcome.row.objective else {
            print(
                "\(name) objective agreement with \(outcome.method.name): not checked (no objective from "
                    + (outcome.row.objective == nil ? "our solve)" : "\(name))"))
            return
        }
        let difference = abs(ours - theirs) / max(1, abs(ours))
        print(
            String(
                format: "\(name) objective %.10g, tool \(outcome.method.name) %.10g thousand USD: relative difference "
                    + "%.2e (goal <= %.0e): ", theirs, ours, difference, goal)
                + (difference <= goal ? "ok" : "MISMATCH"))
    }

    /// The side-by-side table of a run, every study and solver.
    static func printTable(_ rows: [Row]) {
        print(
            "\nside by side (objective in thousands of USD; solve: the tool's solve phase, HiGHS's run(); "
                + "total: the tool's load to results, the HiGHS process)")
        // (title, width, left-aligned); `String(format:)` does not pad %@ on Linux.
        let columns: [(String, Int, Bool)] = [
            ("study", 28, true), ("rows", 9, false), ("columns", 9, false), ("nonzeros", 10, false),
            ("solver", 13, true),
            ("status", 10, true), ("objective", 18, false), ("solve s", 9, false), ("total s", 9, false),
            ("iterations", 10, false), ("peak MiB", 9, false),
        ]
        func line(_ cells: [String]) -> String {
            zip(columns, cells).map { column, cell in
                let padding = String(repeating: " ", count: max(0, column.1 - cell.count))
                return column.2 ? cell + padding : padding + cell
            }.joined(separator: " ")
        }
        print(line(columns.map(\.0)))
        func figure(_ value: Double, _ format: String) -> String { value.isNaN ? "-" : String(format: format, value) }
        for row in rows {
            // The last two path components: "Models/baseline.yaml", "million/study.yaml".
            let study = row.study.split(separator: "/").suffix(2).joined(separator: "/")
            print(
                line([
                    String(study.suffix(28)), "\(row.size.rows)", "\(row.size.columns)", "\(row.size.nonzeros)",
                    row.solver, row.status, row.objective.map { String(format: "%.6f", $0) } ?? "-",
                    figure(row.solveSeconds, "%.2f"), figure(row.totalSeconds, "%.2f"),
                    row.solveSeconds.isNaN ? "-" : "\(row.iterations)", figure(row.peakMiB, "%.0f"),
                ]))
        }
    }
}
