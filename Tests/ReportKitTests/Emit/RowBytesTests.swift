import Foundation
import Testing
@testable import ReportKit
import CKernels

/// The word-at-a-time row writers must write exactly what the byte-at-a-time ones did.
@Suite("RowBytes") struct RowBytesTests {
    /// Every byte the scans stop at, its neighbours, multi-byte characters sharing lead bytes with U+2028, and
    /// plain text, so that needles fall at every offset of an eight-byte word.
    static let alphabet: [String] = [
        "营", "商", "环境", "a", "1", ",", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", " ", "\u{7F}", "\u{2028}", "\u{2029}",
        "\u{2027}", "“", "”", "—", "…", "，", "。", "é", "\u{20000}", "!", "#", "+", "\\n",
    ]

    static func randomText(_ random: inout SplitMix64) -> String {
        let length = Int(random.next() % 40)
        return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
    }

    /// The writers before the word scan, kept as the definition.
    static func referenceCSV(_ value: String) -> [UInt8] {
        let bytes = Array(value.utf8)
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return bytes }
        return [0x22] + bytes.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
    }

    static func referenceJSON(_ value: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20, 0x2028, 0x2029: out += Array(String(format: "\\u%04x", scalar.value).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        return out + [0x22]
    }

    @Test("CSV fields and JSON strings equal the byte-by-byte writers") func equivalence() {
        var random = SplitMix64(seed: 31)
        for _ in 0..<20_000 {
            let text = Self.randomText(&random)
            var csv: [UInt8] = []
            RowBytes.appendCSVField(text, to: &csv)
            #expect(csv == Self.referenceCSV(text), "\(text.debugDescription)")
            var json: [UInt8] = []
            RowBytes.appendJSONString(text, to: &json)
            #expect(json == Self.referenceJSON(text), "\(text.debugDescription)")
        }
    }

    /// Longer texts too, so that the one shared scan stops in words and in the byte tail.
    @Test("one scan for both formats writes what the two writers write") func bothFormats() {
        var random = SplitMix64(seed: 41)
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 4)).map { _ in Self.randomText(&random) }.joined(separator: "营商环境")
            var csv: [UInt8] = [], json: [UInt8] = []
            RowBytes.appendCSVAndJSON(text, csv: &csv, json: &json)
            #expect(csv == Self.referenceCSV(text), "\(text.debugDescription)")
            #expect(json == Self.referenceJSON(text), "\(text.debugDescription)")
        }
    }

    @Test("JSON strings decode back to the text") func jsonRoundTrip() throws {
        var random = SplitMix64(seed: 37)
        for _ in 0..<2_000 {
            let text = Self.randomText(&random)
            var json: [UInt8] = []
            RowBytes.appendJSONString(text, to: &json)
            #expect(try JSONDecoder().decode(String.self, from: Data(json)) == text)
        }
    }

    @Test("the word scan finds every needle at every offset") func scanOffsets() {
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                for needle: UInt8 in [0x00, 0x1F, 0x22, 0x5C, 0xE2, 0x2C, 0x0A, 0x0D] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if position < length { bytes[position] = needle }
                    let expectedJSON = position < length && JSONSpecialBytes.isNeedle(needle) ? position : length
                    let expectedCSV = position < length && CSVSpecialBytes.isNeedle(needle) ? position : length
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(ByteScan.firstIndex(in: buffer, from: 0, JSONSpecialBytes.self) == expectedJSON)
                        #expect(ByteScan.firstIndex(in: buffer, from: 0, CSVSpecialBytes.self) == expectedCSV)
                    }
                }
            }
        }
        // Every byte value, at random places in runs long enough for vectors, words and a tail, from any start:
        // each needle set stops exactly where the byte-by-byte test does.
        var random = SplitMix64(seed: 41)
        func reference<Needles: ByteNeedles>(_ bytes: [UInt8], _ start: Int, _: Needles.Type) -> Int {
            bytes.indices.dropFirst(start).first { Needles.isNeedle(bytes[$0]) } ?? bytes.count
        }
        for _ in 0..<3_000 {
            let length = Int(random.next() % 120)
            var bytes = (0..<length).map { _ in [0x61, 0xE5, 0xA4, 0x8F, 0x20][Int(random.next() % 5)] as UInt8 }
            for _ in 0..<Int(random.next() % 3) where length > 0 {
                bytes[Int(random.next() % UInt64(length))] = UInt8(truncatingIfNeeded: random.next())
            }
            let start = Int(random.next() % UInt64(length + 1))
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteScan.firstIndex(in: buffer, from: start, JSONSpecialBytes.self) == reference(bytes, start, JSONSpecialBytes.self))
                #expect(ByteScan.firstIndex(in: buffer, from: start, CSVSpecialBytes.self) == reference(bytes, start, CSVSpecialBytes.self))
                #expect(ByteScan.firstIndex(in: buffer, from: start, QuoteByte.self) == reference(bytes, start, QuoteByte.self))
                #expect(ByteScan.firstIndex(in: buffer, from: start, CellSpecialBytes.self) == reference(bytes, start, CellSpecialBytes.self))
                #expect(ByteScan.firstIndex(in: buffer, from: start, EncoderSpecialBytes.self) == reference(bytes, start, EncoderSpecialBytes.self))
                // The SSE2 kernel and its portable definition agree for any limit and needles.
                let below = UInt8(truncatingIfNeeded: random.next() % 3 == 0 ? 0 : random.next())
                let packed = UInt32(truncatingIfNeeded: random.next())
                #expect(rk_find_byte_of(buffer.baseAddress, length, start, below, packed)
                        == rk_find_byte_of_portable(buffer.baseAddress, length, start, below, packed))
            }
        }
        // Bytes just above the limits, and high bytes, never stop a scan.
        let quiet: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0xE1, 0xE3, 0x80, 0xFF, 0x2B, 0x2D, 0x0B, 0x0C, 0x09, 0x7F, 0x41]
        quiet.withUnsafeBufferPointer { buffer in
            #expect(ByteScan.firstIndex(in: buffer, from: 0, CSVSpecialBytes.self) == quiet.count)
        }
    }

    /// The definition of the escape scan: the first byte from `start` that is a needle other than 0xE2, or
    /// where the three bytes of U+2028 or U+2029 begin.
    static func referenceEscape<Needles: LineSeparatorNeedles>(_ bytes: [UInt8], _ start: Int, _: Needles.Type) -> Int {
        bytes.indices.dropFirst(start).first { index in
            let byte = bytes[index]
            guard byte == 0xE2 else { return Needles.isNeedle(byte) }
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        } ?? bytes.count
    }

    @Test("the escape scan stops at separators, not at other E2 punctuation, from any start") func escapeScan() {
        // Bytes of separators, of “ ” — … and of other E2 80 xx characters, and needles, so that separators and
        // near misses fall at every offset of a block, across block boundaries and in the padded tail.
        let pieces: [[UInt8]] = [
            [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA6],
            [0xE2, 0x80, 0xA7], [0xE2, 0x80, 0xAA], [0xE2, 0x81, 0xA8], [0xE3, 0x80, 0xA8], [0xE2], [0xE2, 0x80], [0x80, 0xA8], [0xA9],
            [0xE8, 0x90, 0xA5], [0x61], [0x61, 0x62, 0x63, 0x64], [0x22], [0x5C], [0x2C], [0x0A], [0x00], [0x1F], [0x20], [0x41],
        ]
        var random = SplitMix64(seed: 43)
        for round in 0..<40_000 {
            var bytes: [UInt8] = []
            let target = Int(random.next() % (round % 2 == 0 ? 70 : 200))  // past the 64 bytes the AVX2 blocks take
            // Mostly quiet text, so that the scans run far.
            while bytes.count < target {
                bytes += random.next() % 4 == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : [0xE8, 0x90, 0xA5]
            }
            if round % 5 == 0, !bytes.isEmpty {  // a truncated separator at the very end
                bytes += [[0xE2], [0xE2, 0x80]][Int(random.next() % 2)]
            }
            let start = Int(random.next() % UInt64(bytes.count + 1))
            let json = Self.referenceEscape(bytes, start, JSONSpecialBytes.self)
            let cell = Self.referenceEscape(bytes, start, CellSpecialBytes.self)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteScan.firstEscape(in: buffer, from: start, JSONSpecialBytes.self) == json, "\(bytes) from \(start)")
                #expect(ByteScan.firstEscape(in: buffer, from: start, CellSpecialBytes.self) == cell, "\(bytes) from \(start)")
                // The SSE2 kernel and its portable definition agree for any limit and needles.
                let below = UInt8(truncatingIfNeeded: random.next() % 3 == 0 ? 0x20 : random.next())
                let packed = UInt32(truncatingIfNeeded: random.next())
                #expect(rk_find_escape(buffer.baseAddress, bytes.count, start, below, packed)
                        == rk_find_escape_portable(buffer.baseAddress, bytes.count, start, below, packed))
                #expect(rk_find_escape(buffer.baseAddress, bytes.count, start, JSONSpecialBytes.below, JSONSpecialBytes.packedBesideLead) == json)
            }
        }
        // A separator at every position of runs of every length up to four AVX2 blocks; its truncations stop nothing.
        for length in 3..<136 {
            for position in 0...(length - 3) {
                for third: UInt8 in [0xA8, 0xA9, 0xAA] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes.replaceSubrange(position..<(position + 3), with: [0xE2, 0x80, third])
                    let expected = third == 0xAA ? length : position
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(ByteScan.firstEscape(in: buffer, from: 0, JSONSpecialBytes.self) == expected)
                        #expect(rk_find_escape(buffer.baseAddress, length, 0, 0x20, JSONSpecialBytes.packedBesideLead) == expected)
                        let cut = position + 2  // the same bytes ending inside the separator
                        #expect(rk_find_escape(buffer.baseAddress, cut, 0, 0x20, JSONSpecialBytes.packedBesideLead) == cut)
                    }
                }
            }
        }
        // An empty run, and a start at or past the end.
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { #expect(ByteScan.firstEscape(in: $0, from: 0, CellSpecialBytes.self) == 0) }
        #expect(rk_find_escape(nil, 0, 0, 0x20, 0) == 0)
        #expect(rk_find_escape_portable(nil, 0, 3, 0x20, 0) == 3)
    }
}
