import Foundation

/// Normalises text without changing what it says: Unicode NFC, line endings, full-width digits and
/// Latin letters to ASCII (and `％．，` inside numbers), whitespace, and numbers broken by a stray space.
///
/// ```swift
/// TextNormalizer().normalize("率达到１０６． 66％").text  // "率达到106.66%"
/// ```
///
/// All steps run in one pass over the UTF-8 bytes (``UTF8Normalizer``): the full-width mapping, the line
/// split and the tidying of each line are decided scalar by scalar, with a few scalars of look-ahead, and
/// the output is written once.
public struct TextNormalizer: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var text: String
        public var repairs: [Repair]
        /// The script markers of `text` (``ChineseScriptConverter/isTraditional(_:)``), counted in the same pass.
        var scriptMarkers = ScriptMarkerTally()
    }

    public func normalize(_ input: String) -> Result {
        var text = input
        // Most texts pass ``isNFCStable(_:)``, which the pass checks as it goes; it gives up on any other text.
        if let result = text.withUTF8({ UTF8Normalizer.normalize($0, stopOutsideClassicRanges: true) }) { return result }
        var composed = text.precomposedStringWithCanonicalMapping
        return composed.withUTF8 { UTF8Normalizer.normalize($0, stopOutsideClassicRanges: false)! }
    }

    /// True when the costly normalisation can be skipped: every scalar is in one of the ranges this check has
    /// always accepted (ASCII and Latin-1 letters, CJK ideographs, CJK and full-width punctuation), or every
    /// scalar is one NFC leaves alone in any text (``isNFCInert(_:)``: private-use, symbols such as `≈` and
    /// `⑷`). The first rule alone also passes U+2000, U+2001 and U+302A…U+302F, which NFC would change; they
    /// keep passing under it so that no output changes.
    static func isNFCStable(_ text: String) -> Bool {
        // Most texts pass the classic ranges alone; only the others are scanned a second time.
        text.unicodeScalars.allSatisfy(isClassicNFCStable) || text.unicodeScalars.allSatisfy(isNFCInert)
    }

    /// The ranges the NFC pre-check has always accepted.
    @inline(__always)
    static func isClassicNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x2FF, 0x2000...0x206F, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: true
        default: false
        }
    }

    /// Scalars with NFC quick-check Yes and combining class 0 (NFC maps each to itself and none is the second
    /// half of a composition), so a text made only of them is already NFC: the plain scalars
    /// (``TextSpans/isPlain(_:)``) and the classic ranges without their exceptions, and without U+2ADC (plain,
    /// but excluded from composition: NFC writes it as U+2ADD U+0338). A unit test checks every one.
    @inline(__always)
    static func isNFCInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2000, 0x2001, 0x2ADC, 0x302A...0x302F: false
        default: TextSpans.isPlain(scalar) || isClassicNFCStable(scalar)
        }
    }

    private static let brokenDecimal = try! NSRegularExpression(pattern: "([0-9])\\.\\s+([0-9])")

    /// `line` with the white space removed from every `([0-9])\.\s+([0-9])` match, and a before/after snippet per
    /// match. A plain line (``ScalarText/isPlain(_:)``) whose only white space can be the space is answered
    /// byte by byte (``joinBrokenDecimalsOfSpaces(_:)``); the regular expression answers the others.
    static func joinBrokenDecimals(_ line: String) -> (String, [(String, String)]) {
        if ScalarText.allScalars(of: line, satisfy: { TextSpans.isPlain($0) && !mayBeWhiteSpaceOtherThanSpace($0) }) {
            return joinBrokenDecimalsOfSpaces(line)
        }
        guard line.contains(". ") else { return (line, []) }
        let range = NSRange(line.startIndex..., in: line)
        var examples: [(String, String)] = []
        for match in brokenDecimal.matches(in: line, range: range) {
            guard let whole = Range(match.range, in: line) else { continue }
            let before = snippet(line, around: whole)
            examples.append((before, before.replacingOccurrences(of: ". ", with: ".")))
        }
        let joined = brokenDecimal.stringByReplacingMatches(in: line, range: range, withTemplate: "$1.$2")
        return (joined, examples)
    }

    /// Every scalar any definition of `\s` might hold apart from the space (Unicode White_Space, the separators,
    /// the old ones U+180E, U+200B and U+FEFF, and all control characters): a line without them can match `\s`
    /// only with spaces.
    @inline(__always)
    static func mayBeWhiteSpaceOtherThanSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// ``joinBrokenDecimals(_:)`` for a plain line whose only white space is the space: leftmost matches of a
    /// digit, `.`, spaces and a digit, each search going on after the last digit matched, as the expression's do.
    static func joinBrokenDecimalsOfSpaces(_ line: String) -> (String, [(String, String)]) {
        var line = line
        var matches: [Range<Int>] = []  // UTF-8 offsets of each match
        let joined: [UInt8] = line.withUTF8 { bytes in
            @inline(__always) func isDigit(_ offset: Int) -> Bool { bytes[offset] >= 0x30 && bytes[offset] <= 0x39 }
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while index + 3 < bytes.count {
                guard isDigit(index), bytes[index + 1] == 0x2E, bytes[index + 2] == 0x20 else {
                    index += 1
                    continue
                }
                var next = index + 3
                while next < bytes.count && bytes[next] == 0x20 { next += 1 }
                guard next < bytes.count, isDigit(next) else {
                    index += 1
                    continue
                }
                // The digit and `.` stay, the spaces go; the search goes on after the second digit.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(index + 2)]))
                copied = next
                matches.append(index..<(next + 1))
                index = next + 1
            }
            if !matches.isEmpty { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
            return out
        }
        guard !matches.isEmpty else { return (line, []) }
        let examples = matches.map { match in
            let before = snippet(line, around: ScalarText.utf8Index(line, match.lowerBound)..<ScalarText.utf8Index(line, match.upperBound))
            return (before, PlainText.replacing(". ", with: ".", in: before))
        }
        return (KnownValidUTF8.string(joined), examples)  // the line less some ASCII spaces: still whole scalars
    }

    static func snippet(_ text: String, around range: Range<String.Index>, context: Int = 6) -> String {
        let start = text.index(range.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: context + 2, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
