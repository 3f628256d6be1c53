import Foundation
import GLPKSolver
import LinearProgramming

/// Writes the LP in a model-file format through ``OutputWriter``: GLPK writes it into a private
/// directory, and the text is then written to the user's path like every other output.
enum ModelExport {
    static func write(_ model: LinearProgram, format: ModelFileFormat, to path: String, flag: String) throws {
        var template = Array((NSTemporaryDirectory() + "/placement-export.XXXXXX").utf8CString)
        guard
            let directory = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({
                String(cString: $0)
            })
        else {
            printError("error: cannot write \(path): cannot create a temporary directory")
            throw ExitStatus.cannotCreateOutput
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scratch = URL(fileURLWithPath: directory).appendingPathComponent("model")
        let text: String
        do {
            try GLPKSolver.export(model, to: scratch, format: format)
            text = try String(contentsOf: scratch, encoding: .utf8)
        } catch {
            printError("error: cannot write \(path): GLPK could not export the model: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
        try OutputWriter.write(text, to: path, flag: flag)
    }
}
