import ArgumentParser
import Foundation
import PlacementCompare
import PlacementModel
import PlacementPlanning
import PlacementReports

/// A result for `compare` and `report --compare`: a saved `optimize --format json` file, or a
/// study (any other path) optimized and analysed here. Either way it is read through the same
/// decoding layer (``ResultSnapshot``), so both kinds compare alike.
enum ResultInput {
    static func isSavedResult(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }

    /// `--plan FILE` of the commands that hold a saved plan: it must be a saved result.
    static func checkSavedPlan(_ plan: String?) throws {
        guard let plan, !isSavedResult(plan) else { return }
        throw ValidationError("--plan needs a saved result of `placement optimize --format json` (a .json file)")
    }

    /// The largest saved result read (16 MiB). The bundled study's result is 0.7 MB; JSON parsing
    /// takes about 60 times a file's size in memory, so a larger file would risk the machine.
    static let maximumBytes = 16 << 20

    /// Reads a saved result: exit 66 when it cannot be read, 65 when it is not a result.
    static func loadSaved(_ path: String) throws -> ResultSnapshot {
        // A saved result is an input like a study: no output of the run may replace it.
        try RunFiles.recordInputs([path]) { _ in "a saved result read by" }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            printError("\(path): error: \(reason)\n  hint: give a result written by `placement optimize --format json`")
            throw ExitStatus.missingInput
        }
        defer { try? handle.close() }
        // A regular file is measured before reading; a pipe is read at most one byte past the limit.
        var status = stat()
        let tooLarge =
            fstat(handle.fileDescriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
            && status.st_size > maximumBytes
        func refuseSize() -> ExitCode {
            printError("\(path): error: the result is larger than the 16 MiB limit")
            printError("  hint: results of `placement optimize --format json` are far smaller; is this the right file?")
            return ExitStatus.invalidData
        }
        if tooLarge { throw refuseSize() }
        let data: Data
        do { data = try handle.read(upToCount: maximumBytes + 1) ?? Data() } catch {
            printError(
                "\(path): error: cannot read the file\n  hint: give a result written by `placement optimize --format json`"
            )
            throw ExitStatus.missingInput
        }
        guard data.count <= maximumBytes else { throw refuseSize() }
        do { return try ResultSnapshot(json: data, file: path) } catch {
            printError("\(error)")
            throw ExitStatus.invalidData
        }
    }

    /// The snapshot of a report made in this run.
    static func snapshot(of report: OptimizeReport) throws -> ResultSnapshot {
        do { return try ResultSnapshot(json: Data(report.json().serialized().utf8), file: report.studyPath) } catch {
            printError("error: cannot read back the result of \(report.studyPath): \(error)")
            throw ExitStatus.solverFailure
        }
    }

    /// A saved result, or the result of optimizing and analysing the study at `path`, started
    /// from the builds of `startingFrom` (a saved result it is compared with) when given.
    static func load(_ path: String, solver: SolverOptions, startingFrom saved: ResultSnapshot? = nil) throws
        -> ResultSnapshot
    {
        if isSavedResult(path) { return try loadSaved(path) }
        let run = try PlanningRun(
            path: path, solver: solver, analyse: true, startingBuilds: saved.map(startingBuilds) ?? [])
        try run.checkOutcome()
        return try snapshot(of: run.report)
    }

    /// The builds of the saved plan at `path` to hold on `study` (`risk --plan`, `report --paths
    /// --plan`, `evaluate`), checked before any solve: exit 65, naming the plan file and its row,
    /// when the result holds no plan, lists a fleet and year twice, or builds what the study cannot
    /// hold. `onSampledPaths`: the study's scenarios are drawn paths, on which an adaptive plan
    /// (builds by scenario) cannot be held.
    static func heldBuilds(
        _ saved: ResultSnapshot, path: String, study: Study, studyPath: String, onSampledPaths: Bool = false
    ) throws -> [PlanningOptions.StartingBuild] {
        func refuse(
            _ field: String, _ message: String,
            hint: String = "hold a result of `placement optimize \(studyPath) --format json`"
        ) -> ExitCode {
            printError(ResultFileError(file: path, field: field, message: message, hint: hint).description)
            return ExitStatus.invalidData
        }
        guard saved.hasPlan else {
            throw refuse(ResultKey.capacity, "missing: the result holds no plan (it ended \(saved.termination))")
        }
        var first: [String: Int] = [:]
        for (position, row) in saved.capacity.enumerated() {
            let key = [row.facility, row.hardware, String(row.year), row.scenario ?? ""].joined(separator: "\u{0}")
            if let earlier = first[key] {
                throw refuse(
                    "\(ResultKey.capacity)[\(position)]",
                    "\(row.hardware) at \(row.facility) in \(row.year)\(row.scenario.map { " (\($0))" } ?? "") is listed "
                        + "again (first at \(ResultKey.capacity)[\(earlier)])")
            }
            first[key] = position
        }
        if onSampledPaths, let position = saved.capacity.firstIndex(where: { $0.scenario != nil && $0.built > 0 }) {
            throw refuse(
                "\(ResultKey.capacity)[\(position)]", PlanningError.adaptiveHoldReason + ", not on sampled paths",
                hint: "hold a here-and-now plan: optimize the study with decisions: here-and-now, --format json")
        }
        // Every row, 0 units included, so that rows of one decision are compared; positions are rows.
        let rows = builds(of: saved.capacity)
        if let refusal = try HeldBuilds.unholdable(rows, in: study) {
            throw refuse("\(ResultKey.capacity)[\(refusal.position)]", refusal.reason)
        }
        return rows.filter { $0.units > 0 }
    }

    /// The builds of a saved plan, to start a study's decomposed solve from: the parts of the plan
    /// an edit does not touch then keep their values instead of moving within the solver's gap.
    static func startingBuilds(_ saved: ResultSnapshot) -> [PlanningOptions.StartingBuild] {
        builds(of: saved.capacity.filter { $0.built > 0 })
    }

    /// One build per capacity row, in order.
    private static func builds(of rows: [ResultSnapshot.Capacity]) -> [PlanningOptions.StartingBuild] {
        rows.map { row in
            PlanningOptions.StartingBuild(
                facility: FacilityID(row.facility), hardware: HardwareID(row.hardware), year: row.year,
                units: row.built, scenario: row.scenario.map { ScenarioID($0) })
        }
    }
}
