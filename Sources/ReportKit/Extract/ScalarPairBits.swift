/// A set of (first, second) scalar pairs kept as one hashed bit per pair, like a one-hash Bloom filter: clear
/// means no member starts with this pair, which is the answer at most text positions where a word's first
/// scalar stands; set means the caller must look at the words themselves.
struct ScalarPairBits: Sendable {
    private let words: [UInt64]
    /// 64 minus the log2 of the bit count: the hash's top bits pick the bit.
    private let shift: UInt64

    /// `bitCount`, a power of two of at least 64, bounds the false positives: about members / bitCount.
    init(pairs: some Sequence<(Unicode.Scalar, Unicode.Scalar)>, bitCount: Int) {
        precondition(bitCount >= 64 && bitCount & (bitCount - 1) == 0, "a power of two of at least 64 bits")
        shift = UInt64(64 - bitCount.trailingZeroBitCount)
        var words = [UInt64](repeating: 0, count: bitCount / 64)
        for (first, second) in pairs {
            let bit = Self.bit(first.value, second.value, shift: shift)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.words = words
    }

    @inline(__always)
    static func bit(_ first: UInt32, _ second: UInt32, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((UInt64(first) << 32 | UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// False only when no member pair is (`first`, `second`).
    @inline(__always)
    func mayContain(_ first: UInt32, _ second: UInt32) -> Bool {
        let bit = Self.bit(first, second, shift: shift)
        return words.withUnsafeBufferPointer { $0[bit >> 6] >> UInt64(bit & 63) & 1 != 0 }
    }
}
