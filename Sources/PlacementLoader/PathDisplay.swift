/// Paths as diagnostics show them: the way the user named the study, with referenced
/// files joined to the referencing file's directory and normalised lexically
/// (`Models/../Regions/india.yaml` becomes `Regions/india.yaml`).
enum PathDisplay {
    /// `relative` resolved against the directory of `referencingFile`; absolute paths stay.
    static func resolve(_ relative: String, from referencingFile: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        let directory = referencingFile.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        let joined =
            directory.isEmpty
            ? relative
            : (referencingFile.hasPrefix("/") && directory.isEmpty
                ? "/" + relative : directory + "/" + relative)
        return normalise(joined)
    }

    /// Removes `.` and `name/..` components; keeps leading `..` and a leading `/`.
    static func normalise(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        if isAbsolute { return "/" + body }
        return body.isEmpty ? "." : body
    }
}
