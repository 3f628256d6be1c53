import Foundation
import Testing

/// A clone must carry everything it cites: no tracked file may name a path outside the
/// repository (a sibling folder such as the shared reference notes, or a machine's home or
/// work directory). Runs on the tracked files (`git ls-files`), or on the tree when the
/// sources came without git.
@Suite struct OutsidePathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func noTrackedFileNamesAPathOutsideTheRepository() throws {
        let files = try RepositoryFiles.list(root: Self.root)
        #expect(files.contains("Package.swift"), "the repository root was not found from \(Self.root.path)")
        let scanner = try OutsidePathScanner(trackedPaths: files)
        var problems: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: Self.root.appendingPathComponent(file).path),
                !data.contains(0), let text = String(data: data, encoding: .utf8)
            else { continue }
            problems += scanner.violations(in: text, file: file)
        }
        #expect(problems.isEmpty, "paths outside the repository:\n\(problems.joined(separator: "\n"))")
    }

    // The scanner itself: it must find what it is for, and leave in-repository paths alone.
    // Paths are assembled from parts so that this file does not trip the scan above.

    let scanner: OutsidePathScanner

    init() throws {
        scanner = try OutsidePathScanner(trackedPaths: ["Models/baseline.yaml", "Regions/gulf.yaml", "bench/README.md"])
    }
    static let up = ".."

    @Test func findsASiblingFolder() {
        let text = "see \(Self.up)/shared/reference/SITES.md for the figures"
        #expect(
            scanner.violations(in: text, file: "bench/README.md")
                == ["bench/README.md:1: \(Self.up)/shared/reference/SITES.md"])
    }

    @Test func findsAPathClimbingAboveTheRoot() {
        let text = "a\nb: \(Self.up)/\(Self.up)/notes.txt\n"
        #expect(
            scanner.violations(in: text, file: "Models/baseline.yaml")
                == ["Models/baseline.yaml:2: \(Self.up)/\(Self.up)/notes.txt"])
    }

    @Test func findsMachineDirectories() {
        for name in OutsidePathScanner.machineDirectories {
            let path = "/\(name)/someone/project/file.md"
            #expect(scanner.violations(in: "open \(path)", file: "README.md") == ["README.md:1: /\(name)/"])
        }
    }

    @Test func acceptsPathsInsideTheRepository() {
        let text = """
            regions: [\(Self.up)/Regions/gulf.yaml]
            base: \(Self.up)/baseline.yaml
            https://example.org/\(OutsidePathScanner.machineDirectories[0])/page
            /usr/bin/glpsol
            """
        #expect(scanner.violations(in: text, file: "Models/sweeps/power-price.yaml").isEmpty)
    }
}

/// Without git (a source archive), the files are those of the tree, build products and hidden
/// directories left out.
@Suite struct RepositoryFilesTests {
    @Test func walksTheTreeWithoutGit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["Package.swift", "docs/design.md", ".build/debug/x.o", ".hidden/y", "bench/out/run.csv"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        #expect(try RepositoryFiles.list(root: root) == ["Package.swift", "docs/design.md"])
    }
}
