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

    /// Both scans: the one the build uses (the AVX2 kernel on a CPU that has it) and the portable one.
    static func scans(_ bytes: [UInt8], rejectingNUL: Bool) -> [UTF8Validation?] {
        bytes.withUnsafeBufferPointer {
            [UTF8Validation.scan($0, rejectingNUL: rejectingNUL), UTF8Validation.portableScan($0, rejectingNUL: rejectingNUL)]
        }
    }

    @Test("validation agrees with String(validating:) and the counts with a scalar walk") func agreesWithStandardLibrary() {
        var generator = SplitMix64(seed: 17)
        for round in 0..<30000 {
            // Short texts, and texts of several 32-byte blocks (the kernel's step) with the pieces across their edges.
            let bytes = Self.randomBytes(&generator, pieces: round < 15000 ? 6 : round < 25000 ? 24 : 120)
            let expected = String(validating: bytes, as: UTF8.self)
            for scanned in Self.scans(bytes, rejectingNUL: false) {
                #expect((scanned == nil) == (expected == nil), "\(bytes)")
                if let expected, let scanned { #expect(scanned == Self.reference(expected), "\(bytes)") }
            }
            for clean in Self.scans(bytes, rejectingNUL: true) {
                #expect((clean == nil) == (expected == nil || bytes.contains(0)), "\(bytes)")
            }
            if let expected {
                let (text, facts) = KnownValidUTF8.validating(bytes)!
                #expect(facts == Self.reference(expected))
                #expect(Array(text.utf8) == bytes && text == expected)
            }
        }
    }

    @Test("every two-byte prefix is judged as the standard library judges it, at offsets across words and blocks")
    func everyTwoBytePrefix() {
        for first in 0x80...0xFF {
            for second in 0...0xFF {
                for offset in [0, 5, 7, 29, 30, 31, 60] {
                    let bytes = Array(repeating: UInt8(0x61), count: offset) + [UInt8(first), UInt8(second), 0x80, 0x80] + Array("中文".utf8)
                    let expected = String(validating: bytes, as: UTF8.self) != nil
                    for scanned in Self.scans(bytes, rejectingNUL: false) { #expect((scanned != nil) == expected, "\(bytes)") }
                    // The same bytes at the very end: cut short by the end of the text, not by a following byte.
                    let end = Array(repeating: UInt8(0x61), count: offset) + [UInt8(first), UInt8(second)]
                    let endExpected = String(validating: end, as: UTF8.self) != nil
                    for scanned in Self.scans(end, rejectingNUL: false) { #expect((scanned != nil) == endExpected, "\(end)") }
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
