/// The search for the next scalar with a given ``TextSpans`` flag in the flags the decoding stored, one byte per
/// scalar: the scans for numbers and digits-missing words ask eight positions with one load, where a bit table asks
/// one, and the positions they look for are a few in a hundred.
enum ScalarFlagSearch {
    /// The first index at or after `start` whose flags share a bit with `mask`, or `flags.count`.
    @inline(__always)
    static func firstIndex(in flags: UnsafeBufferPointer<UInt8>, matching mask: UInt8, from start: Int) -> Int {
        guard let base = flags.baseAddress else { return flags.count }
        let wordMask = UInt64(mask) &* 0x0101_0101_0101_0101
        var index = max(start, 0)
        while index <= flags.count &- 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) & wordMask
            if word != 0 { return index &+ word.trailingZeroBitCount / 8 }
            index &+= 8
        }
        while index < flags.count {
            if flags[index] & mask != 0 { return index }
            index &+= 1
        }
        return flags.count
    }
}
