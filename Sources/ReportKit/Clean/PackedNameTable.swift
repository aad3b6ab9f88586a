/// A small hash table from element or attribute names of at most eight bytes, packed into one integer
/// (``packed(_:)``), to an index: one multiply and a probe or two where a `Dictionary` hashes with SipHash.
/// Keys are never 0 (a packed name is not empty), so 0 marks a free slot.
struct PackedNameTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    private var shift: UInt64

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func value(_ key: UInt64) -> Int? {
        var index = slot(key)
        let mask = keys.count - 1
        while true {
            let stored = keys[index]
            if stored == key { return Int(values[index]) }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(key)
        let mask = keys.count - 1
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = Int32(value)
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        self = PackedNameTable(capacity: keys.count)
        for (key, value) in old { insert(key, Int(value)) }
    }

    /// A NUL-terminated name of at most eight bytes packed into one integer (its bytes are never NUL, so no
    /// two names share a key); nil for a longer name.
    @inline(__always)
    static func packed(_ name: UnsafePointer<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        for offset in 0..<8 {
            let byte = name[offset]
            if byte == 0 { return key }
            key |= UInt64(byte) << (8 * offset)
        }
        return name[8] == 0 ? key : nil
    }

    /// The key of a name given as a String (for building tables up front).
    static func packed(_ name: String) -> UInt64? {
        var bytes = Array(name.utf8) + [0]
        return bytes.withUnsafeMutableBufferPointer { packed($0.baseAddress!) }
    }
}
