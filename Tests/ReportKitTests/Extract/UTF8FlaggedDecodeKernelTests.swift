import CKernels
import Testing
@testable import ReportKit

/// ``rk_utf8_decode_flagged_avx2`` and ``rk_utf8_decode_flagged_portable`` must give `Array(text.unicodeScalars)`, each
/// scalar's UTF-8 offset, its byte of the flag table (0 for an astral scalar), the number of astral scalars and the
/// scalars whose flag has a kept bit (as values and UTF-8), for any
/// well-formed text: runs of three-byte scalars broken at every position by scalars of one, two and four bytes, near the
/// ends of the 28-byte window the vector step reads, and random texts.
@Suite("UTF-8 flagged decode kernel") struct UTF8FlaggedDecodeKernelTests {
    /// A flag byte for every BMP scalar that differs between neighbours, so a flag taken for the wrong scalar shows.
    static let table: [UInt8] = (0..<0x10000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }

    /// The bits whose scalars are kept.
    static let kept: UInt8 = 0x24

    static func check(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let expectedValues = scalars.map(\.value)
        let view = text.unicodeScalars
        let expectedOffsets = view.indices.map { Int32(text.utf8.distance(from: text.utf8.startIndex, to: $0)) }
        let expectedFlags = expectedValues.map { $0 < 0x10000 ? table[Int($0)] : 0 }
        let expectedAstral = expectedValues.filter { $0 >= 0x10000 }.count
        let keptScalars = scalars.indices.filter { expectedFlags[$0] & kept != 0 }.map { scalars[$0] }
        let expectedKeptUTF8 = keptScalars.flatMap { Array(String($0).utf8) }
        var copy = text
        copy.withUTF8 { bytes in
            for avx2 in UTF8Validation.avx2Available ? [false, true] : [false] {
                // One entry more than the room: a store past it would land on the sentinel.
                var values = [UInt32](repeating: 0xDEAD_BEEF, count: bytes.count + 1)
                var offsets = [Int32](repeating: -7, count: bytes.count + 1)
                var flags = [UInt8](repeating: 0xA5, count: bytes.count + 1)
                var keptValues = [UInt32](repeating: 0xDEAD_BEEF, count: bytes.count + 1)
                var keptUTF8 = [UInt8](repeating: 0xA5, count: bytes.count + 4)
                var result = rk_flagged_decode()
                let count = table.withUnsafeBufferPointer { table in
                    values.withUnsafeMutableBufferPointer { values in
                        offsets.withUnsafeMutableBufferPointer { offsets in
                            flags.withUnsafeMutableBufferPointer { flags in
                                keptValues.withUnsafeMutableBufferPointer { keptValues in
                                    keptUTF8.withUnsafeMutableBufferPointer { keptUTF8 in
                                        guard let base = bytes.baseAddress else { return 0 }
                                        result = rk_flagged_decode(
                                            values: values.baseAddress!, offsets: offsets.baseAddress!, flags: flags.baseAddress!,
                                            kept_values: keptValues.baseAddress!, kept_utf8: keptUTF8.baseAddress!, astral: 99, kept_count: 99,
                                            kept_bytes: 99)
                                        return avx2
                                            ? rk_utf8_decode_flagged_avx2(base, bytes.count, table.baseAddress!, kept, &result)
                                            : rk_utf8_decode_flagged_portable(base, bytes.count, table.baseAddress!, kept, &result)
                                    }
                                }
                            }
                        }
                    }
                }
                let what = "avx2 \(avx2): \(text.debugDescription)"
                #expect(Array(values[..<count]) == expectedValues, "\(what)")
                #expect(Array(offsets[..<count]) == expectedOffsets, "\(what)")
                #expect(Array(flags[..<count]) == expectedFlags, "\(what)")
                if bytes.baseAddress != nil {
                    #expect(result.astral == expectedAstral, "\(what)")
                    #expect(Array(keptValues[..<result.kept_count]) == keptScalars.map(\.value), "\(what)")
                    #expect(Array(keptUTF8[..<result.kept_bytes]) == expectedKeptUTF8, "\(what)")
                }
                #expect(values[bytes.count] == 0xDEAD_BEEF && offsets[bytes.count] == -7 && flags[bytes.count] == 0xA5)
                #expect(keptValues[bytes.count] == 0xDEAD_BEEF && keptUTF8[bytes.count + 3] == 0xA5)
            }
        }
        // Through the Swift entry point, whose astral flags come from the closure (and decide whether they are kept).
        let astralFlag = { (scalar: Unicode.Scalar) in UInt8(truncatingIfNeeded: scalar.value % 251) }
        let decoded = table.withUnsafeBufferPointer {
            ScalarText.decodedScalarsWithOffsets(text, flagTable: $0, astralFlags: astralFlag, keeping: kept)
        }
        let flags = scalars.map { $0.value < 0x10000 ? table[Int($0.value)] : astralFlag($0) }
        let keptThere = scalars.indices.filter { flags[$0] & kept != 0 }.map { scalars[$0] }
        #expect(decoded.scalars == scalars)
        #expect(decoded.utf8Offsets == expectedOffsets + [Int32(text.utf8.count)])
        #expect(decoded.flags == flags)
        #expect(decoded.kept.values == keptThere.map(\.value), "\(text.debugDescription)")
        #expect(decoded.kept.utf8 == keptThere.flatMap { Array(String($0).utf8) }, "\(text.debugDescription)")
    }

    @Test("runs broken by another scalar at every position") func brokenRuns() {
        Self.check("")
        for text in UTF8DecodeKernelTests.brokenRunTexts() { Self.check(text) }
    }

    @Test("random texts") func randomTexts() {
        for text in UTF8DecodeKernelTests.randomTexts(seed: 131) { Self.check(text) }
    }
}
