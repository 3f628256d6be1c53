import Foundation

/// glpsol's path, when it is installed (Debian `glpk-utils`, which .ci/run installs).
public let glpsolExecutable = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(
    where: FileManager.default.isExecutableFile(atPath:))

/// Whether glpsol is installed: tests that need it are shown as skipped without it
/// (`@Test(.enabled(if: glpsolIsInstalled, "glpsol is not installed"))`), never passed silently.
public var glpsolIsInstalled: Bool { glpsolExecutable != nil }

/// Runs glpsol when it is installed and returns its output; nil when it is not installed.
public func runGlpsol(_ arguments: [String]) throws -> String? {
    guard let executable = glpsolExecutable else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The objective glpsol reports in its solution file written with `-w`.
public func glpsolObjective(solutionFile: URL) throws -> Double? {
    // glpsol -w writes "s bas m n p d obj" (LP) or "s mip m n s obj" (MIP) in GLPK's plain format.
    let text = try String(contentsOf: solutionFile, encoding: .utf8)
    for line in text.split(separator: "\n") where line.hasPrefix("s ") {
        return line.split(separator: " ").last.flatMap { Double($0) }
    }
    return nil
}

/// The number on a `Number of <label> = N` line of glpsol's problem characteristics (`rows`,
/// `columns`); nil when the log has no such line.
public func glpsolCharacteristic(_ label: String, in log: String) -> Int? {
    let line = log.split(separator: "\n").first { $0.hasPrefix("Number of \(label) ") }
    return line.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) }
}
