import CKernels
import Testing
@testable import ReportKit

/// ``CJKRun`` (both C paths) must find the run the normaliser's per-scalar classification finds
/// (``UTF8Normalizer/isIdeographLead(_:at:)`` and ``UTF8Normalizer/isUnmappedPunctuation(_:at:afterDigit:)``, one
/// three-byte unit at a time, with the neutral scalars (``neutralLength(_:at:)``) one at a time) and tally its script markers as ``ScriptMarkerTally/add(threeByteScalarAt:of:markers:)``
/// does, on any bytes, without reading past the count it is given.
@Suite("CJK run kernel") struct CJKRunTests {
    /// Scalars of the run, scalars just outside its classes, and scalars of other lengths.
    static let inRun: [Unicode.Scalar] = [
        "\u{4E00}", "\u{4E2D}", "\u{4FFF}", "\u{5000}", "\u{8425}", "\u{9FFF}", "們", "這", "个", "营", "環", "环", "與",
        "\u{2014}", "\u{201F}", "\u{2026}", "\u{3001}", "\u{3002}", "\u{3029}", "\u{3030}", "\u{303F}", "\u{FF01}",
        "\u{FF0C}", "\u{FF0E}", "\u{FF0F}", "\u{FF1A}", "\u{FF20}",
    ]
    static let outside: [Unicode.Scalar] = [
        "\u{4DFF}", "\u{4DC0}", "\u{3400}", "\u{A000}", "\u{2013}", "\u{2020}", "\u{2025}", "\u{2027}", "\u{3000}",
        "\u{302A}", "\u{302F}", "\u{3040}", "\u{FF00}", "\u{FF10}", "\u{FF19}", "\u{FF21}", "\u{FF3B}", "\u{FFFD}",
        "\u{E000}", "\u{D7FF}", "1", " ", "\n", "\u{0}", "\u{7FF}", "\u{20000}", "\u{10FFFF}",
        ".", "0", "9", "\u{7F}", "\u{1F}", "\t", "\u{80}", "\u{A0}", "\u{B7}", "\u{BF}", "\u{300}", "\u{301}",
        "\u{37F}",
    ]
    /// Neutral scalars, part of the run; their neighbours outside it are in ``outside``.
    static let neutral: [Unicode.Scalar] = [",", "(", ")", ":", ";", "?", "!", "\"", "+", "-", "/", "@", "[", "`", "{", "~", "'", "#", "%", "=", "a", "A", "Z", "z", "j", "é", "í", "ǐ", "ü", "\u{C0}", "\u{2FF}"]
    /// What a run is made of.
    static let runScalars = inRun + neutral

    /// The length of a scalar the normaliser writes as it is with nothing to note, at `index`: printable ASCII but
    /// digits and `.`, or U+00C0…U+02FF (a lead byte C3…CB and a continuation byte); nil for anything else.
    static func neutralLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if (0x21...0x7E).contains(lead) { return CJK.isASCIIDigit(byte: lead) || lead == 0x2E ? nil : 1 }
        if (0xC3...0xCB).contains(lead), index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 { return 2 }
        return nil
    }

    /// The run at the start of `bytes`, one unit at a time.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ markers: UnsafeBufferPointer<UInt64>)
        -> (length: Int, tally: ScriptMarkerTally, endsInPunctuation: Bool)
    {
        var tally = ScriptMarkerTally()
        var index = 0
        var endsInPunctuation = false
        while index < bytes.count {
            let lead = bytes[index]
            if let length = neutralLength(bytes, at: index) {
                endsInPunctuation = false
                index += length
                continue
            }
            guard index + 3 <= bytes.count else { break }
            if UTF8Normalizer.isIdeographLead(bytes, at: index) {
                tally.add(threeByteScalarAt: index, of: bytes, markers: markers)
                endsInPunctuation = false
            } else if (lead == 0xE2 || lead == 0xE3 || lead == 0xEF)
                && UTF8Normalizer.isUnmappedPunctuation(bytes, at: index, afterDigit: false)
            {
                endsInPunctuation = true
            } else {
                break
            }
            index += 3
        }
        return (index, tally, endsInPunctuation)
    }

    /// Checks both paths against the reference on the first `count` bytes of `bytes` (the rest, if any, must not
    /// be read).
    static func check(_ bytes: [UInt8], count: Int, _ note: @autoclosure () -> String) {
        ChineseScriptConverter.scriptMarkers.withUnsafeBufferPointer { markers in
            bytes.withUnsafeBufferPointer { all in
                let buffer = UnsafeBufferPointer(rebasing: all[0..<count])
                let expected = reference(buffer, markers)
                for avx2 in UTF8Validation.avx2Available ? [false, true] : [false] {
                    let run = CJKRun.scan(buffer, from: 0, markers: markers, avx2: avx2)
                    var tally = ScriptMarkerTally()
                    tally.add(traditional: run.traditional, simplified: run.simplified)
                    #expect(run.length == expected.length, "avx2 \(avx2): \(note())")
                    #expect(tally == expected.tally, "avx2 \(avx2): \(note())")
                    if expected.length > 0 {
                        #expect((run.ends_in_punctuation != 0) == expected.endsInPunctuation, "avx2 \(avx2): \(note())")
                    }
                }
            }
        }
    }

    static func utf8(_ scalars: [Unicode.Scalar]) -> [UInt8] { Array(String(String.UnicodeScalarView(scalars)).utf8) }

    @Test("runs of every length end where the reference ends them, at every count") func boundaries() {
        var generator = SplitMix64(seed: 88)
        for length in 0...45 {
            for breaker in Self.outside {
                let run = (0..<length).map { _ in Self.runScalars.randomElement(using: &generator)! }
                // More of the run after the breaker: a kernel that reads past it (or past the count) is caught.
                let bytes = Self.utf8(run + [breaker] + run)
                for count in 0...bytes.count {
                    Self.check(bytes, count: count, "\(run) \(breaker) count \(count)")
                }
            }
        }
    }

    @Test("random scalars, invalid bytes and cut sequences") func randomBytes() {
        var generator = SplitMix64(seed: 17)
        let breakers: [[UInt8]] = [
            [0xE5], [0xE5, 0xBF], [0xE4, 0xB7, 0x80], [0xE4, 0xB8], [0xE9, 0xFF, 0xFF], [0xEA, 0x80, 0x80],
            [0xE2, 0x80], [0xE3, 0x80, 0xFF], [0xE3, 0x81, 0x81], [0xEF, 0xBC], [0xEF, 0xBD, 0x81], [0x80], [0xFF],
            [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], [0xC3], [0xCB, 0x41], [0xCB, 0xC0], [0xC2, 0xB7],
        ]
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: bytes += breakers.randomElement(using: &generator)!
                case 1: bytes += Self.utf8([Self.outside.randomElement(using: &generator)!])
                case 2: bytes.append(UInt8.random(in: 0...255, using: &generator))
                case 3...9: bytes += Self.utf8([Self.runScalars.randomElement(using: &generator)!])
                default:
                    bytes += Self.utf8([Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &generator))!])
                }
            }
            Self.check(bytes, count: bytes.count, "\(bytes)")
            if !bytes.isEmpty { Self.check(bytes, count: Int.random(in: 0..<bytes.count, using: &generator), "\(bytes)") }
        }
    }

    @Test("every three-byte unit from E2 to EF, alone and inside a long run") func everyUnit() {
        let ideographs = Self.utf8(Array(repeating: "\u{4E2D}", count: 9))
        for lead: UInt8 in 0xE2...0xEF {
            for second: UInt8 in 0x80...0xBF {
                for third in [0x80, 0x81, 0x8F, 0x90, 0x93, 0x94, 0x9A, 0x9F, 0xA0, 0xA6, 0xA9, 0xAA, 0xB0, 0xBF] as [UInt8] {
                    Self.check([lead, second, third], count: 3, "\(lead) \(second) \(third)")
                    let bytes = ideographs + [lead, second, third] + ideographs
                    Self.check(bytes, count: bytes.count, "\(lead) \(second) \(third) in a run")
                }
            }
        }
    }

    @Test("the normaliser on long runs equals the step-by-step one") func normalizerOnLongRuns() {
        var generator = SplitMix64(seed: 5)
        let pieces = Self.inRun.map { String($0) } + ["1", "５", " ", "\n", "a", "，", "．", "％", "\u{3000}", "e\u{301}", ".", ". 5", "1,", ",", "("]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) < 8
                    ? String(Self.runScalars.randomElement(using: &generator)!) : pieces.randomElement(using: &generator)!
            }.joined()
            let expected = ReferenceTextNormalizer.normalize(text)
            let actual = TextNormalizer().normalize(text)
            #expect(actual.text.utf8.elementsEqual(expected.text.utf8), "\(text.debugDescription)")
            #expect(actual.repairs == expected.repairs, "\(text.debugDescription)")
            #expect(actual.scriptMarkers == ChineseScriptConverter.scriptMarkerTally(actual.text), "\(text.debugDescription)")
        }
    }
}
