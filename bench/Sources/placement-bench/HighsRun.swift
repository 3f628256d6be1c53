import Foundation

/// HiGHS solving an exported free-MPS file through bench/highs_solve.py (`pip install
/// highspy`): the outside reference of the scale benchmark. The script prints one JSON
/// line; its objective is already in the model's sense and units (it reads the file's
/// header: negated objective, objective constant).
struct HighsRun: Decodable {
    var status: String
    var objective: Double?
    var seconds: Double
    var readSeconds: Double
    var iterations: Int
    var peakRSSMiB: Double
    var highsVersion: String
    var threads: Int
    /// Wall-clock seconds of the whole process: Python, reading the file, solving.
    var wallSeconds = 0.0

    enum CodingKeys: String, CodingKey {
        case status, objective, seconds, iterations, threads
        case readSeconds = "read_seconds"
        case peakRSSMiB = "peak_rss_mib"
        case highsVersion = "highs_version"
    }

    /// Runs `python script mps --threads 1 [--time-limit S] [--log]`; its stderr passes through.
    static func solve(mps: URL, script: String, python: String, timeLimit: Double?, log: Bool) throws -> HighsRun {
        var arguments = [script, mps.path, "--threads", "1"]
        if let timeLimit { arguments += ["--time-limit", String(timeLimit)] }
        if log { arguments.append("--log") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let output = Pipe()
        process.standardOutput = output
        let (data, seconds) = try measure {
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        guard process.terminationStatus == 0 else {
            throw BenchError(
                description: "\(python) \(script) exited with status \(process.terminationStatus) "
                    + "(is highspy installed? pip install highspy)")
        }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        do {
            var run = try JSONDecoder().decode(HighsRun.self, from: Data(line.utf8))
            run.wallSeconds = seconds
            return run
        } catch {
            throw BenchError(description: "\(script) printed no result JSON: '\(line.prefix(200))'")
        }
    }
}
