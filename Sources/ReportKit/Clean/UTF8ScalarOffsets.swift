/// The UTF-8 offsets of scalar indices in valid UTF-8, asked in ascending order: the scalars' starts (bytes
/// that are not `10xxxxxx`) are counted eight bytes at a time while the scalar asked for lies beyond them, where
/// summing `UTF8.width` of every scalar before it cost a few instructions a scalar.
struct UTF8ScalarOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// How many scalars start before `byteOffset`.
    private var scalarIndex = 0
    private var byteOffset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The offset where scalar `target` starts (the byte count for the scalar count); `target` is never below
    /// the one asked before.
    mutating func offset(ofScalar target: Int) -> Int {
        if let base = bytes.baseAddress {
            while byteOffset + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + byteOffset).loadUnaligned(as: UInt64.self)
                // Bit 7 of a byte of `continuation` is set for a continuation byte (bit 7 set, bit 6 clear).
                let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                let starts = 8 - Int(truncatingIfNeeded: ((continuation >> 7) &* 0x0101_0101_0101_0101) >> 56)
                guard scalarIndex + starts <= target else { break }
                scalarIndex += starts
                byteOffset += 8
            }
        }
        while byteOffset < bytes.count {
            if bytes[byteOffset] & 0xC0 != 0x80 {
                if scalarIndex == target { return byteOffset }
                scalarIndex += 1
            }
            byteOffset += 1
        }
        return byteOffset
    }
}
