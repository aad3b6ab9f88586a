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
}
