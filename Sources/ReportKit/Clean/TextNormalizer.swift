import Foundation

/// Normalises text without changing what it says: Unicode NFC, line endings, full-width digits and
/// Latin letters to ASCII (and `％．，` inside numbers), whitespace, and numbers broken by a stray space.
///
/// ```swift
/// TextNormalizer().normalize("率达到１０６． 66％").text  // "率达到106.66%"
/// ```
public struct TextNormalizer: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var text: String
        public var repairs: [Repair]
    }

    public func normalize(_ input: String) -> Result {
        var repairs: [Repair] = []
        let composed = Self.isNFCStable(input) ? input : input.precomposedStringWithCanonicalMapping
        var scalars = ScalarText.scalars(composed)
        var fullwidthCount = 0
        // 1. Full-width digits and letters; ％．， only where they sit in a number.
        for index in scalars.indices {
            let value = scalars[index].value
            if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
                scalars[index] = Unicode.Scalar(value - 0xFEE0)!
                fullwidthCount += 1
            }
        }
        for index in scalars.indices {
            let previousIsDigit = index > 0 && CJK.isASCIIDigit(scalars[index - 1])
            let nextIsDigit = index + 1 < scalars.count && CJK.isASCIIDigit(scalars[index + 1])
            switch scalars[index] {
            case "％" where previousIsDigit:
                scalars[index] = "%"
                fullwidthCount += 1
            case "．" where previousIsDigit && nextIsDigit:
                scalars[index] = "."
                fullwidthCount += 1
            case "，" where previousIsDigit && Self.threeDigitsFollow(scalars, after: index):
                scalars[index] = ","
                fullwidthCount += 1
            default: break
            }
        }
        if fullwidthCount > 0 {
            repairs.append(Repair(flag: QualityFlagName.fullwidthNormalized, before: "\(fullwidthCount) characters", after: "ASCII"))
        }
        // 2. Lines: CRLF/CR to LF, trim, collapse spaces, drop spaces between CJK characters; blank lines dropped.
        // 3. Numbers broken by stray spaces: "106. 66%" → "106.66%".
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
        var line: [UInt8] = []
        func flush(_ range: Range<Int>) {
            line.removeAll(keepingCapacity: true)
            Self.tidy(scalars[range], into: &line)
            guard !line.isEmpty else { return }
            if !out.isEmpty { out.append(0x0A) }
            if ScalarText.containsPair(line, 0x2E, 0x20) {
                let (joined, examples) = Self.joinBrokenDecimals(String(decoding: line, as: UTF8.self))
                repairs += examples.map { Repair(flag: QualityFlagName.brokenNumberJoined, before: $0.0, after: $0.1) }
                out.append(contentsOf: joined.utf8)
            } else {
                out.append(contentsOf: line)
            }
        }
        var lineStart = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r" {
                flush(lineStart..<index)
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                lineStart = index + 1
            } else if scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                flush(lineStart..<index)
                lineStart = index + 1
            }
            index += 1
        }
        flush(lineStart..<scalars.count)
        return Result(text: String(decoding: out, as: UTF8.self), repairs: repairs)
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

    private static func threeDigitsFollow(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        let digits = (1...3).allSatisfy { index + $0 < scalars.count && CJK.isASCIIDigit(scalars[index + $0]) }
        let fourth = index + 4 < scalars.count ? scalars[index + 4] : " "
        return digits && !CJK.isASCIIDigit(fourth)
    }

    /// Trims a line, collapses runs of spaces to one, and removes spaces next to CJK punctuation
    /// (`。 这是` → `。这是`). Spaces between words stay: bylines such as `人民网记者 毛雷` need them.
    static func tidy(_ line: ArraySlice<Unicode.Scalar>, into out: inout [UInt8]) {
        var pendingSpace = false
        var last: Unicode.Scalar?
        for scalar in line {
            if CJK.isHorizontalSpace(scalar) {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 { continue }
            if pendingSpace, let last, !(CJK.isPunctuation(last) || CJK.isPunctuation(scalar)) {
                out.append(0x20)
            }
            pendingSpace = false
            ScalarText.appendUTF8(scalar, to: &out)
            last = scalar
        }
    }

    private static let brokenDecimal = try! NSRegularExpression(pattern: "([0-9])\\.\\s+([0-9])")

    static func joinBrokenDecimals(_ line: String) -> (String, [(String, String)]) {
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

    static func snippet(_ text: String, around range: Range<String.Index>, context: Int = 6) -> String {
        let start = text.index(range.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: context + 2, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
