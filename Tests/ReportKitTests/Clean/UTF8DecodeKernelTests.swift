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

    @Test("runs broken by another scalar at every position") func brokenRuns() {
        #expect(ScalarText.decodedScalars("").isEmpty)
        for length in 0...40 {
            for breakAt in 0...length {
                for breaker in Self.other {
                    var scalars = (0..<length).map { Self.threeByte[$0 % Self.threeByte.count] }
                    scalars.insert(breaker, at: breakAt)
                    Self.check(String(String.UnicodeScalarView(scalars)))
                }
            }
        }
    }

    @Test("random texts") func randomTexts() {
        var random = SplitMix64(seed: 97)
        let alphabet = Self.threeByte + Self.threeByte + Self.threeByte + Self.other
        for _ in 0..<5000 {
            let scalars = (0..<Int(random.next() % 120)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            Self.check(String(String.UnicodeScalarView(scalars)))
        }
    }
}
