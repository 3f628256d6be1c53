import Foundation
import Testing

/// Outputs that belong together are replaced together, and any file name the file system allows
/// can be written (found by hostile use: a failed data file left a new model beside the old data,
/// which glpsol solved; a failed workbook left a new report; names over 236 bytes failed).
@Suite struct OutputPairTests {
    let cli: CommandLineRun
    init() throws { cli = try CommandLineRun() }

    @Test func aFailedMathProgDataFileLeavesTheOldModelToo() throws {
        defer { cli.remove() }
        try cli.write("m.mod", "old model\n")
        try FileManager.default.createDirectory(atPath: cli.path("m.dat"), withIntermediateDirectories: false)
        let export = try cli.run(["export", CommandLineRun.study, "--format", "gmpl", "-o", "m"])
        #expect(export.status == 73)
        #expect(export.error.contains("error: cannot write m.dat: it is a directory"), "\(export.error)")
        #expect(try cli.read("m.mod") == "old model\n")
        #expect(try cli.names() == ["study", "m.mod", "m.dat"])

        try FileManager.default.removeItem(atPath: cli.path("m.dat"))
        try cli.write("m.dat", "old data\n")
        // 16 blocks of 512 bytes: the data file (6 KB) fits, the model (12 KB) does not.
        let limited = try cli.runUnderFileSizeLimit(
            blocks: 16, ["export", CommandLineRun.study, "--format", "gmpl", "-o", "m"])
        #expect(limited.status == 73, "\(limited.error)")
        #expect(try cli.read("m.mod") == "old model\n" && cli.read("m.dat") == "old data\n")
        #expect(try cli.names() == ["study", "m.mod", "m.dat"])
    }

    @Test func aFailedWorkbookLeavesTheOldReport() throws {
        defer { cli.remove() }
        try cli.write("keep.html", "old report\n")
        let report = try cli.run(["report", CommandLineRun.study, "-o", "keep.html", "--workbook", "/dev/full"])
        #expect(report.status == 73)
        #expect(report.error.contains("error: cannot write /dev/full: no space left on the device"), "\(report.error)")
        #expect(try cli.read("keep.html") == "old report\n")
        #expect(try cli.names() == ["study", "keep.html"])
    }

    @Test func aNameOfAnyLengthTheFileSystemAllowsIsWritten() throws {
        defer { cli.remove() }
        let name = String(repeating: "q", count: 250) + ".csv"
        let optimize = try cli.run(["optimize", CommandLineRun.study, "--format", "csv", "--skip-analysis", "-o", name])
        #expect(optimize.status == 0, "\(optimize.error)")
        #expect(try cli.read(name).hasPrefix("status,facility,"))
        #expect(try cli.names() == ["study", name])
    }
}
