import ArgumentParser
import Foundation
import OutputFiles
import PlacementModel

/// Standard output and error for the commands. Output is written with `write(2)` and its
/// result checked: a full disk or a closed pipe is an error (exit 73), never a silent 0.
enum StandardOutput {
    /// Writes `text` (adding a final newline when it has none, unless `completingLine` is false:
    /// a piece of a longer output) to standard output.
    static func write(_ text: String, completingLine: Bool = true) throws {
        let line = text.hasSuffix("\n") || text.isEmpty || !completingLine ? text : text + "\n"
        fflush(nil)  // anything buffered by print() goes first
        var failure: Int32?
        line.utf8CString.withUnsafeBufferPointer { buffer in
            var offset = 0
            let count = buffer.count - 1
            while offset < count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if let failure {
            // A closed pipe (`placement report -o - | head`): the reader has what it wanted; say nothing.
            if failure != EPIPE {
                printError("error: cannot write to standard output: \(OutputFileError.words(for: failure))")
            }
            throw ExitStatus.cannotCreateOutput
        }
    }
}

/// Writes a line to standard error, ignoring failures (there is nowhere left to report them;
/// FileHandle would trap on a closed pipe or a file-size limit). Control and bidirectional
/// characters (from a path or a file) are escaped, line breaks kept.
func printError(_ text: String) {
    let escaped = DisplayText.escaped(text, keepingLineBreaks: true)
    let line = escaped.hasSuffix("\n") ? escaped : escaped + "\n"
    line.utf8CString.withUnsafeBufferPointer { buffer in
        var offset = 0
        let count = buffer.count - 1
        while offset < count {
            let written = Foundation.write(STDERR_FILENO, buffer.baseAddress! + offset, count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Whether standard error is a terminal (progress output only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
