import PlacementModel

/// Reads a sweep file and checks its paths and values against the base study.
struct SweepFileDecoder {
    let context: DecodingContext
    let file: String

    /// - Parameters:
    ///   - root: the sweep file's YAML root.
    ///   - loadBase: loads the base study from its display path; `nil` when it failed.
    /// - Returns: the sweep, or `nil` after reporting its problems to the context.
    func decode(_ root: YAMLNode, loadBase: (String, SourceLocation) -> Study?) -> Sweep? {
        guard
            let fields = FileHeader.read(
                root, owner: "sweep file", keys: ["name", "base", "mode", "vary"], context: context)
        else { return nil }
        var mode = Sweep.Mode.grid
        if let node = fields.node("mode"), let text = context.text(node, field: "mode") {
            if let read = Sweep.Mode(rawValue: text) {
                mode = read
            } else {
                context.error(
                    at: node.location, "'mode' must be grid or zip, found '\(text)'",
                    hint: Suggestions.closest(to: text, among: ["grid", "zip"]).first.map { "did you mean '\($0)'?" }
                        ?? "grid takes every combination, zip takes values together by position")
            }
        }
        let dimensions = (fields.list("vary") ?? []).compactMap(dimension)
        if let vary = fields.node("vary"), case .sequence(let items) = vary.content, items.isEmpty {
            context.error(at: vary.location, "'vary' lists nothing", hint: "add {path: …, values: [...]} entries")
        }
        let baseNode = fields.required("base", expecting: "the path of the base study")
        guard let baseNode, let relative = context.path(baseNode, field: "base") else { return nil }
        let basePath = PathDisplay.resolve(relative, from: file)
        let base = loadBase(basePath, baseNode.location)
        if mode == .zip, let lengths = Optional(dimensions.map(\.dimension.values.count)), Set(lengths).count > 1 {
            context.error(
                at: fields.keyLocation("vary"),
                "zip needs lists of one length, found \(lengths.map(String.init).joined(separator: ", "))",
                hint: "give every path the same number of values, or use mode: grid")
        }
        if let base { check(dimensions, against: base) }
        guard !context.hasErrors else { return nil }
        return Sweep(base: basePath, mode: mode, dimensions: dimensions.map(\.dimension))
    }

    private struct LocatedDimension {
        var dimension: SweepDimension
        var pathLocation: SourceLocation
        var valueLocations: [SourceLocation]
    }

    private func dimension(_ node: YAMLNode) -> LocatedDimension? {
        let fields = FieldReader(node, owner: "vary entry", keys: ["path", "values"], context: context)
        let path = fields.text("path")
        let valuesNode = fields.required("values", expecting: "a list of numbers")
        guard let path, let valuesNode, let values = context.numbers(valuesNode, field: "values", rule: .any) else {
            return nil
        }
        guard !values.isEmpty else {
            context.error(at: valuesNode.location, "'values' lists nothing", hint: "give at least one value")
            return nil
        }
        guard case .sequence(let items) = valuesNode.content else { return nil }
        return LocatedDimension(
            dimension: SweepDimension(path: path, values: values), pathLocation: fields.node("path")!.location,
            valueLocations: items.map(\.location))
    }

    private func check(_ dimensions: [LocatedDimension], against base: Study) {
        var seen: [String: SourceLocation] = [:]
        for item in dimensions {
            let path = item.dimension.path
            if let first = seen[path] {
                context.error(
                    at: item.pathLocation, "'\(path)' is varied twice",
                    hint: "merge its values into the entry at \(first.line):\(first.column)")
                continue
            }
            seen[path] = item.pathLocation
            do throws(NumberPathError) {
                try base.checkNumberPath(path)
            } catch {
                context.error(
                    at: item.pathLocation, error.message,
                    hint: error.hint.isEmpty ? "name a number of the study by ids and keys" : error.hint)
                continue
            }
            for (value, location) in zip(item.dimension.values, item.valueLocations) {
                var variant = base
                do throws(NumberPathError) {
                    try variant.setNumber(at: path, to: value)
                } catch {
                    context.error(at: location, error.message, hint: error.hint)
                }
            }
        }
    }
}
