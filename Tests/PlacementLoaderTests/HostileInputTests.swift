import BenchmarkModels
import Foundation
import PlacementLoader
import Testing

/// Files that try to crash, hang or exhaust the loader are rejected with a located error.
@Suite("Hostile input")
struct HostileInputTests {
    static let file = "Models/workloads.yaml"

    /// Replaces the workloads file with `bytes` and returns every rendered diagnostic.
    private func diagnostics(for bytes: [UInt8], kind: LoadFailure.Kind = .invalidData) throws -> [String] {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.write(Self.file, bytes: bytes)
        return fixture.failure(expecting: kind)
    }

    private func diagnostics(for text: String) throws -> [String] { try diagnostics(for: Array(text.utf8)) }

    @Test func fileOverTheSizeLimitIsRejectedBeforeReading() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 8 << 20 + 1)
        #expect(
            try diagnostics(for: bytes) == [
                """
                Models/baseline.yaml:5:12: error: 'Models/workloads.yaml' is larger than the 8 MiB limit
                  hint: region and model files are small; is this the right file?
                """
            ])
    }

    @Test func billionLaughsHitsTheNodeBudget() throws {
        var text = "schema: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        text += "workloads: *a9\n"
        let started = Date()
        #expect(
            try diagnostics(for: text) == [
                """
                Models/workloads.yaml:2:40: error: the document expands to more than 500000 values
                  hint: YAML aliases (*name) repeat what they point to; use fewer of them
                """
            ])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aliasAsKeyIsRejectedBeforeParsing() throws {
        #expect(
            try diagnostics(for: "schema: 1\nx: &k [a, b]\n*k : 1\n") == [
                """
                Models/workloads.yaml:3:1: error: an alias cannot be a key
                  hint: write the key as text; aliases may only stand for values
                """
            ])
    }

    @Test func complexKeyIsRejectedBeforeParsing() throws {
        #expect(
            try diagnostics(for: "schema: 1\n[a, b]: 1\n") == [
                """
                Models/workloads.yaml:2:6: error: a list or mapping cannot be a key
                  hint: keys are plain names such as 'pue' or '2028'
                """
            ])
    }

    @Test func deepFlowNestingIsRejectedBeforeParsing() throws {
        #expect(
            try diagnostics(for: String(repeating: "[", count: 100_000)) == [
                """
                Models/workloads.yaml:1:64: error: nesting is deeper than 64 levels
                  hint: schema files need only a few levels; check for runaway brackets or indentation
                """
            ])
    }

    @Test func deepBlockNestingIsRejectedBeforeParsing() throws {
        let text = (0..<200).map { String(repeating: "  ", count: $0) + "a:" }.joined(separator: "\n")
        #expect(
            try diagnostics(for: text) == [
                """
                Models/workloads.yaml:65:129: error: nesting is deeper than 64 levels
                  hint: schema files need only a few levels; check for runaway brackets or indentation
                """
            ])
    }

    @Test func invalidUTF8IsLocated() throws {
        #expect(
            try diagnostics(for: Array("schema: 1\nwork".utf8) + [0xFF, 0xFE]) == [
                """
                Models/workloads.yaml:2:5: error: the file is not UTF-8 text (invalid byte 0xFF)
                  hint: save the file as UTF-8; region and model files are plain text
                """
            ])
    }

    @Test func controlCharacterIsLocated() throws {
        #expect(
            try diagnostics(for: "schema: 1\nwork\u{0}loads: []\n") == [
                """
                Models/workloads.yaml:2:5: error: not a YAML document: control characters are not allowed
                  hint: check the quoting, brackets and indentation at this position
                """
            ])
    }

    @Test func emptyAndCommentOnlyFilesAreReported() throws {
        let expected = [
            """
            Models/workloads.yaml:1:1: error: the file is empty
              hint: a schema 1 file starts with 'schema: 1'
            """
        ]
        #expect(try diagnostics(for: "") == expected)
        #expect(try diagnostics(for: "# nothing here\n\n") == expected)
    }

    @Test func syntaxErrorKeepsTheParsersPosition() throws {
        #expect(
            try diagnostics(for: "schema: 1\nworkloads: [a, b\nname: x\n") == [
                """
                Models/workloads.yaml:3:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 2:12)
                  hint: check the quoting, brackets and indentation at this position
                """
            ])
    }

    @Test func duplicateKeysAreReported() throws {
        #expect(
            try diagnostics(for: "schema: 1\nworkloads: []\nworkloads: []\n") == [
                """
                Models/workloads.yaml:3:1: error: duplicate key 'workloads' in one mapping
                  hint: 'workloads' is already set at 2:1; merge or remove one of them
                """
            ])
    }

    @Test func listAtTheTopIsReported() throws {
        #expect(
            try diagnostics(for: "- schema\n- 1\n") == [
                """
                Models/workloads.yaml:1:1: error: workloads file must be a mapping, found a list
                  hint: write its fields as 'key: value' lines
                """
            ])
    }

    @Test func randomBinaryNeverCrashes() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let bytes = (0..<Int(generator.next() % 400)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let found = try diagnostics(for: bytes)
            #expect(!found.isEmpty)
        }
    }

    @Test func directoryInsteadOfFileIsUnreadable() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.path(Self.file))
        try FileManager.default.createDirectory(atPath: fixture.path(Self.file), withIntermediateDirectories: false)
        #expect(
            fixture.failure(expecting: .missingInput) == [
                """
                Models/baseline.yaml:5:12: error: cannot read 'Models/workloads.yaml': it is a directory
                  hint: name a .yaml file
                """
            ])
    }

    @Test func missingStudyFileIsUnreadable() throws {
        let failure = #expect(throws: LoadFailure.self) {
            try StudyLoader().loadStudy(at: "no/such/study.yaml")
        }
        #expect(failure?.kind == .missingInput)
        #expect(
            failure?.diagnostics.map(\.description) == [
                """
                no/such/study.yaml: error: cannot read 'no/such/study.yaml': no such file
                  hint: check the path; it is relative to the file that names it
                """
            ])
    }

    /// Opening a FIFO for reading blocks until a writer appears: it is refused before opening.
    @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.path(Self.file))
        #expect(mkfifo(fixture.path(Self.file), 0o644) == 0)
        #expect(
            fixture.failure(expecting: .missingInput) == [
                """
                Models/baseline.yaml:5:12: error: cannot read 'Models/workloads.yaml': it is a FIFO (named pipe), not a regular file
                  hint: name a .yaml file; pipes and devices are not read
                """
            ])
        let device = #expect(throws: LoadFailure.self) { try StudyLoader().loadStudy(at: "/dev/zero") }
        #expect(device?.kind == .missingInput)
        #expect(
            device?.diagnostics.first?.message
                == "cannot read '/dev/zero': it is a character device, not a regular file")
    }

    @Test func aSymbolicLinkLoopIsNotAMissingFile() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.path(Self.file))
        try FileManager.default.createSymbolicLink(atPath: fixture.path(Self.file), withDestinationPath: "loop.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path("Models/loop.yaml"), withDestinationPath: "workloads.yaml")
        #expect(
            fixture.failure(expecting: .missingInput) == [
                """
                Models/baseline.yaml:5:12: error: cannot read 'Models/workloads.yaml': a symbolic link loop (too many levels of symbolic links)
                  hint: check the path and its permissions
                """
            ])
    }

    @Test func aUTF8ByteOrderMarkIsAccepted() throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        try fixture.write(Self.file, bytes: [0xEF, 0xBB, 0xBF] + Array(try fixture.contents(Self.file).utf8))
        guard case .success = fixture.load() else {
            Issue.record("a file with a byte-order mark does not load")
            return
        }
    }

    @Test(arguments: [
        ([0xFF, 0xFE] as [UInt8], "UTF-16 (little-endian)"), ([0xFE, 0xFF], "UTF-16 (big-endian)"),
        ([], "UTF-16 (little-endian)"), ([0, 0, 0xFE, 0xFF], "UTF-32 (big-endian)"),
    ])
    func textInAnotherEncodingIsNamed(prefix: [UInt8], encoding: String) throws {
        let text = "schema: 1\nworkloads: []\n"
        var bytes: [UInt8] = []
        for unit in text.utf16 {
            switch encoding {
            case "UTF-16 (big-endian)": bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            case "UTF-32 (big-endian)": bytes += [0, 0, UInt8(unit >> 8), UInt8(unit & 0xFF)]
            default: bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
        }
        #expect(
            try diagnostics(for: prefix + bytes) == [
                """
                Models/workloads.yaml:1:1: error: the file is \(encoding) text, not UTF-8
                  hint: save it as UTF-8 (most editors offer this under 'Save As' or 'Encoding')
                """
            ])
    }

    /// Over half a million values without a single alias: the hint does not blame aliases.
    @Test func theNodeBudgetHintBlamesAliasesOnlyWhenThereAreSome() throws {
        let text = "schema: 1\nworkloads: [" + Array(repeating: "1", count: 500_001).joined(separator: ",") + "]\n"
        #expect(
            try diagnostics(for: text) == [
                """
                Models/workloads.yaml:2:1000003: error: the document expands to more than 500000 values
                  hint: region and model files hold a few thousand values; split the data or check that this is the right file
                """
            ])
    }
}
