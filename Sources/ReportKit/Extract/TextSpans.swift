/// The cleaned text as Unicode scalars with the spans extraction needs: sentences, and the insides of
/// `《…》` titles and short `“…”` slogans, where numbers are names, not claims.
struct TextSpans {
    let scalars: [Unicode.Scalar]
    /// The text the scalars came from, and where each scalar (and the end) starts in its UTF-8, so that
    /// ``string(_:)`` copies a slice of valid UTF-8 instead of encoding and validating scalars again.
    let text: String
    private let utf8Offsets: [Int32]
    /// Half-open sentence ranges covering the text.
    let sentences: [Range<Int>]
    /// Inside `《…》`.
    let titles: [Range<Int>]
    /// Inside `“…”` / `‘…’` / `「…」` when short and without sentence punctuation (slogans, names).
    let slogans: [Range<Int>]
    /// Inside long `“…”` (quoted speech): claims there count.
    let speech: [Range<Int>]

    /// True when every scalar is a `Character` of its own without a canonical equivalent, so comparing
    /// scalars gives the same answers as `String`'s Character-level `count`, `hasPrefix` and `contains`.
    /// Almost every cleaned report is plain; the rare others take the `String` route.
    let isPlain: Bool
    /// True at the positions inside a title or slogan (see ``isInsideName(_:)``).
    private let insideName: [Bool]
    /// The ``flags(_:)`` byte of each scalar, as the decoding looked it up: where the number, digits-missing and
    /// place-name scans skip to (``ScalarFlagSearch``).
    let scalarFlagBytes: [UInt8]
    /// ``MinHasher/normalized(_:)`` of the text, collected by the same decoding (``normalizedFlag``): dedup's
    /// preparation takes it from here instead of decoding the text again.
    let normalized: (utf8: [UInt8], values: [UInt32])
    /// The exact-duplicate key of ``normalized`` (the first 32 hex digits of its SHA-256) when the extractor hashed it
    /// beside the text for the report id; dedup's preparation hashes it itself otherwise.
    var normalizedKey: String?

    /// `。！？；!?;` and the line break.
    static func isSentenceEnder(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "!", "?", ";", "\n": true
        default: false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", ")", "）": true
        default: false
        }
    }

    /// Latin, general punctuation, symbols, CJK punctuation, kana, ideographs, private-use and full-width
    /// forms — but not CR (which joins LF), the zero-width joiners, combining marks, the kana voicing marks,
    /// nor the few symbols with a singleton canonical decomposition (U+2000, U+2001, U+2126, U+212A,
    /// U+212B, U+2329, U+232A). A unit test checks every scalar here against `String`'s own rules.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D, 0x2000, 0x2001, 0x200C, 0x200D, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A: false
        case 0...0x2FF, 0x2002...0x20CF, 0x2100...0x2BFF, 0x2E80...0x3029, 0x3030...0x3098, 0x309B...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xE000...0xF8FF, 0xFE30...0xFE6F, 0xFF00...0xFF9D, 0xFFA0...0xFFEF:
            true
        default: false
        }
    }

    /// Punctuation that makes a quotation speech rather than a name.
    static func isSpeechPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "，", ",": true
        default: false
        }
    }

    /// The quotation marks whose insides are slogans or speech, in the order their spans are listed.
    static let quotePairs: [(Unicode.Scalar, Unicode.Scalar)] = [("“", "”"), ("‘", "’"), ("「", "」"), ("\"", "\"")]

    /// Sentence enders, closers, brackets, quotation marks and the line break: where ``init(_:)`` has work to do.
    static let structural = ScalarBits { scalar in
        isSentenceEnder(scalar) || isCloser(scalar) || scalar == "《" || scalar == "》"
            || quotePairs.contains { $0.0 == scalar || $0.1 == scalar }
    }
    static let plainBits = ScalarBits(isPlain)

    /// ``flags(_:)`` bits: not ``isPlain(_:)``, ``isCloser(_:)``, ``structural``, and where a quantity
    /// (``QuantityScanner/numberStarts``), a digits-missing pattern (``DigitsMissingScanner/canStart(_:)``) or a
    /// place name can start.
    static let notPlainFlag: UInt8 = 1
    static let closerFlag: UInt8 = 2
    static let structuralFlag: UInt8 = 4
    static let numberStartFlag: UInt8 = 8
    static let digitsMissingStartFlag: UInt8 = 16
    /// Where a name of the shared gazetteer (``RegionGazetteer/shared``) can start (``NameScanTable/mayStartName(_:)``).
    static let nameStartFlag: UInt8 = 32
    /// What dedup's normalised text keeps (``MinHasher/keepsForNormalizedText(_:)``): ideographs, ASCII digits and letters.
    static let normalizedFlag: UInt8 = 64
    /// Where a period of ``MetricExtractor/periodPattern`` can start (``PeriodScanner/canStart(_:)``).
    static let periodStartFlag: UInt8 = 128
    /// The bits ``TextSpanScanner`` has work for.
    static let spanFlags: UInt8 = notPlainFlag | closerFlag | structuralFlag

    /// The three per-scalar questions of ``init(_:)`` in one byte per BMP scalar (64 KiB, of which a text
    /// touches a few lines): one load answers them all, and zero, the answer for almost every scalar of a
    /// plain report, means nothing to do. Two bit tables and the closer switch cost about three times as much.
    static let scalarFlags: [UInt8] = {
        let names = RegionGazetteer.shared.scanTable  // fetched once: each fetch retains the table's arrays
        return (0..<UInt32(0x10000)).map { value in
            guard let scalar = Unicode.Scalar(value) else { return notPlainFlag }  // surrogates: never in a String
            return (plainBits.contains(scalar) ? 0 : notPlainFlag) | (isCloser(scalar) ? closerFlag : 0)
                | (structural.contains(scalar) ? structuralFlag : 0) | startFlags(scalar, names: names)
                | (MinHasher.keepsForNormalizedText(scalar) ? normalizedFlag : 0) | (PeriodScanner.canStart(scalar) ? periodStartFlag : 0)
        }
    }()

    static func flags(computedFor scalar: Unicode.Scalar) -> UInt8 {
        (isPlain(scalar) ? 0 : notPlainFlag) | (isCloser(scalar) ? closerFlag : 0) | (structural.contains(scalar) ? structuralFlag : 0)
            | startFlags(scalar, names: RegionGazetteer.shared.scanTable) | (MinHasher.keepsForNormalizedText(scalar) ? normalizedFlag : 0)
            | (PeriodScanner.canStart(scalar) ? periodStartFlag : 0)
    }

    private static func startFlags(_ scalar: Unicode.Scalar, names: NameScanTable) -> UInt8 {
        (QuantityScanner.numberStarts.contains(scalar) ? numberStartFlag : 0)
            | (DigitsMissingScanner.canStart(scalar) ? digitsMissingStartFlag : 0)
            | (names.mayStartName(scalar) ? nameStartFlag : 0)
    }

    /// One pass over the UTF-8 decodes the scalars and looks up their flags; the sentences, the plainness and every
    /// bracket pair are then found at the flagged scalars alone (``TextSpanScanner``). The result equals
    /// ``reference(_:)``, the one-loop-per-job definition (a unit test compares them).
    init(_ text: String) {
        let (scalars, utf8Offsets, flagBytes, normalized) = Self.scalarFlags.withUnsafeBufferPointer { flagTable in
            ScalarText.decodedScalarsWithOffsets(text, flagTable: flagTable, astralFlags: Self.flags(computedFor:), keeping: Self.normalizedFlag)
        }
        self.normalized = normalized
        var scanner = TextSpanScanner(utf8Count: text.utf8.count)
        scanner.scan(scalars, flags: flagBytes)
        scanner.finish(count: scalars.count)
        self.scalarFlagBytes = flagBytes
        self.scalars = scalars
        self.text = text
        self.utf8Offsets = utf8Offsets
        self.isPlain = scanner.isPlain
        self.sentences = scanner.sentences
        self.titles = scanner.titles
        let quoted = scanner.quoted
        var slogans: [Range<Int>] = []
        slogans.reserveCapacity(quoted.reduce(0) { $0 + $1.count })  // one allocation: most quotations are slogans
        var speech: [Range<Int>] = []
        for spans in quoted {
            for span in spans {
                let inner = scalars[span]
                let isSpeech = inner.count > 24 || inner.contains(where: Self.isSpeechPunctuation)
                if isSpeech { speech.append(span) } else { slogans.append(span) }
            }
        }
        self.slogans = slogans
        self.speech = speech
        var insideName = [Bool](repeating: false, count: scalars.count)
        for spans in [titles, slogans] {
            for span in spans {
                for position in span { insideName[position] = true }
            }
        }
        self.insideName = insideName
    }

    /// The spans as the plain loops find them, one loop per job: what ``init(_:)`` must equal.
    static func reference(_ text: String)
        -> (isPlain: Bool, sentences: [Range<Int>], titles: [Range<Int>], slogans: [Range<Int>], speech: [Range<Int>])
    {
        let scalars = Array(text.unicodeScalars)
        let isPlain = scalars.allSatisfy(Self.isPlain)
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if Self.isSentenceEnder(scalars[index]) {
                var end = index + 1
                while end < scalars.count, Self.isCloser(scalars[end]) { end += 1 }
                if end > start { sentences.append(start..<end) }
                start = end
                index = end
                continue
            }
            index += 1
        }
        if start < scalars.count { sentences.append(start..<scalars.count) }
        let titles = Self.bracketed(scalars, open: "《", close: "》", maxLength: 80)
        var slogans: [Range<Int>] = []
        var speech: [Range<Int>] = []
        for (open, close) in quotePairs {
            for span in Self.bracketed(scalars, open: open, close: close, maxLength: 400) {
                let inner = scalars[span]
                let isSpeech = inner.count > 24 || inner.contains(where: Self.isSpeechPunctuation)
                if isSpeech { speech.append(span) } else { slogans.append(span) }
            }
        }
        return (isPlain, sentences, titles, slogans, speech)
    }

    /// Ranges strictly inside matching `open`/`close` pairs (not nested across lines).
    static func bracketed(_ scalars: [Unicode.Scalar], open: Unicode.Scalar, close: Unicode.Scalar, maxLength: Int)
        -> [Range<Int>]
    {
        var spans: [Range<Int>] = []
        var openedAt: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" { openedAt = nil }
            if open == close {
                if scalar == open {
                    if let start = openedAt {
                        if index - start - 1 <= maxLength { spans.append((start + 1)..<index) }
                        openedAt = nil
                    } else {
                        openedAt = index
                    }
                }
                continue
            }
            if scalar == open {
                openedAt = index
            } else if scalar == close, let start = openedAt {
                if index - start - 1 <= maxLength { spans.append((start + 1)..<index) }
                openedAt = nil
            }
        }
        return spans
    }

    /// ``sentence(containing:)``, answered by `known` (the sentence found for an earlier position) while it holds
    /// `position`: claims and mentions come in text order, several to a sentence.
    func sentence(containing position: Int, reusing known: Range<Int>?) -> Range<Int> {
        if let known, known.contains(position) { return known }
        return sentence(containing: position)
    }

    func sentence(containing position: Int) -> Range<Int> {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = sentences[middle]
            if position < range.lowerBound {
                high = middle - 1
            } else if position >= range.upperBound {
                low = middle + 1
            } else {
                return range
            }
        }
        return position..<min(position + 1, scalars.count)
    }

    /// True inside a `《…》` title or a slogan.
    func isInsideName(_ position: Int) -> Bool {
        position >= 0 && position < insideName.count && insideName[position]
    }

    /// The scalars of `range` as a String: a copy of the text's UTF-8 between their offsets, which cut it between
    /// scalars, so the copy needs no validation (``KnownValidUTF8``; through a `Substring` it cost ~700
    /// instructions a call, and extraction makes about 75 per report).
    func string(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        let lower = Int(utf8Offsets[clamped.lowerBound])
        let upper = Int(utf8Offsets[clamped.upperBound])
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
            KnownValidUTF8.string(UnsafeBufferPointer(rebasing: utf8[lower..<upper]))
        }
        return copied ?? referenceString(range)
    }

    /// ``string(_:)`` through the String's own slicing: what it must equal, and its way for a text without
    /// contiguous UTF-8.
    func referenceString(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[clamped.lowerBound]))
        let upper = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[clamped.upperBound]))
        return String(Substring(utf8[lower..<upper]))
    }

    /// Where scalar `position` (or the end, at `scalars.count`) starts in ``text``, from the UTF-8 offsets:
    /// the index `text.unicodeScalars` reaches by walking `position` scalars from the start.
    func index(ofScalar position: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: Int(utf8Offsets[position]))
    }

    /// `string(range).trimmingCharacters(in: .whitespaces)` without Foundation.
    func trimmedString(_ range: Range<Int>) -> String {
        string(trimmed(range))
    }

    /// `range` without leading and trailing ``isWhitespace(_:)`` scalars.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        let clamped = range.clamped(to: 0..<scalars.count)
        var lower = clamped.lowerBound
        var upper = clamped.upperBound
        while lower < upper, Self.isWhitespace(scalars[lower]) { lower += 1 }
        while upper > lower, Self.isWhitespace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Exactly the scalars Foundation's `CharacterSet.whitespaces` holds on Linux (tab, the space separators
    /// and U+200B); `trimmingCharacters(in:)` trims them scalar by scalar. A unit test pins both facts.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// True when the scalars before `position` end with `word`.
    func hasPrefix(_ word: String, before position: Int) -> Bool {
        position <= scalars.count && hasWord(word, at: position - word.unicodeScalars.count)
    }

    func hasPrefix(_ needle: [Unicode.Scalar], before position: Int) -> Bool {
        position <= scalars.count && scalars.matches(needle, at: position - needle.count)
    }

    /// True when the scalars from `position` start with `word` (compared in place, without an array).
    func hasWord(_ word: String, at position: Int) -> Bool {
        guard position >= 0, position <= scalars.count else { return false }
        var index = position
        for scalar in word.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func hasWord(_ needle: [Unicode.Scalar], at position: Int) -> Bool {
        scalars.matches(needle, at: position)
    }
}
