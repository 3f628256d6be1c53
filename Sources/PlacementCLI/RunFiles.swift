import ArgumentParser
import Foundation
import OutputFiles

/// The files one run reads and writes, so that no output ever replaces an input: the outputs
/// are declared before the work starts, the inputs as the loader reads them, and a clash stops
/// the run (exit 64) naming both, before any solve.
///
/// ```swift
/// RunFiles.declareOutput("report.html", flag: "--output")
/// let loaded = try StudyInput.load(path)   // refuses when report.html is one of the study's files
/// ```
enum RunFiles {
    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var outputs: [(flag: String, path: String)] = []
        var inputs: [FileIdentity: (role: String, path: String)] = [:]
    }

    private static let registry = Registry()

    /// Fails (exit 64) before any work when `path`'s directory does not exist, naming the flag;
    /// remembers it as an output of this run. `-` (stdout) is not a file.
    static func declareOutput(_ path: String, flag: String) throws {
        guard path != "-" else { return }
        try checkDirectory(of: path, flag: flag)
        registry.lock.withLock { registry.outputs.append((flag, path)) }
        try check()
    }

    /// Records files this run reads; fails (exit 64) when a declared output is one of them.
    static func recordInputs(_ paths: [String], role: (Int) -> String) throws {
        registry.lock.withLock {
            for (position, path) in paths.enumerated() {
                guard let identity = FileIdentity(path: path), registry.inputs[identity] == nil else { continue }
                registry.inputs[identity] = (role(position), path)
            }
        }
        try check()
    }

    /// Fails (exit 64) when `path` is an input of this run.
    static func checkOutput(_ path: String, flag: String) throws {
        guard path != "-", let identity = FileIdentity(path: path),
            let input = registry.lock.withLock({ registry.inputs[identity] })
        else { return }
        let spelling = input.path == path ? "" : " (\(input.path))"
        printError("error: \(flag) \(path) is \(input.role) of this run\(spelling); writing it would destroy the input")
        printError("  hint: write the output to another file")
        throw ExitStatus.usage
    }

    private static func check() throws {
        for output in registry.lock.withLock({ registry.outputs }) { try checkOutput(output.path, flag: output.flag) }
    }

    /// Fails (exit 64) when the file's directory does not exist, naming the flag.
    static func checkDirectory(of path: String, flag: String) throws {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("error: \(flag): the directory \(directory) does not exist")
            printError("  hint: create it first, or write to an existing directory")
            throw ExitStatus.usage
        }
    }
}
