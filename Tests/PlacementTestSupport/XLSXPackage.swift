import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An .xlsx file read back for tests: unzipped with the system `unzip`, its XML parsed with
/// XMLDocument (sheet names, cells with their type, value and any formula, charts, styles).
///
/// ```swift
/// let book = try XLSXPackage(path: "plan.xlsx")
/// #expect(book.sheetNames.first == "Summary")
/// ```
public struct XLSXPackage {
    /// One `<c>` element: its type attribute (`s` for a shared string), its value (the string
    /// itself for a string cell) and its formula, if any.
    public struct Cell: Equatable {
        public var reference: String
        public var type: String?
        public var value: String?
        public var formula: String?
    }

    public let path: String
    /// The names of the files in the package.
    public let entries: [String]
    public let sheetNames: [String]
    private let sharedStrings: [String]

    public init(path: String) throws {
        self.path = path
        entries = try Self.unzip(["-Z1", path]).split(separator: "\n").map(String.init)
        let workbook = try Self.document(Self.unzip(["-p", path, "xl/workbook.xml"]))
        sheetNames = try workbook.nodes(forXPath: "//*[local-name()='sheet']/@name").compactMap(\.stringValue)
        if entries.contains("xl/sharedStrings.xml") {
            let strings = try Self.document(Self.unzip(["-p", path, "xl/sharedStrings.xml"]))
            sharedStrings = try strings.nodes(forXPath: "//*[local-name()='si']").map { $0.stringValue ?? "" }
        } else {
            sharedStrings = []
        }
    }

    /// The text of one file of the package.
    public func text(_ entry: String) throws -> String { try Self.unzip(["-p", path, entry]) }

    /// The rows of the sheet named `name`, each a list of its cells, string cells resolved.
    public func rows(of name: String) throws -> [[Cell]] {
        guard let index = sheetNames.firstIndex(of: name) else { throw Failure("no sheet named \(name)") }
        let sheet = try Self.document(text("xl/worksheets/sheet\(index + 1).xml"))
        return try sheet.nodes(forXPath: "//*[local-name()='row']").map { row in
            try row.nodes(forXPath: "*[local-name()='c']").map { node in
                let type = try node.nodes(forXPath: "@t").first?.stringValue
                let value = try node.nodes(forXPath: "*[local-name()='v']").first?.stringValue
                let formula = try node.nodes(forXPath: "*[local-name()='f']").first?.stringValue
                let resolved = type == "s" ? value.flatMap(Int.init).map { sharedStrings[$0] } : value
                return Cell(
                    reference: try node.nodes(forXPath: "@r").first?.stringValue ?? "", type: type, value: resolved,
                    formula: formula)
            }
        }
    }

    /// The files of the charts (`xl/charts/chart*.xml`).
    public var charts: [String] { entries.filter { $0.hasPrefix("xl/charts/chart") && $0.hasSuffix(".xml") } }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private static func document(_ text: String) throws -> XMLDocument { try XMLDocument(xmlString: text) }

    private static func unzip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("unzip \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
