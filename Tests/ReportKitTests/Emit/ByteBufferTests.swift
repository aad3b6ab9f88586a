import Foundation
import Testing
@testable import ReportKit

/// ``ByteBuffer`` must end with the bytes that the same appends to a `[UInt8]` give.
@Suite("ByteBuffer") struct ByteBufferTests {
    @Test("random appends, growing across every capacity, equal Array appends", arguments: [1, 2, 3]) func randomAppends(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            var buffer = ByteBuffer(capacity: Int(random.next() % 40))
            var reference: [UInt8] = []
            for _ in 0..<Int(random.next() % 120) {
                switch random.next() % 5 {
                case 0:
                    let byte = UInt8(truncatingIfNeeded: random.next())
                    buffer.append(byte)
                    reference.append(byte)
                case 1:
                    // Empty runs, short ones and runs longer than the capacity doubled.
                    let bytes = (0..<Int(random.next() % 3 == 0 ? 0 : random.next() % 100)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    buffer.appendBytes(bytes)
                    reference.append(contentsOf: bytes)
                case 2, 3:
                    let text = RowBytesTests.randomText(&random)
                    buffer.appendUTF8(text)
                    reference.append(contentsOf: text.utf8)
                default:
                    buffer.reserve(Int(random.next() % 300))
                }
                #expect(buffer.count == reference.count)
            }
            #expect(buffer.array == reference)
            let lower = Int(random.next() % UInt64(reference.count + 1))
            #expect(buffer.withBytes(in: lower..<reference.count) { Array($0) } == Array(reference[lower...]))
            #expect(buffer.array(in: lower..<reference.count) == Array(reference[lower...]))
            #expect(buffer.array(in: lower..<lower) == [])
        }
    }

    /// Runs of up to sixteen bytes are copied without memmove, in overlapping words: every length, after every
    /// misalignment, must land exactly.
    @Test("short runs of every length copy exactly") func shortRuns() {
        let source = (0..<48).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
        for offset in 0..<9 {
            for length in 0...33 {
                var buffer = ByteBuffer(capacity: 1)
                let head = [UInt8](repeating: 0xEE, count: offset), run = Array(source[offset..<offset + length])
                buffer.appendBytes(head)
                buffer.appendBytes(run)
                buffer.append(0xFF)
                #expect(buffer.array == head + run + [0xFF], "offset \(offset) length \(length)")
            }
        }
    }

    @Test("an empty buffer is an empty array") func empty() {
        var buffer = ByteBuffer(capacity: 0)
        buffer.appendBytes([])
        buffer.appendUTF8("")
        #expect(buffer.array == [])
        #expect(buffer.count == 0)
    }

    /// The row writers are generic over where they write; both sinks must get the same bytes.
    @Test("row bytes written to a buffer equal those written to an array") func rowBytes() {
        var random = SplitMix64(seed: 7)
        var buffer = ByteBuffer(capacity: 1)
        var reference: [UInt8] = []
        for _ in 0..<5_000 {
            let text = RowBytesTests.randomText(&random)
            let number = Int64(bitPattern: random.next()) >> Int64(random.next() % 64)
            RowBytes.appendCSVField(text, to: &buffer)
            RowBytes.appendCSVField(text, to: &reference)
            RowBytes.appendJSONString(text, to: &buffer)
            RowBytes.appendJSONString(text, to: &reference)
            RowBytes.appendDecimal(number, to: &buffer)
            RowBytes.appendDecimal(number, to: &reference)
            let double = Double(bitPattern: random.next())
            RowBytes.appendNumber(double, to: &buffer)
            reference.append(contentsOf: Cell.format(double).utf8)
            let scalar = UInt32(random.next() % 0x10000)
            RowBytes.appendUnicodeEscape(scalar, to: &buffer)
            reference.append(contentsOf: String(format: "\\u%04x", scalar).utf8)
        }
        #expect(buffer.array == reference)
    }
}
