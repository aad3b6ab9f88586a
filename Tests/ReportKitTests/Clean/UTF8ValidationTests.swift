import Testing
@testable import ReportKit

/// The one-pass validation and the unchecked String construction against the standard library's validating
/// initialiser and scalar-by-scalar counts.
@Suite("UTF-8 validation and known-valid strings") struct UTF8ValidationTests {
    /// Pieces that make valid and invalid UTF-8: every lead-byte class with the edge values of its second byte,
    /// cut sequences, stray continuation bytes, NUL and control characters, and long ASCII runs (the word path).
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("中".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{E000}".utf8), Array("\u{D7FF}".utf8),
        Array("\u{FFFF}".utf8), Array("\u{10FFFF}".utf8), Array("\u{800}".utf8), Array("\u{80}".utf8), Array("，".utf8),
        [0x00], [0x01], [0x09], [0x0A], [0x0D], [0x1F], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x7F],
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xC0],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xFF], [0xFE],
        Array("12345678".utf8), Array("abcdefghijklmnopq".utf8), Array("海口市空港".utf8),
    ]

    static func randomBytes(_ generator: inout SplitMix64, pieces maximum: Int) -> [UInt8] {
        Array((0..<Int(generator.next() % UInt64(maximum + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
    }

    /// Scalars, controls other than tab, line feed and carriage return, and ASCII-ness, scalar by scalar.
    static func reference(_ text: String) -> UTF8Validation {
        var facts = UTF8Validation()
        for scalar in text.unicodeScalars {
            facts.scalars += 1
            if scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value) { facts.controls += 1 }
            if !scalar.isASCII { facts.isASCII = false }
        }
        return facts
    }

    @Test("validation agrees with String(validating:) and the counts with a scalar walk") func agreesWithStandardLibrary() {
        var generator = SplitMix64(seed: 17)
        for round in 0..<30000 {
            let bytes = Self.randomBytes(&generator, pieces: round < 20000 ? 6 : 24)
            let expected = String(validating: bytes, as: UTF8.self)
            let scanned = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0, rejectingNUL: false) }
            #expect((scanned == nil) == (expected == nil), "\(bytes)")
            let clean = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0, rejectingNUL: true) }
            #expect((clean == nil) == (expected == nil || bytes.contains(0)), "\(bytes)")
            if let expected, let scanned {
                #expect(scanned == Self.reference(expected), "\(bytes)")
                let (text, facts) = KnownValidUTF8.validating(bytes)!
                #expect(facts == scanned)
                #expect(Array(text.utf8) == bytes && text == expected)
            }
        }
    }

    @Test("every two-byte prefix is judged as the standard library judges it, at every offset in a word")
    func everyTwoBytePrefix() {
        for first in 0x80...0xFF {
            for second in stride(from: 0, through: 0xFF, by: 1) {
                for offset in [0, 5, 7] {
                    let bytes = Array(repeating: UInt8(0x61), count: offset) + [UInt8(first), UInt8(second), 0x80, 0x80] + Array("中文".utf8)
                    let expected = String(validating: bytes, as: UTF8.self) != nil
                    let scanned = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0, rejectingNUL: false) } != nil
                    #expect(scanned == expected, "\(bytes)")
                }
            }
        }
    }

    @Test("known-valid strings equal validated ones") func knownValidStrings() {
        for text in ["", "a", "abcdefgh", "abcdefghi", "海", "海口市空港航空發", "a海", String(repeating: "x", count: 100) + "é", "😀\u{10FFFF}"] {
            let made = KnownValidUTF8.string(Array(text.utf8))
            #expect(made == text && Array(made.utf8) == Array(text.utf8))
            #expect(Array(text.utf8).withUnsafeBufferPointer(KnownValidUTF8.isASCII) == text.unicodeScalars.allSatisfy(\.isASCII))
        }
    }

    @Test("the decoder's counted control share equals the share it replaces") func countedControlShare() throws {
        var generator = SplitMix64(seed: 23)
        for _ in 0..<3000 {
            let bytes = Self.randomBytes(&generator, pieces: 10)
            guard !bytes.isEmpty, !bytes.contains(0) else { continue }
            guard let decoded = try? EncodingDetector().decodeCounting(bytes, path: "a.txt", isHTML: false) else { continue }
            if let facts = decoded.facts { #expect(facts == Self.reference(decoded.text)) }
            #expect(
                DocumentDecoder.controlCharacterShare(decoded.text, counted: decoded.facts)
                    == DocumentDecoder.controlCharacterShare(decoded.text))
        }
        let long = Array(String(repeating: "海", count: 65536).utf8) + Array(repeating: 1, count: 10)
        let decoded = try EncodingDetector().decodeCounting(long, path: "a.txt", isHTML: false)
        #expect(decoded.facts?.scalars == 65546)
        #expect(DocumentDecoder.controlCharacterShare(decoded.text, counted: decoded.facts) == 0)
    }
}
