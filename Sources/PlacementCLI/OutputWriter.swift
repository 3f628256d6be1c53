import Foundation
import OutputFiles
import PlacementModel
import PlacementWorkbook

/// Writes a command's output to a file (see ``OutputFile``) or, for `-`, to standard output;
/// a failure is reported as `error: cannot write PATH: why` and exits 73.
enum OutputWriter {
    static func write(_ text: String, to path: String, flag: String) throws {
        if path == "-" { return try StandardOutput.write(text) }
        try write(Data(text.utf8), to: path, flag: flag)
    }

    /// Writes the pieces of a large text one after another (``OutputFile/write(pieces:to:)``), so
    /// the whole text is never in memory.
    static func write(pieces: some Sequence<String>, to path: String, flag: String) throws {
        if path == "-" {
            for piece in pieces { try StandardOutput.write(piece, completingLine: false) }
            return
        }
        try RunFiles.checkOutput(path, flag: flag)
        do { try OutputFile.write(pieces: pieces.lazy.map { Data($0.utf8) }, to: path) } catch {
            printError("error: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
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

    /// Renders `workbook` and writes it to a file; never to standard output, which the caller refused.
    static func write(_ workbook: Workbook, to path: String, flag: String) throws {
        try write(rendered(workbook, for: path), to: path, flag: flag)
    }

    /// Writes files that belong together (``OutputFile/write(together:)``): a failure replaces
    /// none of them. `files` pairs each file's bytes with its path and the flag that named it.
    static func write(together files: [(data: Data, path: String, flag: String)]) throws {
        for file in files {
            precondition(file.path != "-", "files written together are files, not standard output")
            try RunFiles.checkOutput(file.path, flag: file.flag)
        }
        do { try OutputFile.write(together: files.map { ($0.data, $0.path) }) } catch {
            printError("error: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
    }

    /// Renders `workbook` (exit 73 naming `path` when it cannot be), with control and
    /// bidirectional characters from the inputs neutralised (``DisplayText/neutralized(_:)``), as
    /// the HTML report and the table do: a name cannot reorder what Excel shows.
    static func rendered(_ workbook: Workbook, for path: String) throws -> Data {
        do { return try workbook.mappingText(DisplayText.neutralized).xlsx() } catch {
            printError("error: cannot write \(path): \(error)")
            throw ExitStatus.cannotCreateOutput
        }
    }
}
