import Foundation
import PlacementLoader
import Testing

/// A private copy of the fixture study in a temporary directory, to edit and load.
struct FixtureStudy {
    /// The copy's root; diagnostics are shown relative to it.
    let root: String

    /// Copies `Fixtures/valid` into a new temporary directory.
    init() throws {
        let source = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("valid").path
        root = NSTemporaryDirectory() + "placement-fixture-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: source, toPath: root)
    }

    /// The study file's path.
    var studyPath: String { root + "/Models/baseline.yaml" }

    func path(_ file: String) -> String { root + "/" + file }

    func contents(_ file: String) throws -> String { try String(contentsOfFile: path(file), encoding: .utf8) }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(file)))
    }

    func write(_ file: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(file)))
    }

    /// Replaces the single occurrence of `old` in `file` by `new`.
    func edit(_ file: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try contents(file)
        let occurrences = text.components(separatedBy: old).count - 1
        try #require(
            occurrences == 1, "'\(old)' occurs \(occurrences) times in \(file)", sourceLocation: sourceLocation)
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// A diagnostic as the CLI prints it, with the temporary root removed from the path.
    func render(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.replacingOccurrences(of: root + "/", with: "")
    }

    func load() -> Result<LoadedStudy, LoadFailure> {
        Result { () throws(LoadFailure) in try StudyLoader().loadStudy(at: studyPath) }
    }

    /// Loads and returns the rendered diagnostics of the failure (or fails the test).
    func failure(
        expecting kind: LoadFailure.Kind = .invalidData, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        switch load() {
        case .success:
            Issue.record("the study loaded but should have failed", sourceLocation: sourceLocation)
            return []
        case .failure(let failure):
            #expect(failure.kind == kind, sourceLocation: sourceLocation)
            return failure.diagnostics.map(render)
        }
    }

    /// Loads and returns the rendered warnings (or fails the test).
    func warnings(sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        switch load() {
        case .success(let loaded): return loaded.warnings.map(render)
        case .failure(let failure):
            Issue.record(
                "unexpected failure:\n\(failure.diagnostics.map(render).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            return []
        }
    }
}

/// One edit of a fixture file.
struct FixtureEdit: Sendable {
    var file: String
    var old: String
    var new: String

    init(_ file: String, _ old: String, _ new: String) {
        self.file = file
        self.old = old
        self.new = new
    }
}

/// A broken variant of the fixture and every diagnostic it must produce, exactly.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [FixtureEdit]
    var expected: [String]
    var kind: LoadFailure.Kind = .invalidData

    var testDescription: String { name }
}
