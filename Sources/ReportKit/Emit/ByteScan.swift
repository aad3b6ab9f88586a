/// Finds the next byte of interest eight bytes at a time (SWAR: bit tricks on a UInt64), for the row
/// writers: in Chinese report text almost no byte needs an escape, and testing byte by byte was most of
/// the cost of rendering a row.
enum ByteScan {
    /// The first index at or after `start` holding one of `Needles`' bytes, or `bytes.count` when none does.
    static func firstIndex<Needles: ByteNeedles>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _: Needles.Type) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if Needles.inWord(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) { break }
                index += 8
            }
        }
        while index < count && !Needles.isNeedle(bytes[index]) { index += 1 }
        return index
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
}

/// Bytes a JSON string literal may have to escape: control characters, `"`, `\`, and 0xE2, the lead byte of
/// U+2028 and U+2029 (the caller looks closer).
enum JSONSpecialBytes: ByteNeedles {
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.hasByte(below: 0x20, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x5C, in: word) || ByteScan.has(0xE2, in: word)
    }
}

/// Bytes that make a CSV field need quotes: `,`, `"`, LF and CR.
enum CSVSpecialBytes: ByteNeedles {
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.has(0x2C, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x0A, in: word) || ByteScan.has(0x0D, in: word)
    }
}

/// The quote, which a quoted CSV field doubles.
enum QuoteByte: ByteNeedles {
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte == 0x22 }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool { ByteScan.has(0x22, in: word) }
}

/// Bytes that may need CSV quotes or a JSON escape: the union of ``CSVSpecialBytes`` and ``JSONSpecialBytes``
/// (LF and CR are control characters).
enum CellSpecialBytes: ByteNeedles {
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x2C || byte == 0x5C || byte == 0xE2
    }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.hasByte(below: 0x20, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x2C, in: word)
            || ByteScan.has(0x5C, in: word) || ByteScan.has(0xE2, in: word)
    }
}
