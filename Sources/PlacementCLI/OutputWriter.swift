import Foundation
import OutputFiles

/// Writes a command's output to a file (see ``OutputFile``) or, for `-`, to standard output;
/// a failure is reported as `error: cannot write PATH: why` and exits 73.
enum OutputWriter {
    static func write(_ text: String, to path: String, flag: String) throws {
        if path == "-" { return try StandardOutput.write(text) }
        try RunFiles.checkOutput(path, flag: flag)
        do { try OutputFile.write(Data(text.utf8), to: path) } catch {
            printError("error: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
    }
}
