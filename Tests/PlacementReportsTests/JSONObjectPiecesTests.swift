import ResultFormats
import Testing

/// A document streamed piece by piece is the bytes of the whole one, whatever the number of
/// elements, and the pieces can be read more than once.
@Suite struct JSONObjectPiecesTests {
    private static let members: [(String, JSONValue)] = [
        ("schema", "example/1"),
        ("summary", .object([("mean", 1.5), ("quantiles", .array([1, 2, 3]))])),
        ("scenarios", .array([.object([("id", "base")])])),
    ]

    private static func record(_ n: Int) -> JSONValue {
        .object([("id", .string("path-\(n)")), ("fleet", .array([.object([("year", .number(Double(2026 + n)))])]))])
    }

    @Test(arguments: [0, 1, 3])
    func joinedPiecesAreTheWholeDocument(count: Int) {
        let records = (0..<count).map(Self.record)
        let pieces = JSONObjectPieces(Self.members, streaming: "paths", records.lazy)
        let whole = JSONValue.object(Self.members + [("paths", .array(records))]).serialized()
        #expect(pieces.joined() == whole)
        #expect(Array(pieces).count == count + 2)
        #expect(pieces.joined() == whole)
    }

    @Test func withNoOtherMembers() {
        let pieces = JSONObjectPieces([], streaming: "rows", [Self.record(1)])
        #expect(pieces.joined() == JSONValue.object([("rows", .array([Self.record(1)]))]).serialized())
        #expect(
            pieces.joined() == """
                {
                  "rows": [
                    {
                      "id": "path-1",
                      "fleet": [
                        {
                          "year": 2027
                        }
                      ]
                    }
                  ]
                }
                """)
    }
}
