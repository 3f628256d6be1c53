import Foundation
import LinearProgramming

/// Writes model files atomically (a temporary file beside the target, renamed over it
/// once complete) in the portable form described by ``ModelFileFormat``.
enum ModelFileWriter {
    static let constantColumnName = "objective_constant"

    static func write(_ model: LinearProgram, to url: URL, format: ModelFileFormat) throws {
        let portable = portableForm(of: model, for: format)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)"
                + ".\(UInt64.random(in: 0...UInt64.max)).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let problem = try GLPKProblem(model: portable)
        try problem.write(format, to: temporary.path)
        var text = try String(contentsOf: temporary, encoding: .utf8)
        text = header(for: model, format: format) + text
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            throw GLPKError.exportFailed(path: url.path)
        }
    }

    /// The model with its constant in a fixed column and, for MPS, as a minimisation.
    static func portableForm(of model: LinearProgram, for format: ModelFileFormat) -> LinearProgram {
        var portable = model
        if model.objectiveConstant != 0 {
            portable.addVariable(name: constantColumnName, lower: 1, upper: 1, objective: model.objectiveConstant)
            portable.objectiveConstant = 0
        }
        if format == .freeMPS && model.sense == .maximize {
            for variable in portable.variables {
                portable.setObjectiveCoefficient(variable, -portable.objectiveCoefficient(of: variable))
            }
            portable.sense = .minimize
        }
        return portable
    }

    private static func header(for model: LinearProgram, format: ModelFileFormat) -> String {
        let mark = format == .freeMPS ? "*" : "\\"
        var lines = ["Exported by SovereignPlacement from model '\(model.name)'."]
        if format == .freeMPS && model.sense == .maximize {
            lines.append("The model MAXIMISES its objective; this file MINIMISES its negation:")
            lines.append("the model's optimum is minus the optimum a solver reports for this file.")
        } else {
            lines.append("Objective sense: \(model.sense == .maximize ? "maximise" : "minimise").")
        }
        if model.objectiveConstant != 0 {
            lines.append(
                "The objective constant \(model.objectiveConstant) is the cost of column "
                    + "\(constantColumnName), fixed at 1.")
        }
        return lines.map { "\(mark) \($0)\n" }.joined()
    }
}
