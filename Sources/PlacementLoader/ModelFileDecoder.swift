import Foundation
import PlacementModel

/// Reads the list files of `Models/`: hardware, workloads, tenants and scenarios
/// (one extension per file kind).
struct ModelFileDecoder {
    let context: DecodingContext
    let draft: StudyDraft

    /// Reads the top-level list `key` of a file, item by item.
    func items(_ root: YAMLNode, owner: String, key: String, extraKeys: [String] = []) -> (
        FieldReader, [YAMLNode]
    )? {
        guard let file = FileHeader.read(root, owner: owner, keys: [key, "name"] + extraKeys, context: context),
            let list = file.list(key)
        else { return nil }
        return (file, list)
    }

    func owner(_ kind: String, _ node: YAMLNode, _ position: Int) -> String {
        FieldReader.peekText(node, "id").map { "\(kind) '\($0)'" } ?? "\(kind) \(position + 1)"
    }

    /// Reads the `id` of an item and declares it; `nil` when missing, invalid or a duplicate.
    func declaredID<Kind>(_ fields: FieldReader, _ kind: IDKind) -> Identifier<Kind>? {
        guard let id: Identifier<Kind> = fields.identifier("id"),
            draft.declare(kind, id.rawValue, at: fields.node("id")!.location, context: context)
        else { return nil }
        return id
    }

    /// A sum as messages show it: up to 9 significant digits, no trailing zeros.
    static func format(_ value: Double) -> String {
        var text = String(format: "%.9g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
