import BenchmarkModels
import Foundation
import PlacementLoader
import Testing

/// Thousands of seeded random edits of the valid study never crash or hang the loader,
/// and every failure it reports is a located error.
@Suite("Mutations of a valid study")
struct MutationTests {
    static let files = [
        "Regions/gulf.yaml", "Regions/india.yaml", "Models/hardware.yaml", "Models/workloads.yaml",
        "Models/tenants.yaml", "Models/scenarios.yaml", "Models/baseline.yaml",
    ]
    static let replacements = [
        "-1", "0", "abc", "[]", "{}", "{a: 1}", "- x", "\"1\"", ".inf", "NO", "~", "&a 1", "*a", ":", "'", "1e999",
        "2026",
    ]

    /// 3000 mutations in four seeded batches, which run in parallel.
    @Test(arguments: 0..<4)
    func randomEditsNeverCrashAndAlwaysLocateTheirErrors(batch: Int) throws {
        let fixture = try FixtureStudy()
        defer { fixture.remove() }
        let originals = try Dictionary(uniqueKeysWithValues: Self.files.map { ($0, try fixture.contents($0)) })
        var generator = SplitMix64(seed: 2026 + UInt64(batch))
        var failures = 0
        for _ in 0..<750 {
            let file = Self.files[Int(generator.next() % UInt64(Self.files.count))]
            let mutated = mutate(originals[file]!, using: &generator)
            try fixture.write(file, mutated)
            defer { try? fixture.write(file, originals[file]!) }
            switch fixture.load() {
            case .success: continue
            case .failure(let failure):
                failures += 1
                #expect(!failure.errors.isEmpty)
                for diagnostic in failure.errors {
                    #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "\(diagnostic)")
                    #expect(!diagnostic.message.isEmpty && !diagnostic.hint.isEmpty)
                }
            }
        }
        #expect(failures > 250, "most mutations should break the study")
    }

    /// One of: delete a line, duplicate a line, swap two values, change a value's type,
    /// truncate the file, or insert random bytes.
    private func mutate(_ text: String, using generator: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let line = Int(generator.next() % UInt64(lines.count))
        switch generator.next() % 6 {
        case 0:
            lines.remove(at: line)
        case 1:
            lines.insert(lines[line], at: line)
        case 2:
            let other = Int(generator.next() % UInt64(lines.count))
            let (a, b) = (value(of: lines[line]), value(of: lines[other]))
            if let a, let b {
                lines[line] = lines[line].replacingOccurrences(of: a, with: b)
                lines[other] = lines[other].replacingOccurrences(of: b, with: a)
            }
        case 3:
            if let old = value(of: lines[line]) {
                let new = Self.replacements[Int(generator.next() % UInt64(Self.replacements.count))]
                lines[line] = lines[line].replacingOccurrences(of: old, with: new)
            }
        case 4:
            let cut = Int(generator.next() % UInt64(max(1, text.utf8.count)))
            return String(decoding: Array(text.utf8.prefix(cut)), as: UTF8.self)
        default:
            let bytes = (0..<3).map { _ in Character(UnicodeScalar(UInt8(32 + generator.next() % 95))) }
            var chars = Array(lines[line])
            chars.insert(contentsOf: bytes, at: Int(generator.next() % UInt64(chars.count + 1)))
            lines[line] = String(chars)
        }
        return lines.joined(separator: "\n")
    }

    /// The text after the first `: ` of a line, if any.
    private func value(of line: String) -> String? {
        guard let range = line.range(of: ": ") else { return nil }
        let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }
}
