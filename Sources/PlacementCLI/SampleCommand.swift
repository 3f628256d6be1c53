import ArgumentParser
import Foundation
import PlacementLoader
import PlacementRisk

/// `placement sample STUDY --paths N --seed S --output FILE`: paths drawn from the study's
/// uncertainty model, written as an ordinary scenarios file (docs/design.md §8).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw paths from a study's uncertainty model and write them as a scenarios file.",
        discussion: """
            The study's scenarios file must have an 'uncertainty' section. Paths are drawn by a \
            Latin hypercube over standard normals, correlated within a year by Cholesky, and \
            written as a schema-1 scenarios file: ids path-00001..., equal probabilities, every \
            sampled multiplier listed for every year, the stress shock kept, no 'uncertainty' key. \
            A study naming that file as its 'scenarios' loads like any other. The same study and \
            seed give the same bytes. The file is written atomically.
            Exit status: 0 success, 64 usage, 65 invalid input, 66 missing input, 73 output not writable.
            """)

    @Argument(help: "The study file.", completion: .file(extensions: ["yaml", "yml"]))
    var study: String = StudyInput.defaultPath

    @OptionGroup var sampling: PathOptions

    @Option(
        name: [.short, .long], help: ArgumentHelp("The scenarios file to write ('-' for stdout).", valueName: "path"),
        completion: .file(extensions: ["yaml", "yml"]))
    var output: String

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name ('-' for stdout)") }
    }

    func run() throws {
        try RunFiles.declareOutput(output, flag: "--output")
        let loaded = try StudyInput.load(study)
        let sampler = try PathOptions.sampler(of: loaded.study, path: study)
        let (paths, seed) = (sampling.paths, sampling.seed)
        // Every path has the same keys: one path's values tell the file's count before drawing them all.
        let probe = SamplesFile(
            study: loaded.study, sampler: sampler, paths: sampler.paths(count: paths, seed: seed, in: 0..<1),
            count: paths, seed: seed)
        try Self.checkLoadable(bytes: nil, values: 9 + (probe.valueCount - 9) * paths, paths: paths)
        let drawn = sampler.paths(count: paths, seed: seed)
        let file = SamplesFile(study: loaded.study, sampler: sampler, paths: drawn, count: paths, seed: seed)
        try Self.checkLoadable(bytes: file.text.utf8.count, values: file.valueCount, paths: paths)
        PathOptions.warnHeld(file.clampedValues)
        try OutputWriter.write(file.text, to: output, flag: "--output")
        let summary =
            "wrote \(output == "-" ? "standard output" : output): \(paths) path\(paths == 1 ? "" : "s"), seed \(seed), "
            + "\(sampler.model.factors.count) factors x \(sampler.years.count) years"
        if output == "-" { printError(summary) } else { try StandardOutput.write(summary + "\n") }
    }

    /// Refuses (exit 64) a file the loader would refuse as too large, saying how many paths fit;
    /// `bytes` is `nil` before the file is written out.
    static func checkLoadable(bytes: Int?, values: Int, paths: Int) throws {
        let limits = LoadLimits()
        let overBytes = bytes.map { $0 > limits.maximumFileBytes } ?? false
        guard overBytes || values > limits.maximumNodes else { return }
        var share = Double(limits.maximumNodes) / Double(values)
        if let bytes { share = min(share, Double(limits.maximumFileBytes) / Double(bytes)) }
        let fitting = max(1, Int((Double(paths) * share).rounded(.down)) - 1)
        let size = bytes.map { "\($0) bytes and " } ?? ""
        printError(
            "error: --paths \(paths) makes a scenarios file of \(size)\(values) values, "
                + "over what a study may load (\(limits.maximumFileBytes) bytes, \(limits.maximumNodes) values)")
        printError("  hint: use --paths \(fitting) or fewer")
        throw ExitStatus.usage
    }
}
