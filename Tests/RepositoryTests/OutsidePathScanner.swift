import Foundation

/// Finds paths in a text that point outside the repository.
struct OutsidePathScanner {
    /// Top-level directories that are a particular machine's, not the project's.
    static let machineDirectories = ["work", "home", "Users", "root", "mnt", "Volumes"]

    let trackedPaths: [String]
    private let directories: Set<String>
    private let relative: NSRegularExpression
    private let absolute: NSRegularExpression

    init(trackedPaths: [String]) throws {
        self.trackedPaths = trackedPaths
        relative = try NSRegularExpression(pattern: #"(?:\.\./)+[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]*)*"#)
        directories = Set(trackedPaths.flatMap { $0.split(separator: "/").dropLast().map(String.init) })
        let names = Self.machineDirectories.joined(separator: "|")
        // Not inside a longer path or an address (`https://host/home/...`).
        absolute = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9._~:/-])/(?:"# + names + #")/"#)
    }

    /// `file:line: path` for each outside path in `text`, which is the content of `file`.
    func violations(in text: String, file: String) -> [String] {
        var found: [String] = []
        let depth = file.split(separator: "/").count - 1
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            for match in relative.matches(in: line, range: range) {
                let token = String(line[Range(match.range, in: line)!])
                if pointsOutside(token, depth: depth) { found.append("\(file):\(number + 1): \(token)") }
            }
            for match in absolute.matches(in: line, range: range) {
                found.append("\(file):\(number + 1): \(line[Range(match.range, in: line)!])")
            }
        }
        return found
    }

    /// A `../` path points outside when it climbs above the root from the file's directory,
    /// or enters a directory the repository does not have, unless it names something the
    /// repository does have (an example such as `base: ../baseline.yaml` in the README).
    private func pointsOutside(_ token: String, depth: Int) -> Bool {
        let components = token.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let climbs = components.prefix { $0 == ".." }.count
        let rest = Array(components.dropFirst(climbs))
        let unknownDirectory = rest.count > 1 && !directories.contains(rest[0])
        guard climbs > depth || unknownDirectory else { return false }
        let target = rest.joined(separator: "/")
        return !trackedPaths.contains {
            $0 == target || $0.hasSuffix("/" + target) || $0.hasPrefix(target + "/")
                || $0.contains("/" + target + "/")
        }
    }
}
