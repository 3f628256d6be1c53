import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Whether standard error is a terminal (progress output only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
