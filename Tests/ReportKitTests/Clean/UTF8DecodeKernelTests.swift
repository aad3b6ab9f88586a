import CKernels
import Testing
@testable import ReportKit

/// ``rk_utf8_decode_avx2`` and ``rk_utf8_decode_portable`` (through ``ScalarText/decodedScalars(_:)``) must give
/// `Array(text.unicodeScalars)` for any well-formed text: runs of three-byte scalars broken at every position by
/// scalars of one, two and four bytes, near the ends of the 28-byte window the vector step reads.
@Suite("UTF-8 decode kernel") struct UTF8DecodeKernelTests {
    static let threeByte: [Unicode.Scalar] = ["\u{800}", "\u{4E00}", "海", "，", "\u{9FFF}", "\u{D7FF}", "\u{E000}", "\u{FFFF}", "\u{FF10}"]
    static let other: [Unicode.Scalar] = ["a", "\u{0}", "\u{7F}", "\n", "é", "\u{7FF}", "\u{80}", "\u{10000}", "\u{20000}", "\u{10FFFF}"]

    /// Both C paths on `text`, compared with the scalar view.
    static func check(_ text: String) {
        let expected = Array(text.unicodeScalars).map(\.value)
        var copy = text
        copy.withUTF8 { bytes in
            for avx2 in UTF8Validation.avx2Available ? [false, true] : [false] {
                // One value more than the bytes: a store past the scalars' room would land on the sentinel.
                var out = [UInt32](repeating: 0xDEAD_BEEF, count: bytes.count + 1)
                let count = out.withUnsafeMutableBufferPointer { out in
                    guard let base = bytes.baseAddress else { return 0 }
                    return avx2 ? rk_utf8_decode_avx2(base, bytes.count, out.baseAddress!) : rk_utf8_decode_portable(base, bytes.count, out.baseAddress!)
                }
                #expect(Array(out[..<count]) == expected, "avx2 \(avx2): \(text.debugDescription)")
                #expect(out[bytes.count] == 0xDEAD_BEEF)
            }
        }
        #expect(ScalarText.decodedScalars(text).map(\.value) == expected)
    }

    /// Runs of three-byte scalars up to 40 long, broken by each of ``other`` at every position.
    static func brokenRunTexts() -> [String] {
        var texts: [String] = []
        for length in 0...40 {
            for breakAt in 0...length {
                for breaker in other {
                    var scalars = (0..<length).map { threeByte[$0 % threeByte.count] }
                    scalars.insert(breaker, at: breakAt)
                    texts.append(String(String.UnicodeScalarView(scalars)))
                }
            }
        }
        return texts
    }

    /// 5,000 random texts of up to 120 scalars, three in four of them three-byte.
    static func randomTexts(seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        let alphabet = threeByte + threeByte + threeByte + other
        return (0..<5000).map { _ in
            let scalars = (0..<Int(random.next() % 120)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            return String(String.UnicodeScalarView(scalars))
        }
    }

    @Test("runs broken by another scalar at every position") func brokenRuns() {
        #expect(ScalarText.decodedScalars("").isEmpty)
        for text in Self.brokenRunTexts() { Self.check(text) }
    }

    @Test("random texts") func randomTexts() {
        for text in Self.randomTexts(seed: 97) { Self.check(text) }
    }
}
