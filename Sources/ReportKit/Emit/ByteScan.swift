import CKernels

/// Finds the next byte of interest eight bytes at a time (SWAR: bit tricks on a UInt64), or sixteen at a time
/// in CKernels (SSE2) over longer runs such as a claim's sentence, for the row writers: in Chinese report text
/// almost no byte needs an escape, and testing byte by byte was most of the cost of rendering a row.
enum ByteScan {
    /// Bytes from which the scan calls `rk_find_byte_of`: below it the call costs more than it saves. (At 32,
    /// the many row cells of 16 to 31 bytes took two or three SWAR words and a byte tail: 16 saved about 4% of
    /// rendering's instructions.)
    static let vectorRun = 16

    /// The first index at or after `start` holding one of `Needles`' bytes, or `bytes.count` when none does.
    static func firstIndex<Needles: ByteNeedles>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _: Needles.Type) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            if count - index >= vectorRun {
                return rk_find_byte_of(base, count, index, Needles.below, Needles.packed)
            }
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if Needles.inWord(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) { break }
                index += 8
            }
        }
        while index < count && !Needles.isNeedle(bytes[index]) { index += 1 }
        return index
    }

    /// The first index at or after `start` holding one of `Needles`' bytes, where an 0xE2 counts only when
    /// U+2028 or U+2029 begins there (``RowBytes/isLineSeparator(_:at:)``), or `bytes.count` when there is none.
    /// Runs of ``vectorRun`` bytes or more go to `rk_find_escape`, which looks at the bytes after an 0xE2 itself:
    /// Chinese text has a “ ” — or … (E2 80 9C, 9D, 94, A6) every few dozen bytes, and each stopped the plain
    /// scan and cost another call.
    static func firstEscape<Needles: LineSeparatorNeedles>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _: Needles.Type) -> Int {
        if let base = bytes.baseAddress {
            if bytes.count - start >= vectorRun { return rk_find_escape(base, bytes.count, start, Needles.below, Needles.packedBesideLead) }
            if isClear(base + start, count: bytes.count - start, Needles.self) { return bytes.count }
        }
        var index = start
        while true {
            index = firstIndex(in: bytes, from: index, Needles.self)
            guard index < bytes.count, bytes[index] == 0xE2, !RowBytes.isLineSeparator(bytes, at: index) else { return index }
            index += 1
        }
    }

    /// Whether none of the `count` (below 16) bytes at `bytes` is one of `Needles`, 0xE2 included: one or two
    /// word tests (a short cell, the common case, is clear), the words overlapping where `count` is not a multiple
    /// of 8 (a byte tested twice changes nothing in an any-byte test). The byte loop of ``firstIndex`` and its
    /// SWAR words took about 150 instructions a cell.
    @inline(__always) static func isClear<Needles: ByteNeedles>(_ bytes: UnsafePointer<UInt8>, count: Int, _: Needles.Type) -> Bool {
        assert(count < 16, "two overlapping words cover at most 16 bytes")
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 {
            return !Needles.inWord(raw.loadUnaligned(as: UInt64.self))
                && !Needles.inWord(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return !Needles.inWord(low | high << 32)
        }
        return count == 0 || !(Needles.isNeedle(bytes[0]) || Needles.isNeedle(bytes[count / 2]) || Needles.isNeedle(bytes[count - 1]))
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of `word` equals `byte`. Exact as an answer for the whole word (a borrow can only make
    /// a false mark above a byte that really is zero).
    @inline(__always) static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        let probe = word ^ (ones &* UInt64(byte))
        return (probe &- ones) & ~probe & highs != 0
    }

    /// Whether a byte of `word` is below `limit` (at most 0x80), exact in the same sense.
    @inline(__always) static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }
}

/// A set of bytes to stop at, tested on a byte and on a whole word (``ByteScan``).
protocol ByteNeedles {
    static func isNeedle(_ byte: UInt8) -> Bool
    /// Whether any byte of the word is a needle.
    static func inWord(_ word: UInt64) -> Bool
    /// The set for `rk_find_byte_of`: every byte below `below`, and the bytes packed in `packed`, four of them,
    /// little-endian (a byte repeated where the set has fewer).
    static var below: UInt8 { get }
    static var packed: UInt32 { get }
}

extension ByteNeedles {
    /// Four bytes packed little-endian for ``packed``.
    @inline(__always) static func pack(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32 {
        UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24
    }
}

/// Needles with 0xE2 among them that ``ByteScan/firstEscape(in:from:_:)`` stops at only where U+2028 or
/// U+2029 begins.
protocol LineSeparatorNeedles: ByteNeedles {
    /// The needles other than 0xE2, at most three, packed as ``ByteNeedles/packed`` (the fourth byte unread),
    /// for `rk_find_escape`.
    static var packedBesideLead: UInt32 { get }
}

/// Bytes a JSON string literal may have to escape: control characters, `"`, `\`, and 0xE2, the lead byte of
/// U+2028 and U+2029 (the caller looks closer).
enum JSONSpecialBytes: LineSeparatorNeedles {
    static var below: UInt8 { 0x20 }
    static var packed: UInt32 { pack(0x22, 0x5C, 0xE2, 0xE2) }
    static var packedBesideLead: UInt32 { pack(0x22, 0x5C, 0x5C, 0x5C) }
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.hasByte(below: 0x20, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x5C, in: word) || ByteScan.has(0xE2, in: word)
    }
}

/// Bytes that make a CSV field need quotes: `,`, `"`, LF and CR.
enum CSVSpecialBytes: ByteNeedles {
    static var below: UInt8 { 0 }
    static var packed: UInt32 { pack(0x2C, 0x22, 0x0A, 0x0D) }
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.has(0x2C, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x0A, in: word) || ByteScan.has(0x0D, in: word)
    }
}

/// The quote, which a quoted CSV field doubles.
enum QuoteByte: ByteNeedles {
    static var below: UInt8 { 0 }
    static var packed: UInt32 { pack(0x22, 0x22, 0x22, 0x22) }
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte == 0x22 }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool { ByteScan.has(0x22, in: word) }
}

/// Bytes that may need CSV quotes or a JSON escape: the union of ``CSVSpecialBytes`` and ``JSONSpecialBytes``
/// (LF and CR are control characters).
enum CellSpecialBytes: LineSeparatorNeedles {
    static var below: UInt8 { 0x20 }
    static var packed: UInt32 { pack(0x22, 0x2C, 0x5C, 0xE2) }
    static var packedBesideLead: UInt32 { pack(0x22, 0x2C, 0x5C, 0x5C) }
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x2C || byte == 0x5C || byte == 0xE2
    }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.hasByte(below: 0x20, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x2C, in: word)
            || ByteScan.has(0x5C, in: word) || ByteScan.has(0xE2, in: word)
    }
}
