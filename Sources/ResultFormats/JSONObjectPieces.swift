/// A JSON object whose last member is a long array, serialized piece by piece: the members
/// before the array, then one piece per element, then the end. Joined, the pieces are
/// ``JSONValue/serialized()`` of the whole object byte for byte, but a large array is written
/// element by element without the whole document, or even the whole array, in memory.
///
/// ```swift
/// let records = (1...3).lazy.map { JSONValue.object([("id", .number(Double($0)))]) }
/// let pieces = JSONObjectPieces([("schema", "example/1")], streaming: "paths", records)
/// for piece in pieces { print(piece, terminator: "") }
/// ```
///
/// Elements must be objects or arrays: an array of scalars is written on one line, which
/// cannot be decided before its last element is seen.
public struct JSONObjectPieces<Elements: Sequence<JSONValue>>: Sequence {
    private let head: String
    private let elements: Elements

    /// - Parameters:
    ///   - members: the object's members before the streamed array, in order.
    ///   - key: the streamed array's member name, the object's last.
    ///   - elements: the array's elements, read once per iteration of the pieces.
    public init(_ members: [(String, JSONValue)], streaming key: String, _ elements: Elements) {
        var head = "{\n"
        for (name, value) in members {
            head += "  " + JSONValue.string(name).serialized() + ": " + value.serialized(indent: 2) + ",\n"
        }
        self.head = head + "  " + JSONValue.string(key).serialized() + ": ["
        self.elements = elements
    }

    public func makeIterator() -> Iterator {
        Iterator(head: head, elements: elements.makeIterator())
    }

    public struct Iterator: IteratorProtocol {
        private enum Position { case head, firstElement, laterElements, done }

        private let head: String
        private var elements: Elements.Iterator
        private var position = Position.head

        init(head: String, elements: Elements.Iterator) {
            self.head = head
            self.elements = elements
        }

        public mutating func next() -> String? {
            switch position {
            case .head:
                position = .firstElement
                return head
            case .firstElement, .laterElements:
                let first = position == .firstElement
                guard let element = elements.next() else {
                    position = .done
                    return first ? "]\n}" : "\n  ]\n}"
                }
                precondition(!element.isScalar, "JSONObjectPieces streams arrays of objects or arrays only")
                position = .laterElements
                return (first ? "\n    " : ",\n    ") + element.serialized(indent: 4)
            case .done:
                return nil
            }
        }
    }
}
