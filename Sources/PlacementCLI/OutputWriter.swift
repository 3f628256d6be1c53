import Foundation
import OutputFiles

/// Writes a command's output to a file (see ``OutputFile``) or, for `-`, to standard output;
/// a failure is reported as `error: cannot write PATH: why` and exits 73.
enum OutputWriter {
    static func write(_ text: String, to path: String, flag: String) throws {
        if path == "-" { return try StandardOutput.write(text) }
        try write(Data(text.utf8), to: path, flag: flag)
    }

    /// Writes bytes (a workbook) to a file; never to standard output, which the caller refused.
    static func write(_ data: Data, to path: String, flag: String) throws {
        precondition(path != "-", "binary output is refused on standard output before any work")
        try RunFiles.checkOutput(path, flag: flag)
        do { try OutputFile.write(data, to: path) } catch {
            printError("error: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
    }
}
