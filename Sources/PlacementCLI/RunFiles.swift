import ArgumentParser
import Foundation
import OutputFiles

/// The files one run reads and writes, so that no output ever replaces an input or another
/// output: the outputs are declared before the work starts, the inputs as they are read (studies,
/// saved results, sweep and shard files), and a clash stops the run (exit 64) naming both, before
/// any solve.
///
/// ```swift
/// RunFiles.declareOutput("report.html", flag: "--output")
/// let loaded = try StudyInput.load(path)   // refuses when report.html is one of the study's files
/// ```
enum RunFiles {
    /// Where an output lands: an existing file by identity, a new one by its directory's identity
    /// and its name, so that `c`, `./c` and `dir/../c` are one place.
    private enum Location: Hashable {
        case file(FileIdentity)
        case entry(FileIdentity, String)
        case standardOutput
    }

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var outputs: [(flag: String, path: String, location: Location?)] = []
        var inputs: [FileIdentity: (role: String, path: String)] = [:]
    }

    private static let registry = Registry()

    /// Fails (exit 64) before any work when `path`'s directory does not exist, naming the flag, or
    /// when another output of this run goes to the same file (or both to standard output, `-`);
    /// remembers it as an output of this run.
    static func declareOutput(_ path: String, flag: String) throws {
        if path != "-" {
            try checkNameLength(of: path, flag: flag)
            try checkDirectory(of: path, flag: flag)
        }
        let location = Self.location(of: path)
        let clash = registry.lock.withLock {
            let clash = registry.outputs.first { location != nil && $0.location == location }
            registry.outputs.append((flag, path, location))
            return clash
        }
        if let clash {
            if location == .standardOutput {
                printError("error: \(clash.flag) and \(flag) both write to standard output")
                printError("  hint: send all but one of them to files")
            } else {
                let spelling = clash.path == path ? path : "\(clash.path) and \(path)"
                printError(
                    "error: \(clash.flag) and \(flag) name the same file (\(spelling)); one would replace the other")
                printError("  hint: give each output a file of its own")
            }
            throw ExitStatus.usage
        }
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
        let role = input.role.hasSuffix(" by") ? input.role + " this run" : input.role + " of this run"
        printError("error: \(flag) \(path) is \(role)\(spelling); writing it would destroy the input")
        printError("  hint: write the output to another file")
        throw ExitStatus.usage
    }

    /// The most bytes a file name may have (NAME_MAX on Linux file systems).
    static let longestName = 255

    /// Refuses (exit 64) a file whose name is longer than a file system allows, before any work:
    /// the progress and lock files a run keeps beside its output (`FILE.partial`, `FILE.lock`) are
    /// declared too, and are 8 and 5 bytes longer than the output's name.
    private static func checkNameLength(of path: String, flag: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.utf8.count > longestName else { return }
        printError(
            "error: \(flag): the file name '\(name)' is \(name.utf8.count) bytes; a file name holds at most "
                + "\(longestName)")
        printError("  hint: give \(flag) a shorter name (a run keeps FILE.partial and FILE.lock beside its output)")
        throw ExitStatus.usage
    }

    private static func check() throws {
        for output in registry.lock.withLock({ registry.outputs }) { try checkOutput(output.path, flag: output.flag) }
    }

    /// Where an output lands; nil for a device (`/dev/null` may take any number of outputs).
    /// A regular file or FIFO that standard output already is counts as standard output
    /// (`--export-lp out.txt > out.txt`).
    private static func location(of path: String) -> Location? {
        if path == "-" { return .standardOutput }
        var status = stat()
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFIFO, let identity = FileIdentity(path: path) else { return nil }
            var output = stat()
            if fstat(STDOUT_FILENO, &output) == 0, output.st_dev == status.st_dev, output.st_ino == status.st_ino {
                return .standardOutput
            }
            return .file(identity)
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return FileIdentity(path: directory).map { .entry($0, name) }
    }

    /// Fails (exit 64) when the file's directory does not exist, naming the flag.
    static func checkDirectory(of path: String, flag: String) throws {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            let parent = String(directory.dropLast())
            if directory != "/", !parent.isEmpty,
                FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                // L7: `-o study.yaml/x` names a file as if it were a directory.
                printError("error: \(flag): \(parent) is a file, not a directory")
                printError("  hint: write to a path in an existing directory")
                throw ExitStatus.usage
            }
            printError("error: \(flag): the directory \(directory) does not exist")
            printError("  hint: create it first, or write to an existing directory")
            throw ExitStatus.usage
        }
    }
}
