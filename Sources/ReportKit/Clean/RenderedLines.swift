/// Rendered lines as one valid UTF-8 buffer and where each line ends, and the page text made from them:
/// the lines trimmed, empty ones dropped, joined by line feeds, with a String made once for the whole text.
struct RenderedLines {
    var text: [UInt8] = []
    /// One past each line's last byte; line `i` starts where line `i - 1` ends.
    var ends: [Int] = []

    /// Each line's bytes without the whitespace and newline scalars `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` would remove at its ends; lines that are then empty are left out.
    func trimmedParagraphs() -> [Range<Int>] {
        text.withUnsafeBufferPointer { bytes in
            var paragraphs: [Range<Int>] = []
            var start = 0
            for end in ends {
                defer { start = end }
                var lower = start
                while lower < end {
                    let (value, length) = UTF8Scalars.decode(bytes, at: lower)
                    guard Self.isTrimmed(value) else { break }
                    lower += length
                }
                var upper = end
                while upper > lower {
                    var scalarStart = upper - 1
                    while bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
                    guard Self.isTrimmed(UTF8Scalars.decode(bytes, at: scalarStart).0) else { break }
                    upper = scalarStart
                }
                if lower < upper { paragraphs.append(lower..<upper) }
            }
            return paragraphs
        }
    }

    /// The scalars of Foundation's `CharacterSet.whitespacesAndNewlines` (a unit test compares every scalar).
    @inline(__always)
    static func isTrimmed(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The paragraph's text.
    func string(_ paragraph: Range<Int>) -> String { String(decoding: text[paragraph], as: UTF8.self) }

    /// The paragraphs joined by line feeds.
    func joined(_ paragraphs: [Range<Int>]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraphs.reduce(paragraphs.count) { $0 + $1.count })
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            bytes.append(contentsOf: text[paragraph])
        }
        return KnownValidUTF8.string(bytes)  // whole lines of valid text, cut between scalars
    }
}
