import Foundation
import OutputFiles
import PlacementRisk
import ResultFormats

/// The progress file of a risk run, `OUTPUT.partial`: a first line that identifies the run, then
/// one JSON line per evaluated path, appended as each wave of chunks finishes and removed when
/// the output is written. `--resume` keeps its whole chunks when the first line is this run's
/// (docs/design.md §8, commands).
///
/// ```text
/// # placement-risk/1 run=3f9a… seed=1 paths=1000 shard=1/1
/// {"id":"path-00001","probability":0.001,"npv_usd":…}
/// ```
struct RiskPartialFile {
    let path: String
    /// The first line: the run's fingerprint, seed, path count and shard.
    let header: String
    /// The paths of the whole run (`N`), which numbers the path ids.
    private let runPaths: Int

    enum Failure: Error, CustomStringConvertible {
        case otherRun(path: String, reason: String)
        case invalidLine(path: String, line: Int, reason: String)
        case cannotWrite(OutputFileError)

        var description: String {
            switch self {
            case .otherRun(let path, let reason):
                "cannot resume from \(path): \(reason); rerun without --resume to start again"
            case .invalidLine(let path, let line, let reason):
                "cannot resume from \(path):\(line): \(reason); rerun without --resume to start again"
            case .cannotWrite(let error): "\(error)"
            }
        }
    }

    init(output: String, run: RiskShard.Run, shard: Int, shards: Int) {
        path = output + ".partial"
        runPaths = run.paths
        header =
            "# placement-risk/1 run=\(run.fingerprint) seed=\(run.seed) paths=\(run.paths) shard=\(shard + 1)/\(shards)"
    }

    /// Starts the file: with `resume`, the paths of the file's whole chunks (which the file then
    /// keeps, and nothing after them), else none (the file is started empty). `range`: the paths
    /// this run evaluates; `years`: the study's horizon, which every kept record must cover.
    func start(resume: Bool, range: Range<Int>, years: [Int]) throws(Failure) -> [ScenarioFigures] {
        var kept: [ScenarioFigures] = []
        var lines: [Substring] = []
        if resume, let data = try read() {
            // "\r\n" is one Character in Swift: a file saved with CRLF line ends splits on it too.
            var all = String(decoding: data, as: UTF8.self).split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            all.removeLast()  // "" after the final newline, or a torn line
            guard let first = all.first else { return try restart(with: [], lines: []) }
            guard first == header else {
                throw .otherRun(
                    path: path,
                    reason: first.hasPrefix("# placement-risk/1 ")
                        ? "it is the progress of another run (study files, plan, seed, paths or shard differ)"
                        : "its first line is not a risk run's")
            }
            for (n, line) in all.dropFirst().enumerated() {
                guard n < range.count else {
                    throw .invalidLine(
                        path: path, line: n + 2,
                        reason: "a record past the run's last path (\(range.count) path\(range.count == 1 ? "" : "s"))")
                }
                do {
                    let figures = try ScenarioFigures(record: try JSONValue(parsing: String(line)))
                    try figures.checkPath(index: range.lowerBound + n, of: runPaths, years: years)
                    kept.append(figures)
                } catch let error as SamplingError {
                    throw .invalidLine(path: path, line: n + 2, reason: error.message)
                } catch {
                    throw .invalidLine(path: path, line: n + 2, reason: "not a JSON record")
                }
            }
            let whole = kept.count / PathChunks.size * PathChunks.size
            kept = Array(kept.prefix(whole))
            lines = Array(all.dropFirst().prefix(whole))
        }
        return try restart(with: kept, lines: lines)
    }

    private func restart(with kept: [ScenarioFigures], lines: [Substring]) throws(Failure) -> [ScenarioFigures] {
        let text = ([Substring(header)] + lines).joined(separator: "\n") + "\n"
        do { try OutputFile.writeRegular(Data(text.utf8), to: path) } catch { throw .cannotWrite(error) }
        return kept
    }

    private func read() throws(Failure) -> Data? {
        do { return try OutputFile.readRegular(path) } catch { throw .cannotWrite(error) }
    }

    /// Appends the records of `figures`.
    func append(_ figures: [ScenarioFigures]) throws(Failure) {
        let text = figures.map { RiskReport.json($0).compact() + "\n" }.joined()
        do {
            let descriptor = try OutputFile.openRegular(path, flags: O_WRONLY | O_APPEND)
            defer { close(descriptor) }
            try OutputFile.writeAll(Data(text.utf8), to: descriptor, path: path)
        } catch { throw .cannotWrite(error) }
    }

    /// Removes the file once the output is written.
    func remove() { unlink(path) }
}
