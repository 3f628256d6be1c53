/// Byte values the scan compares against (named constants keep debug builds fast).
private enum ASCII {
    static let backslash: UInt8 = 92
    static let carriageReturn: UInt8 = 13
    static let closeBrace: UInt8 = 125
    static let doubleQuote: UInt8 = 34
    static let closeBracket: UInt8 = 93
    static let colon: UInt8 = 58
    static let comma: UInt8 = 44
    static let greater: UInt8 = 62
    static let hash: UInt8 = 35
    static let hyphen: UInt8 = 45
    static let newline: UInt8 = 10
    static let openBrace: UInt8 = 123
    static let openBracket: UInt8 = 91
    static let pipe: UInt8 = 124
    static let plus: UInt8 = 43
    static let question: UInt8 = 63
    static let singleQuote: UInt8 = 39
    static let space: UInt8 = 32
    static let star: UInt8 = 42
    static let tab: UInt8 = 9
    static let underscore: UInt8 = 95
}

/// A cheap pass over the raw bytes, before YAML parsing, that rejects what could make the
/// parser itself misbehave: nesting deeper than the limit (the parser recurses once per
/// level, so 100 000 `[` would exhaust a thread's stack), and keys that are aliases or
/// collections (the parser compares such keys by full value, which an alias to a large
/// structure makes exponential).
///
/// It follows YAML closely enough to never reject a file the schema accepts: quotes,
/// comments and block scalars are skipped; brackets count in flow context or at the start
/// of a token; block nesting follows indentation and `- ` indicators.
struct StructurePreScan {
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    let maximumDepth: Int

    func check(_ bytes: [UInt8]) -> Problem? {
        var scanner = Scanner(bytes: bytes, maximumDepth: maximumDepth)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let maximumDepth: Int
        var position = 0
        var line = 1
        var lineStart = 0
        var blockIndents: [Int] = []
        var flowDepth = 0
        var quote: UInt8? = nil
        var blockScalarParentIndent: Int? = nil

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        /// Column in Unicode scalars of byte `offset` on the current line.
        func column(of offset: Int) -> Int {
            var count = 1
            for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }

        func problem(at offset: Int, _ message: String, _ hint: String) -> Problem {
            Problem(line: line, column: column(of: offset), message: message, hint: hint)
        }

        func tooDeep(at offset: Int) -> Problem {
            problem(
                at: offset, "nesting is deeper than \(maximumDepth) levels",
                "schema files need only a few levels; check for runaway brackets or indentation")
        }

        mutating func run() -> Problem? {
            while position < bytes.count {
                if let problem = scanLine() { return problem }
            }
            return nil
        }

        /// Scans one line starting at `position`; leaves `position` at the next line.
        mutating func scanLine() -> Problem? {
            lineStart = position
            var end = position
            while end < bytes.count, bytes[end] != ASCII.newline { end += 1 }
            defer {
                position = end + 1
                line += 1
            }
            var index = position
            while index < end, bytes[index] == ASCII.space { index += 1 }
            let indent = index - position
            let isBlank = index == end || bytes[index] == ASCII.hash || bytes[index] == ASCII.carriageReturn
            if let parent = blockScalarParentIndent {
                if isBlank || indent > parent { return nil }
                blockScalarParentIndent = nil
            }
            if isBlank && quote == nil { return nil }
            if quote == nil && flowDepth == 0 {
                while let last = blockIndents.last, last >= indent { blockIndents.removeLast() }
                blockIndents.append(indent)
                // Each `- ` opens one more level on the same line (`- - x`).
                while index + 1 < end, bytes[index] == ASCII.hyphen,
                    bytes[index + 1] == ASCII.space
                {
                    index += 2
                    while index < end, bytes[index] == ASCII.space { index += 1 }
                    blockIndents.append(index - position)
                }
                if blockIndents.count > maximumDepth { return tooDeep(at: index) }
            }
            return scanTokens(from: index, to: end, lineIndent: indent)
        }

        mutating func scanTokens(from start: Int, to end: Int, lineIndent: Int) -> Problem? {
            var index = start
            var previous: UInt8 = ASCII.space
            while index < end {
                let byte = bytes[index]
                if let open = quote {
                    if open == ASCII.doubleQuote && byte == ASCII.backslash {
                        index += 2
                        continue
                    }
                    if byte == open {
                        if open == ASCII.singleQuote, index + 1 < end, bytes[index + 1] == open {
                            index += 2
                            continue
                        }
                        quote = nil
                        previous = byte
                    }
                    index += 1
                    continue
                }
                let atTokenStart = Self.isSeparator(previous) || (flowDepth > 0 && Self.isFlowIndicator(previous))
                switch byte {
                case ASCII.hash where Self.isSeparator(previous):
                    return nil
                case ASCII.doubleQuote, ASCII.singleQuote:
                    if atTokenStart { quote = byte }
                case ASCII.openBracket, ASCII.openBrace:
                    if flowDepth > 0 || atTokenStart {
                        flowDepth += 1
                        if flowDepth + blockIndents.count > maximumDepth { return tooDeep(at: index) }
                    }
                case ASCII.closeBracket, ASCII.closeBrace:
                    if flowDepth > 0 {
                        flowDepth -= 1
                        if followedByKeyIndicator(index + 1, end) {
                            return problem(
                                at: index, "a list or mapping cannot be a key",
                                "keys are plain names such as 'pue' or '2028'")
                        }
                    }
                case ASCII.question where atTokenStart && isSpaceOrEnd(index + 1, end):
                    return problem(
                        at: index, "complex keys ('? ') are not supported",
                        "keys are plain names such as 'pue' or '2028'")
                case ASCII.star where atTokenStart:
                    var nameEnd = index + 1
                    while nameEnd < end, Self.isAnchorCharacter(bytes[nameEnd]) { nameEnd += 1 }
                    if followedByKeyIndicator(nameEnd, end) {
                        return problem(
                            at: index, "an alias cannot be a key",
                            "write the key as text; aliases may only stand for values")
                    }
                    index = nameEnd
                    previous = UInt8(ascii: "a")
                    continue
                case ASCII.pipe, ASCII.greater:
                    if atTokenStart && flowDepth == 0 && isBlockScalarHeader(index + 1, end) {
                        blockScalarParentIndent = lineIndent
                        return nil
                    }
                default: break
                }
                previous = byte
                index += 1
            }
            return nil
        }

        func isSpaceOrEnd(_ index: Int, _ end: Int) -> Bool {
            index >= end || Self.isSeparator(bytes[index])
        }

        /// Whether optional spaces and then `:` (ending the token) follow.
        func followedByKeyIndicator(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end, bytes[index] == ASCII.space { index += 1 }
            guard index < end, bytes[index] == ASCII.colon else { return false }
            return isSpaceOrEnd(index + 1, end) || flowDepth > 0
        }

        /// `|`/`>` followed only by indentation/chomping indicators and an optional comment.
        func isBlockScalarHeader(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end,
                bytes[index] == ASCII.plus || bytes[index] == ASCII.hyphen
                    || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[index])
            {
                index += 1
            }
            while index < end, Self.isSeparator(bytes[index]) { index += 1 }
            return index == end || bytes[index] == ASCII.hash
        }

        static func isSeparator(_ byte: UInt8) -> Bool {
            byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn
        }

        static func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == ASCII.openBracket || byte == ASCII.openBrace || byte == ASCII.comma
        }

        static func isAnchorCharacter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == ASCII.hyphen || byte == ASCII.underscore
        }
    }
}
