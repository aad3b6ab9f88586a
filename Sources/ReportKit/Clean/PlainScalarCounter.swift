/// `text.count` for page text, counted by scalar when every scalar is ``TextSpans/isPlain(_:)`` (then a
/// scalar is a Character), with the plain scalars of the Basic Multilingual Plane in a bit table: one load
/// per scalar instead of a chain of range tests, and eight ASCII bytes at a time.
enum PlainScalarCounter {
    /// Bit `v` is set when U+v is plain (no scalar beyond U+FFFF is).
    private static let plainBits: [UInt64] = (0..<1024).map { word in
        (0..<64).reduce(UInt64(0)) { bits, bit in
            let value = UInt32(word * 64 + bit)
            guard let scalar = Unicode.Scalar(value), TextSpans.isPlain(scalar) else { return bits }
            return bits | 1 << UInt64(bit)
        }
    }

    /// The number of scalars of valid UTF-8 `bytes` when all are plain, else nil.
    static func plainScalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        return plainBits.withUnsafeBufferPointer { bits in
            let count = bytes.count
            var scalars = 0
            var index = 0
            while index < count {
                let lead = base[index]
                // U+4000…U+9FFF, CJK ideographs (and extension A), all plain but U+4DC0…U+4DFF (E4 B7 xx), the
                // hexagram symbols; U+4E00…U+4FFF holds some of the commonest characters (不, 中, 了, 人, 会).
                if lead >= 0xE4 && lead <= 0xE9 && (lead != 0xE4 || base[index + 1] != 0xB7) {
                    scalars += 1
                    index += 3
                    continue
                }
                if lead < 0x80 {
                    if index + 8 <= count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        let carriageReturns = word ^ 0x0D0D_0D0D_0D0D_0D0D
                        if word & 0x8080_8080_8080_8080 == 0,
                            (carriageReturns &- 0x0101_0101_0101_0101) & ~carriageReturns & 0x8080_8080_8080_8080 == 0
                        {
                            scalars += 8
                            index += 8
                            continue
                        }
                    }
                    guard lead != 0x0D else { return nil }
                    scalars += 1
                    index += 1
                    continue
                }
                let value: UInt32
                switch lead {
                case 0xE0..<0xF0:
                    value = UInt32(lead & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
                    index += 3
                case 0xC0..<0xE0:
                    value = UInt32(lead & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F)
                    index += 2
                default:
                    return nil  // beyond U+FFFF
                }
                guard bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 else { return nil }
                scalars += 1
            }
            return scalars
        }
    }
}
