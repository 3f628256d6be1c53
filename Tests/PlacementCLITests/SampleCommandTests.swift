import Foundation
import PlacementTestSupport
import Testing

/// `placement sample`: the same seed writes the same bytes, the file is a scenarios file a
/// study can name, and bad flags are refused naming the flag.
@Suite struct SampleCommandTests {
    let cli: CommandLineRun

    init() throws {
        cli = try CommandLineRun()
        try cli.appendUncertainty()
    }

    func contents(_ path: String) throws -> Data {
        try Data(contentsOf: cli.directory.appendingPathComponent(path))
    }

    @Test func sameSeedSameBytesAndTheFileValidates() throws {
        defer { cli.remove() }
        for name in ["a", "b"] {
            let outcome = try cli.run(
                ["sample", CommandLineRun.study, "--paths", "300", "--seed", "17", "-o", "study/Models/\(name).yaml"])
            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(outcome.output == "wrote study/Models/\(name).yaml: 300 paths, seed 17, 3 factors x 5 years\n")
        }
        #expect(try contents("study/Models/a.yaml") == contents("study/Models/b.yaml"))
        try cli.run(["sample", CommandLineRun.study, "--paths", "300", "--seed", "18", "-o", "study/Models/c.yaml"])
        #expect(try contents("study/Models/a.yaml") != contents("study/Models/c.yaml"))

        let study = cli.directory.appendingPathComponent(CommandLineRun.study)
        let text = try String(contentsOf: study, encoding: .utf8)
        try #require(text.contains("scenarios: scenarios.yaml"))
        try text.replacingOccurrences(of: "scenarios: scenarios.yaml", with: "scenarios: a.yaml")
            .write(
                to: cli.directory.appendingPathComponent("study/Models/sampled.yaml"), atomically: true, encoding: .utf8
            )
        let validate = try cli.run(["validate", "study/Models/sampled.yaml"])
        #expect(validate.status == 0, "\(validate.error)")
        #expect(validate.output.contains("scenarios (300): path-00001 (p=0.00333333"), "\(validate.output.prefix(600))")
    }

    @Test func validateSummarisesTheUncertaintySection() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["validate", CommandLineRun.study])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(
            outcome.output.contains(
                "\n  uncertainty (3 factors from 'base', 1 correlation): demand.video, efficiency.video, electricity.gulf\n"
            ), "\(outcome.output)")
    }

    @Test func pathsOutOfRangeIsAUsageError() throws {
        defer { cli.remove() }
        for value in ["0", "100001"] {
            let outcome = try cli.run(["sample", CommandLineRun.study, "--paths", value, "-o", "out.yaml"])
            #expect(outcome.status == 64)
            #expect(
                outcome.error.hasPrefix("Error: --paths must be between 1 and 100000, got \(value)\n"),
                "\(outcome.error)")
        }
        let tooMany = try cli.run(["sample", CommandLineRun.study, "--paths", "100000", "-o", "out.yaml"])
        #expect(tooMany.status == 64)
        #expect(tooMany.error.contains("over what a study may load"), "\(tooMany.error)")
        #expect(tooMany.error.contains("  hint: use --paths "), "\(tooMany.error)")
        #expect(try cli.names() == ["study"])
    }

    @Test func aStudyWithoutUncertaintyIsInvalidData() throws {
        defer { cli.remove() }
        let scenarios = cli.directory.appendingPathComponent("study/Models/scenarios.yaml")
        let text = try String(contentsOf: scenarios, encoding: .utf8)
        try text.replacingOccurrences(of: UncertaintyFixture.section, with: "").write(
            to: scenarios, atomically: true, encoding: .utf8)
        let outcome = try cli.run(["sample", CommandLineRun.study, "-o", "out.yaml"])
        #expect(outcome.status == 65)
        #expect(
            outcome.error.hasPrefix(
                "error: \(CommandLineRun.study): the study's scenarios file has no 'uncertainty' section to sample\n"),
            "\(outcome.error)")
    }

    @Test func theScenariosFileCannotBeTheOutput() throws {
        defer { cli.remove() }
        let outcome = try cli.run(["sample", CommandLineRun.study, "-o", "study/Models/scenarios.yaml"])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("writing it would destroy the input"), "\(outcome.error)")
    }
}
